using System.Globalization;
using Parallax.Data;
using Parallax.Ingest.Polling;

namespace Parallax.App.Service;

/// <summary>
/// The poller's <see cref="IPollStore"/> on the store's sources table: due sources are claimed under a lease
/// (<see cref="IParallaxStore.ClaimDueSourcesAsync"/>) so that two pollers, in one process or several sharing one
/// database, never check one source at once; a result is saved with the source's new state and the feed's entries
/// as ingest items in one transaction (<see cref="IParallaxStore.SaveSourceCheckAsync"/>), which also ends the lease.
/// </summary>
public sealed class StorePollStore(IParallaxStore store, string poller, TimeProvider? time = null) : IPollStore
{
    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <summary>
    /// How long a claim holds: well past one check (the fetch's total timeout), so a lease runs out only when the
    /// poller that holds it is gone, and then another takes the source.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Items queued by the checks saved so far (for the log).</summary>
    public long Queued => Interlocked.Read(ref queued);

    private long queued;

    public async Task<IReadOnlyList<SourceState>> LoadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        var claimed = await store.ClaimDueSourcesAsync(poller, limit, Lease, now, cancellationToken);
        var states = new List<SourceState>(claimed.Count);
        foreach (var source in claimed)
        {
            if (Uri.TryCreate(source.FeedUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                states.Add(new SourceState(Id(source.Id), url, source.NextCheck ?? now, source.ETag, source.LastModified, source.ErrorCount,
                    source.LastError, source.LastErrorAt, source.LastError is null ? source.LastChecked : null, source.RefreshHint));
                continue;
            }

            // Not an address the fetcher can ask (a row written by hand or an old version): said on the source's page, asked again in a day.
            await store.SaveSourceCheckAsync(source.Id, new SourceCheck(now, now.AddDays(1), null, null,
                $"the feed address '{source.FeedUrl}' is not an http(s) URL"), [], cancellationToken);
        }

        return states;
    }

    public async Task SaveAsync(PollResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var state = result.State;
        var sourceId = long.Parse(state.SourceId, CultureInfo.InvariantCulture);

        // The schedule counts errors in a row: none means this check succeeded (a 200 with a readable feed, or a 304).
        var failed = state.ConsecutiveErrors > 0;
        // The state's feed address is the new one after a permanent redirect; its refresh hint is the feed's TTL.
        var check = new SourceCheck(time.GetUtcNow(), state.NextCheck, state.ETag, state.LastModified, failed ? state.LastError : null,
            state.FeedUrl.AbsoluteUri, state.RefreshHint);
        var items = result.Feed is { } feed
            ? feed.Entries.Select(entry => FeedEntryItems.For(sourceId, entry)).OfType<NewIngestItem>().ToList()
            : [];

        // Not the caller's token: a check whose fetch finished is saved, so its lease ends and its entries are kept.
        var added = await store.SaveSourceCheckAsync(sourceId, check, items, CancellationToken.None);
        Interlocked.Add(ref queued, added);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
