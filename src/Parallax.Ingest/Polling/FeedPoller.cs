using Parallax.Ingest.Feeds;
using Parallax.Ingest.Fetch;

namespace Parallax.Ingest.Polling;

/// <summary>
/// The polling loop: takes due sources from an <see cref="IPollStore"/>, fetches each with a conditional GET, reads
/// the feed, computes the next state with <see cref="PollSchedule"/> and saves both. Sources are checked in parallel;
/// the fetcher's per-host and global limits keep that polite. One source's failure is its own result (kept as its
/// last error), never the loop's end.
/// </summary>
public sealed class FeedPoller(HttpFetcher fetcher, FeedReader reader, IPollStore store, ScheduleOptions? schedule = null,
    TimeProvider? time = null, Func<double>? random = null)
{
    private readonly ScheduleOptions schedule = schedule ?? ScheduleOptions.Default;
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly Func<double> random = random ?? Random.Shared.NextDouble;

    /// <summary>How many due sources one round (<see cref="PollDueAsync"/>) takes from the store.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>
    /// Checks the loop (<see cref="RunAsync"/>) keeps going at once. It claims only as many due sources as it has free
    /// places, so pollers that share one store share the due sources, and a slow or stalled feed holds one place
    /// while the others are checked again as they come due.
    /// </summary>
    public int MaxInFlight { get; init; } = 64;

    /// <summary>How long the loop sleeps when nothing is due and no check finishes.</summary>
    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One round: every source due now (up to <see cref="BatchSize"/>), checked and saved. Returns the results.</summary>
    public async Task<IReadOnlyList<PollResult>> PollDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.LoadDueAsync(time.GetUtcNow(), BatchSize, cancellationToken);
        var results = await Task.WhenAll(due.Select(source => PollAndSaveAsync(source, cancellationToken)));
        return results;
    }

    /// <summary>
    /// Polls until cancelled (then returns once the checks in flight have stopped): due sources are claimed into free
    /// places, and the loop wakes when a check finishes or, with nothing due, after <see cref="IdleDelay"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInFlight, 1);
        var running = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var free = MaxInFlight - running.Count;
                var due = free > 0 ? await store.LoadDueAsync(time.GetUtcNow(), free, cancellationToken) : [];
                running.AddRange(due.Select(source => PollAndSaveAsync(source, cancellationToken)));

                // Every free place is now taken, or nothing more is due: wait for a check to finish (its place is free
                // again, and a source may have come due meanwhile) or, when none is running, for the idle delay.
                using (var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    await Task.WhenAny([.. running, Task.Delay(IdleDelay, time, wake.Token)]);
                    await wake.CancelAsync(); // the idle timer is not left running behind every finished check
                }

                cancellationToken.ThrowIfCancellationRequested();

                foreach (var done in running.Where(t => t.IsCompleted).ToList())
                {
                    running.Remove(done);
                    await done; // a store that cannot save ends the loop with its error, as a failed round did
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of the loop; a check cut short saved nothing half-done.
        }
        finally
        {
            await Task.WhenAll(running).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>One check of one source, not saved: the fetch, the feed read from it, and the source's next state.</summary>
    public async Task<PollResult> PollAsync(SourceState source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var fetch = await fetcher.FetchAsync(new FetchRequest(source.FeedUrl, source.ETag, source.LastModified), cancellationToken);
        FeedParseResult? parsed = null;
        if (fetch.Status == FetchStatus.Ok)
        {
            // Parsing is CPU work; off the I/O path so many sources read in parallel.
            parsed = await Task.Run(() => reader.Parse(fetch.Body, fetch.Charset, (fetch.FinalUrl ?? source.FeedUrl).AbsoluteUri), cancellationToken);
        }

        var next = PollSchedule.Next(source, PollOutcome.From(fetch, parsed), time.GetUtcNow(), random(), schedule);
        return new PollResult(next, parsed?.Feed, fetch);
    }

    private async Task<PollResult> PollAndSaveAsync(SourceState source, CancellationToken cancellationToken)
    {
        PollResult result;
        try
        {
            result = await PollAsync(source, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug or an exhausted resource on one source is that source's error, so the others go on.
            var fetch = new FetchResult(source.FeedUrl, FetchStatus.NetworkError, Error: $"the check failed: {e.Message}");
            result = new PollResult(PollSchedule.Next(source, PollOutcome.From(fetch, null), time.GetUtcNow(), random(), schedule), null, fetch);
        }

        await store.SaveAsync(result, cancellationToken);
        return result;
    }
}
