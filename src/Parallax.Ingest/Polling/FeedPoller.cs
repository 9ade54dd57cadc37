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

    /// <summary>How many due sources one round takes from the store.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>How long the loop sleeps when nothing is due.</summary>
    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One round: every source due now (up to <see cref="BatchSize"/>), checked and saved. Returns the results.</summary>
    public async Task<IReadOnlyList<PollResult>> PollDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.LoadDueAsync(time.GetUtcNow(), BatchSize, cancellationToken);
        var results = await Task.WhenAll(due.Select(source => PollAndSaveAsync(source, cancellationToken)));
        return results;
    }

    /// <summary>Polls until cancelled (then returns): a round, then a pause when the round found nothing due.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var results = await PollDueAsync(cancellationToken);
                if (results.Count == 0)
                {
                    await Task.Delay(IdleDelay, time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end of the loop; a round cut short saved nothing half-done.
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
