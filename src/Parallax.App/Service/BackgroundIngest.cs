using Parallax.Core.Pipeline;
using Parallax.Data;
using Parallax.Data.Ingest;
using Parallax.Ingest.Feeds;
using Parallax.Ingest.Fetch;
using Parallax.Ingest.Polling;

namespace Parallax.App.Service;

/// <summary>How the background work of `serve` and `worker` runs.</summary>
public sealed record BackgroundIngestOptions
{
    /// <summary>This process's name in leases (sources and queue items).</summary>
    public string Name { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Whether feeds are polled; without it only the queue is ingested (what other processes or imports filled).</summary>
    public bool Poll { get; init; } = true;

    /// <summary>The limits of every fetch, feeds and pages alike, and the SSRF guard's allowances.</summary>
    public FetchOptions Fetch { get; init; } = FetchOptions.Default;

    public ScheduleOptions Schedule { get; init; } = ScheduleOptions.Default;

    /// <summary>How long the poller sleeps when no source is due.</summary>
    public TimeSpan PollIdle { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the ingest loop sleeps when the queue is empty.</summary>
    public TimeSpan IngestIdle { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait before a page whose fetch may pass (a 5xx, the network) is tried again; it doubles each time.</summary>
    public TimeSpan PageRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a loop waits after an unexpected error (the database gone for a moment) before it goes on.</summary>
    public TimeSpan RetryAfterError { get; init; } = TimeSpan.FromSeconds(10);

    public IEnumerable<string> Problems() => Fetch.Problems().Concat(Schedule.Problems());
}

/// <summary>What a run of <see cref="BackgroundIngest"/> did.</summary>
public sealed record BackgroundSummary(long Items, long Articles, long Failed, long ItemsQueuedByPolls);

/// <summary>
/// The background work of `serve` and `worker`, the same in both: the feed poller (<see cref="FeedPoller"/> over
/// <see cref="StorePollStore"/>) queues what the feeds hold, and the <see cref="IngestLoop"/> ingests the queue; one
/// <see cref="HttpFetcher"/> (one connection pool, one set of per-host limits) serves both. Several processes can
/// run it on one database: sources and items are leased, and the session's writes go under the store's writer lock.
/// </summary>
public sealed class BackgroundIngest(IParallaxStore store, ParallaxPipeline pipeline, BackgroundIngestOptions options)
{
    /// <summary>Called with each item's outcome, in commit order.</summary>
    public Func<IngestOutcome, Task>? OnOutcome { get; init; }

    /// <summary>Called once the session has been rebuilt from the store (the replay at open) and ingest can begin.</summary>
    public Func<ReplayReport, Task>? OnSessionReady { get; init; }

    /// <summary>Called with a sentence when a loop met an unexpected error and will try again.</summary>
    public Func<string, Task>? OnTrouble { get; init; }

    /// <summary>
    /// Runs until cancelled. With <paramref name="untilIdle"/>: one round of the due sources, then the queue until it
    /// is empty, then returns.
    /// </summary>
    public async Task<BackgroundSummary> RunAsync(bool untilIdle, CancellationToken cancellationToken)
    {
        using var fetcher = new HttpFetcher(options.Fetch);
        using var coordinator = await IngestCoordinator.OpenAsync(store, pipeline, cancellationToken: cancellationToken);
        if (OnSessionReady is { } ready)
        {
            await ready(coordinator.LastReplay);
        }

        var loop = new IngestLoop(store, coordinator, pipeline, new ArticleFetcher(fetcher, pipeline), options.Name)
        {
            IdleDelay = options.IngestIdle,
            RetryDelay = options.PageRetryDelay,
            OnOutcome = OnOutcome,
        };
        var polls = new StorePollStore(store, options.Name);
        // A worker claims only the sources it can fetch at once, so workers that share a database share the due sources.
        var poller = new FeedPoller(fetcher, new FeedReader(), polls, options.Schedule)
        {
            IdleDelay = options.PollIdle,
            MaxInFlight = options.Fetch.MaxConcurrent,
        };
        try
        {
            if (untilIdle)
            {
                if (options.Poll)
                {
                    await poller.PollDueAsync(cancellationToken);
                }

                await loop.RunAsync(untilEmpty: true, cancellationToken);
            }
            else
            {
                await Task.WhenAll(
                    options.Poll ? KeepRunningAsync("the feed poller", poller.RunAsync, cancellationToken) : Task.CompletedTask,
                    KeepRunningAsync("the ingest loop", ct => loop.RunAsync(untilEmpty: false, ct), cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped: what was committed stays; leases of work in flight run out and others take it.
        }

        return new BackgroundSummary(loop.Items, loop.Articles, loop.Failed, polls.Queued);
    }

    /// <summary>
    /// Runs a loop until cancelled; an unexpected error (a bug, the database unreachable) is reported and the loop
    /// starts again after a pause, so one bad moment does not stop polling for good.
    /// </summary>
    private async Task KeepRunningAsync(string what, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await run(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                if (OnTrouble is { } trouble)
                {
                    await trouble($"{what} stopped on an error and starts again in {options.RetryAfterError.TotalSeconds:0} s: {e.Message}");
                }

                await Task.Delay(options.RetryAfterError, cancellationToken);
            }
        }
    }
}
