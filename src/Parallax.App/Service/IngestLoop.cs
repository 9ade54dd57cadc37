using Parallax.Core.Pipeline;
using Parallax.Data;
using Parallax.Data.Ingest;
using Parallax.Ingest.Archives;
using Parallax.Ingest.Feeds;
using Parallax.Ingest.Fetch;
using Parallax.Ingest.Files;
using Parallax.Ingest.Polling;

namespace Parallax.App.Service;

/// <summary>
/// The ingest loop of `worker` and `serve`: takes items of the store's queue under a lease, prepares them in
/// parallel and commits them in order through the <see cref="IngestCoordinator"/> (the session's one writer), a
/// lease at a time. An item holds an article as JSON (its payload), a page file (its path), or only a URL: a feed
/// entry whose feed gave a teaser, whose page is fetched with <see cref="ArticleFetcher"/> (robots.txt, the fetch
/// limits, the SSRF guard) and extracted. A page that cannot be fetched or read fails the item with the reason,
/// which the admin's ingest queue shows, after <see cref="MaxAttempts"/> tries when the failure may pass; the
/// entry's teaser is not stored in its place (see <see cref="PrepareAsync"/>).
/// </summary>
public sealed class IngestLoop(IParallaxStore store, IngestCoordinator coordinator, ParallaxPipeline pipeline, ArticleFetcher? pages, string worker)
{
    private readonly PageFiles files = new();
    private long items;
    private long articles;
    private long failed;

    /// <summary>How long a leased item is this worker's before another may take it (a killed worker's items come back).</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the loop waits when the queue is empty.</summary>
    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Items taken per lease. They are committed under one hold of the store's writer lock, so on a shared PostgreSQL
    /// each worker catches up on the others' items once per lease rather than once per item.
    /// </summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// Takes of an item whose page fetch met a failure that may pass (the network, a 5xx, 429, 408) before it fails
    /// for good; between takes it waits <see cref="RetryDelay"/>, doubled each time.
    /// </summary>
    public int MaxAttempts { get; init; } = 3;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Called with each item's outcome, in commit order (a failure's report, a log line), after its lease's items are committed.</summary>
    public Func<IngestOutcome, Task>? OnOutcome { get; init; }

    public long Items => Interlocked.Read(ref items);

    public long Articles => Interlocked.Read(ref articles);

    public long Failed => Interlocked.Read(ref failed);

    /// <summary>
    /// One lease: up to <see cref="BatchSize"/> items taken, prepared in parallel and committed in order through the
    /// coordinator's bulk path (the session's step of the next item while the store writes the one before). Returns
    /// how many were taken.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var leased = await store.LeaseAsync(worker, BatchSize, Lease, DateTimeOffset.UtcNow, cancellationToken);
        if (leased.Count == 0)
        {
            return 0;
        }

        var prepared = leased.Select(item => Task.Run(() => PrepareAsync(item, cancellationToken), cancellationToken)).ToList();
        var outcomes = new List<IngestOutcome>(leased.Count);
        await coordinator.CommitAllAsync(ReadyAsync(leased, prepared, cancellationToken), outcome =>
        {
            Interlocked.Increment(ref items);
            Interlocked.Add(ref articles, outcome.ArticleIds.Count);
            if (outcome.Result == IngestResult.Failed)
            {
                Interlocked.Increment(ref failed);
            }

            // The write stage settles items one after another, in order.
            outcomes.Add(outcome);
        }, cancellationToken);

        if (OnOutcome is { } report)
        {
            foreach (var outcome in outcomes)
            {
                await report(outcome);
            }
        }

        return leased.Count;
    }

    /// <summary>
    /// The prepared items in lease order, for the commit. An item whose page fetch may pass is not committed: it goes
    /// back to the queue for later (its lease's end is the retry time).
    /// </summary>
    private async IAsyncEnumerable<PreparedSubmission> ReadyAsync(
        IReadOnlyList<IngestItem> leased, List<Task<(PreparedSubmission Submission, string? Retry)>> prepared,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < leased.Count; i++)
        {
            var (submission, retry) = await prepared[i];
            if (retry is not null && leased[i].Attempts < MaxAttempts)
            {
                var wait = RetryDelay * Math.Pow(2, Math.Max(0, leased[i].Attempts - 1));
                await store.RetryItemLaterAsync(leased[i].Id, DateTimeOffset.UtcNow + wait, $"{retry}; tried {leased[i].Attempts} of {MaxAttempts} times, trying again", cancellationToken);
                continue;
            }

            yield return submission;
        }
    }

    /// <summary>
    /// Leases and commits until cancelled, or (with <paramref name="untilEmpty"/>) until a lease finds the queue empty.
    /// Cancellation ends it quietly: a leased item not committed comes back to the queue when its lease runs out.
    /// </summary>
    public async Task RunAsync(bool untilEmpty, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (await RunOnceAsync(cancellationToken) > 0)
                {
                    continue;
                }

                if (untilEmpty)
                {
                    return;
                }

                await Task.Delay(IdleDelay, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal end.
        }
    }

    /// <summary>
    /// What a queue item holds, as a submission. An item with only a URL has its page fetched and extracted here; when
    /// that fails the item fails with the reason. The feed's teaser is deliberately not stored instead: a teaser of a
    /// sentence or two would enter the story as that outlet's report, and the coverage comparison would read every
    /// fact it lacks as the outlet leaving it out, and copy detection has too little text to judge it.
    /// </summary>
    private async Task<(PreparedSubmission Submission, string? Retry)> PrepareAsync(IngestItem item, CancellationToken cancellationToken)
    {
        var where = item.Path ?? item.Url ?? item.Key;
        var submission = new IngestSubmission(item.Key, where, SourceId: item.SourceId, Url: item.Url);
        if (item.Payload is not null)
        {
            var entry = ArchiveFiles.ParseJsonArticle(item.Payload, where);
            return (entry.Article is null
                ? new PreparedSubmission(submission, [], entry.Error ?? "the payload holds no article")
                : coordinator.Prepare(submission with { Articles = [entry.Article], Url = item.Url ?? entry.Url }), null);
        }

        if (item.Path is not null)
        {
            var load = await files.LoadAsync(item.Path, cancellationToken);
            return (load.Page is null
                ? new PreparedSubmission(submission, [], load.Error ?? "the page cannot be read")
                : coordinator.Prepare(submission with { Page = load.Page, PartialReason = load.Partial ? load.Error : null }), null);
        }

        if (item.Url is null)
        {
            return (new PreparedSubmission(submission, [], "the item has neither an article, a page file nor a URL"), null);
        }

        if (pages is null)
        {
            return (new PreparedSubmission(submission, [], "this worker does not fetch pages (it was started without fetching)"), null);
        }

        return await FetchAsync(submission, item.Url, cancellationToken);
    }

    private async Task<(PreparedSubmission Submission, string? Retry)> FetchAsync(IngestSubmission submission, string url, CancellationToken cancellationToken)
    {
        var fetched = await pages!.FetchAsync(new FeedEntry(submission.Key, null, url, null, null, null, null, null), cancellationToken);
        if (fetched.Error is { } error || fetched.Extraction is not { } extraction || fetched.Page is not { } page)
        {
            var reason = fetched.Error ?? "the page could not be fetched";
            return (new PreparedSubmission(submission, [], reason), MayPass(fetched.Fetch) ? reason : null);
        }

        // ArticleFetcher has extracted the page under the extraction budgets; the rest of Prepare (spin, language) follows.
        var withPage = submission with { Page = page, Url = page.Url };
        try
        {
            return (extraction.Articles.Count == 0
                ? new PreparedSubmission(withPage, [], "no article found on the page")
                : new PreparedSubmission(withPage, pipeline.Prepare(extraction), null), null);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return (new PreparedSubmission(withPage, [], "the item could not be analysed: an internal error (a bug; --verbose shows it)", e.ToString()), null);
        }
    }

    /// <summary>
    /// Whether a failed fetch may succeed later: the network, or a server saying it is busy or broken for now. A
    /// refusal (robots.txt, the SSRF guard), a 404 or a page over a limit will be the same next time.
    /// </summary>
    private static bool MayPass(FetchResult? fetch) => fetch is not null && (fetch.Status == FetchStatus.NetworkError
        || (fetch.Status == FetchStatus.HttpError && fetch.StatusCode is 408 or 429 or >= 500));
}
