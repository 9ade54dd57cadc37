using System.Diagnostics;
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
public sealed partial class IngestCoordinator : IDisposable
{
    private readonly IParallaxStore store;
    private readonly ParallaxPipeline pipeline;
    private readonly TimeProvider clock;
    private readonly SemaphoreSlim writer = new(1, 1);
    private readonly CoverageWriter coverage;
    private ParallaxSession session;
    private StoredMembership membership;
    private long nextId;

    private IngestCoordinator(
        IParallaxStore store, ParallaxPipeline pipeline, TimeProvider clock, ParallaxSession session, long nextId, ReplayReport replay, Dictionary<long, long> storedStories)
    {
        membership = new StoredMembership(storedStories);
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

    /// <summary>Time spent in each stage since the coordinator opened.</summary>
    public IngestStageTimes Stages { get; } = new();

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
        var started = Stopwatch.GetTimestamp();
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
        finally
        {
            Stages.AddPrepare(started);
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
        await writer.WaitAsync(cancellationToken);
        try
        {
            await using var writerLock = await store.AcquireWriterLockAsync(cancellationToken);
            await CatchUpAsync(cancellationToken);
            var decided = await DecideAsync(prepared, null, cancellationToken);
            var (outcome, writeFailed) = await WriteAsync(decided, cancellationToken);
            if (writeFailed)
            {
                await RecoverAsync(decided.FirstId);
            }

            return outcome;
        }
        finally
        {
            writer.Release();
        }
    }

    /// <summary>
    /// The session's step for one item, under the writer lock: whether it is stored (or in flight) already, else its
    /// articles into the session, the write that records what changed, and the plan of its coverage comparisons.
    /// The store's view of memberships moves on at once, as if the write were done (a failed write rebuilds it).
    /// </summary>
    /// <param name="inFlight">Keys decided but perhaps not yet written (a bulk run); null for one item.</param>
    private async Task<DecidedItem> DecideAsync(PreparedSubmission prepared, HashSet<string>? inFlight, CancellationToken cancellationToken)
    {
        var submission = prepared.Submission;
        var item = new ItemWrite(submission.Key, submission.SourceId, submission.Url ?? submission.Page?.Url, submission.Path, submission.PartialReason);
        var started = Stopwatch.GetTimestamp();
        var stored = inFlight?.Contains(submission.Key) == true
            || await store.ItemStateAsync(submission.Key, cancellationToken) == IngestState.Done;
        Stages.AddWrite(started);
        if (stored)
        {
            return new DecidedItem(prepared, item, nextId, IngestResult.AlreadyStored);
        }

        inFlight?.Add(submission.Key);
        if (prepared.Error is not null)
        {
            return new DecidedItem(prepared, item, nextId, IngestResult.Failed);
        }

        cancellationToken.ThrowIfCancellationRequested();
        started = Stopwatch.GetTimestamp();
        var ids = new List<long>();
        var updates = new List<SessionUpdate>();
        var firstId = nextId;
        foreach (var article in prepared.Articles)
        {
            var id = nextId++;
            ids.Add(id);
            updates.Add(session.Add(article, Key(id)));
        }

        var write = new ChangeWriter(session, membership).Build(item, submission, prepared.Articles, ids, updates, Fetched(submission));
        var plan = CoverageWriter.Plan(session, write, prepared.Articles, membership);
        foreach (var article in write.Articles)
        {
            membership.Set(article.Id, article.StoryId);
        }

        foreach (var move in write.Moves)
        {
            membership.Set(move.ArticleId, move.StoryId);
        }

        Stages.AddSession(started);
        return new DecidedItem(prepared, item, firstId, null, write, plan, ids, updates);
    }

    /// <summary>
    /// Stores a decided item: its coverage comparisons, then the one transaction. Every earlier item must be written.
    /// Not cancellable once the session holds the item's articles (a write cut halfway would leave the session ahead
    /// of the store). A failed write is recorded as the item's failure and said, so the caller rebuilds the session.
    /// </summary>
    private async Task<(IngestOutcome Outcome, bool WriteFailed)> WriteAsync(DecidedItem decided, CancellationToken cancellationToken)
    {
        var submission = decided.Prepared.Submission;
        switch (decided.Settled)
        {
            case IngestResult.AlreadyStored:
                return (new IngestOutcome(submission.Key, submission.Path, IngestResult.AlreadyStored, [], [], null), false);
            case IngestResult.Failed:
                await store.RecordItemFailedAsync(decided.Item, decided.Prepared.Error!, cancellationToken);
                return (new IngestOutcome(submission.Key, submission.Path, IngestResult.Failed, [], [], decided.Prepared.Error, decided.Prepared.Detail), false);
        }

        try
        {
            // A store read that fails here is handled as a failed write.
            var started = Stopwatch.GetTimestamp();
            var write = decided.Write! with { Coverage = await coverage.BuildAsync(decided.Coverage, CancellationToken.None) };
            Stages.AddCoverage(started);
            started = Stopwatch.GetTimestamp();
            await store.WritePageAsync(write, CancellationToken.None);
            Stages.AddWrite(started);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var reason = $"the store could not write it ({e.Message.TrimEnd('.')})";
            await TryRecordFailureAsync(decided.Item, reason);
            return (new IngestOutcome(submission.Key, submission.Path, IngestResult.Failed, [], [], reason, e.ToString()), true);
        }

        return (new IngestOutcome(submission.Key, submission.Path, IngestResult.Stored, decided.Ids, decided.Updates, null), false);
    }

    /// <summary>After a failed write the session holds articles the store does not: rebuild it from what the store has.</summary>
    private async Task RecoverAsync(long failedFirstId)
    {
        (session, var maxId, var report, var stored) = await SessionReplay.RebuildAsync(store, pipeline, CancellationToken.None);
        membership = new StoredMembership(stored);
        LastReplay = report;
        nextId = Math.Max(maxId + 1, failedFirstId);
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
            var update = session.Add(SessionReplay.ToPrepared(article, pipeline.Embedder?.Dimensions ?? 0), key);
            membership.Set(article.Id, article.StoryId);
            nextId = article.Id + 1;

            // The other writer's merges and splits moved stored articles too, and it wrote those moves: follow them,
            // so that every story's members stay the store's (a later merge here compares only those members).
            foreach (var change in update.Changes)
            {
                switch (change)
                {
                    case StoriesMerged merged:
                        FollowSession(merged.Story);
                        FollowSession(merged.Absorbed);
                        break;
                    case StorySplit split:
                        FollowSession(split.Story);
                        FollowSession(split.NewStory);
                        break;
                }
            }
        }
    }

    /// <summary>Sets every stored member of a session story to where the session has it now.</summary>
    private void FollowSession(int story)
    {
        foreach (var id in membership.MembersOf(story + 1L).ToList())
        {
            membership.Set(id, session.StoryOf(Key(id)) + 1L);
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

        return SiteHost.Of(article.Url) ?? SiteHost.Of(url) ?? "unknown source";
    }
}
