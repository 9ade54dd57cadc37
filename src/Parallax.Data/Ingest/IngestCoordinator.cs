using System.Globalization;
using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;

namespace Parallax.Data.Ingest;

/// <summary>
/// Drives the engine session and writes what it decides to the store: the one writer of copy links and stories.
/// <see cref="Prepare"/> (extraction, spin, language) runs on any thread; <see cref="CommitAsync"/> takes items one at
/// a time, adds their articles to the session, and writes the item, its articles and every link and story change in
/// one transaction. The session's in-memory indexes are rebuilt at <see cref="OpenAsync"/> by replaying the stored
/// articles in arrival order (see <see cref="SessionReplay"/>), so a store reopened after a kill goes on exactly where
/// its last committed item left it.
/// </summary>
public sealed class IngestCoordinator : IDisposable
{
    private readonly IParallaxStore store;
    private readonly ParallaxPipeline pipeline;
    private readonly TimeProvider clock;
    private readonly SemaphoreSlim writer = new(1, 1);
    private readonly CoverageWriter coverage;
    private ParallaxSession session;
    private Dictionary<string, long> storedStories;
    private long nextId;

    private IngestCoordinator(
        IParallaxStore store, ParallaxPipeline pipeline, TimeProvider clock, ParallaxSession session, long nextId, ReplayReport replay, Dictionary<string, long> storedStories)
    {
        this.storedStories = storedStories;
        this.store = store;
        this.pipeline = pipeline;
        this.clock = clock;
        this.session = session;
        this.nextId = nextId;
        coverage = new CoverageWriter(store, pipeline);
        LastReplay = replay;
    }

    /// <summary>How the session was rebuilt from the store (at open, or after a failed write).</summary>
    public ReplayReport LastReplay { get; private set; }

    /// <summary>The session as it stands (read it only between commits: it has one writer).</summary>
    public ParallaxSession Session => session;

    /// <summary>Opens a coordinator on a store: replays the stored articles into a new session.</summary>
    public static async Task<IngestCoordinator> OpenAsync(IParallaxStore store, ParallaxPipeline pipeline, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pipeline);
        var (session, maxId, report, stories) = await SessionReplay.RebuildAsync(store, pipeline, cancellationToken);
        return new IngestCoordinator(store, pipeline, clock ?? TimeProvider.System, session, maxId + 1, report, stories);
    }

    /// <summary>
    /// The per-article work of an item: extraction (for a page), then spin and language. Thread-safe and pure; a page the
    /// extractor cannot read, or one with no article, comes back with its reason.
    /// </summary>
    public PreparedSubmission Prepare(IngestSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        try
        {
            if (submission.Articles is { } given)
            {
                return given.Count == 0
                    ? new PreparedSubmission(submission, [], "no article in the item")
                    : new PreparedSubmission(submission, [.. given.Select(a => pipeline.Prepare(submission.Path, a, []))], null);
            }

            if (submission.Page is null)
            {
                return new PreparedSubmission(submission, [], "the item has neither a page nor articles");
            }

            var page = pipeline.Extract(submission.Page);
            if (page.Error is not null)
            {
                return new PreparedSubmission(submission, [], page.Error);
            }

            return page.Articles.Count == 0
                ? new PreparedSubmission(submission, [], "no article found on the page")
                : new PreparedSubmission(submission, pipeline.Prepare(page), null);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // One item's bug must not end a run: it is that item's failure, with the detail for --verbose.
            return new PreparedSubmission(submission, [], "the item could not be analysed: an internal error (a bug; --verbose shows it)", e.ToString());
        }
    }

    /// <summary>Whether the item with this key is stored (done): a caller can pass it over before preparing it.</summary>
    public async Task<bool> IsStoredAsync(string key, CancellationToken cancellationToken = default) =>
        await store.ItemStateAsync(key, cancellationToken) == IngestState.Done;

    /// <summary>Prepares and commits one item.</summary>
    public Task<IngestOutcome> IngestAsync(IngestSubmission submission, CancellationToken cancellationToken = default) =>
        CommitAsync(Prepare(submission), cancellationToken);

    /// <summary>
    /// Adds a prepared item's articles to the session and stores the item with everything it changed, in one
    /// transaction. An item stored before is skipped; a failed item is recorded with its reason. Cancellation is
    /// honoured before the write, never inside it.
    /// </summary>
    public async Task<IngestOutcome> CommitAsync(PreparedSubmission prepared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var submission = prepared.Submission;
        await writer.WaitAsync(cancellationToken);
        try
        {
            await using var writerLock = await store.AcquireWriterLockAsync(cancellationToken);
            await CatchUpAsync(cancellationToken);
            if (await store.ItemStateAsync(submission.Key, cancellationToken) == IngestState.Done)
            {
                return new IngestOutcome(submission.Key, submission.Path, IngestResult.AlreadyStored, [], [], null);
            }

            var item = new ItemWrite(submission.Key, submission.SourceId, submission.Url ?? submission.Page?.Url, submission.Path, submission.PartialReason);
            if (prepared.Error is not null)
            {
                await store.RecordItemFailedAsync(item, prepared.Error, cancellationToken);
                return new IngestOutcome(submission.Key, submission.Path, IngestResult.Failed, [], [], prepared.Error, prepared.Detail);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var ids = new List<long>();
            var updates = new List<SessionUpdate>();
            var firstId = nextId;
            foreach (var article in prepared.Articles)
            {
                var id = nextId++;
                ids.Add(id);
                updates.Add(session.Add(article, Key(id)));
            }

            var write = new ChangeWriter(session, storedStories).Build(item, submission, prepared.Articles, ids, updates, Fetched(submission));
            try
            {
                // Not cancellable: the session holds the item's articles now, and a write cut halfway would leave it
                // ahead of the store. A store read that fails here is handled as a failed write.
                write = write with { Coverage = await coverage.BuildAsync(session, write, prepared.Articles, CancellationToken.None) };
                await store.WritePageAsync(write, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The session holds articles the store does not: rebuild it from what the store has.
                (session, var maxId, var report, storedStories) = await SessionReplay.RebuildAsync(store, pipeline, CancellationToken.None);
                LastReplay = report;
                nextId = Math.Max(maxId + 1, firstId);
                var reason = $"the store could not write it ({e.Message.TrimEnd('.')})";
                await TryRecordFailureAsync(item, reason);
                return new IngestOutcome(submission.Key, submission.Path, IngestResult.Failed, [], [], reason, e.ToString());
            }

            foreach (var article in write.Articles)
            {
                storedStories[Key(article.Id)] = article.StoryId;
            }

            foreach (var move in write.Moves)
            {
                storedStories[Key(move.ArticleId)] = move.StoryId;
            }

            return new IngestOutcome(submission.Key, submission.Path, IngestResult.Stored, ids, updates, null);
        }
        finally
        {
            writer.Release();
        }
    }

    /// <summary>
    /// Adds what other writers (workers on the same database) stored since this session last looked, in arrival order,
    /// so that this session decides as one session fed every article would. Called under the writer lock.
    /// </summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await foreach (var article in store.ReadForReplayAfterAsync(nextId - 1, cancellationToken))
        {
            var key = Key(article.Id);
            session.Add(SessionReplay.ToPrepared(article), key);
            storedStories[key] = article.StoryId;
            nextId = article.Id + 1;
        }
    }

    /// <summary>The session's id of a stored article: its store id in invariant digits.</summary>
    internal static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    internal static long IdOf(string key) => long.Parse(key, CultureInfo.InvariantCulture);

    public void Dispose() => writer.Dispose();

    private DateTimeOffset Fetched(IngestSubmission submission) => submission.Fetched ?? clock.GetUtcNow();

    private async Task TryRecordFailureAsync(ItemWrite item, string reason)
    {
        try
        {
            await store.RecordItemFailedAsync(item, reason, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The store refuses writes altogether (disk full, server gone): the caller reports the failure either way.
            _ = e;
        }
    }

    /// <summary>The source name an article is stored under without a feed source: its publisher, else its site's host.</summary>
    internal static string SourceName(ExtractedArticle article, string? url)
    {
        if (!string.IsNullOrWhiteSpace(article.Source))
        {
            return article.Source.Trim();
        }

        foreach (var candidate in new[] { article.Url, url })
        {
            if (Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host))
            {
                return uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
            }
        }

        return "unknown source";
    }
}
