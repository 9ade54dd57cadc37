using Parallax.Ingest.Feeds;
using Parallax.Ingest.Fetch;

namespace Parallax.Ingest.Polling;

/// <summary>One check of one source: its next state, the feed when one was read (null on 304 or an error), and the fetch.</summary>
public sealed record PollResult(SourceState State, Feed? Feed, FetchResult Fetch);

/// <summary>
/// Where the poller finds due sources and leaves what it learnt. The store implements this on its sources table
/// (SQLite, PostgreSQL); <see cref="InMemoryPollStore"/> is the in-memory implementation used by the tests and by
/// anything that runs without a store. Contract for implementations:
/// <list type="bullet">
/// <item><see cref="LoadDueAsync"/> returns sources whose <see cref="SourceState.NextCheck"/> is at or before
/// <c>now</c>, earliest first, at most <c>limit</c>; with several workers it must also claim them (a lease, e.g.
/// <c>FOR UPDATE SKIP LOCKED</c> and a lease column) so that two workers do not poll one source at once.</item>
/// <item><see cref="SaveAsync"/> stores the new state and the feed's entries in one transaction, and ends the claim.
/// Entries are identified by (source, <see cref="FeedEntry.Id"/>); saving one seen before updates it, never duplicates it.</item>
/// </list>
/// </summary>
public interface IPollStore
{
    Task<IReadOnlyList<SourceState>> LoadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task SaveAsync(PollResult result, CancellationToken cancellationToken);
}

/// <summary>
/// The in-memory <see cref="IPollStore"/>: sources in a dictionary, entries per source by id. Thread-safe; a claimed
/// source is not returned again until its result is saved. For tests and store-less runs, not for persistence.
/// </summary>
public sealed class InMemoryPollStore : IPollStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SourceState> sources = new(StringComparer.Ordinal);
    private readonly HashSet<string> claimed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, FeedEntry>> entries = new(StringComparer.Ordinal);
    private readonly List<PollResult> history = [];

    public void Add(SourceState source)
    {
        lock (gate)
        {
            sources[source.SourceId] = source;
        }
    }

    public SourceState Get(string sourceId)
    {
        lock (gate)
        {
            return sources[sourceId];
        }
    }

    /// <summary>The entries stored for a source, in the order first seen.</summary>
    public IReadOnlyList<FeedEntry> Entries(string sourceId)
    {
        lock (gate)
        {
            return entries.TryGetValue(sourceId, out var byId) ? [.. byId.Values] : [];
        }
    }

    /// <summary>Every result saved, in order.</summary>
    public IReadOnlyList<PollResult> History
    {
        get
        {
            lock (gate)
            {
                return [.. history];
            }
        }
    }

    public Task<IReadOnlyList<SourceState>> LoadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var due = sources.Values.Where(s => s.NextCheck <= now && !claimed.Contains(s.SourceId))
                .OrderBy(s => s.NextCheck).ThenBy(s => s.SourceId, StringComparer.Ordinal).Take(limit).ToList();
            foreach (var source in due)
            {
                claimed.Add(source.SourceId);
            }

            return Task.FromResult<IReadOnlyList<SourceState>>(due);
        }
    }

    public Task SaveAsync(PollResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (gate)
        {
            var id = result.State.SourceId;
            sources[id] = result.State;
            claimed.Remove(id);
            history.Add(result);
            if (result.Feed is { } feed)
            {
                if (!entries.TryGetValue(id, out var byId))
                {
                    entries[id] = byId = new Dictionary<string, FeedEntry>(StringComparer.Ordinal);
                }

                foreach (var entry in feed.Entries)
                {
                    byId[entry.Id] = entry;
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The earliest next check of any source not claimed, or null with none.</summary>
    public DateTimeOffset? NextDue()
    {
        lock (gate)
        {
            return sources.Values.Where(s => !claimed.Contains(s.SourceId)).Select(s => (DateTimeOffset?)s.NextCheck).Min();
        }
    }
}
