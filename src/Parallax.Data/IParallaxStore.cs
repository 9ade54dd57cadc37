namespace Parallax.Data;

/// <summary>
/// Everything Parallax keeps: sources and their polling state, the ingest queue, articles, stories, search, users and
/// API tokens. <see cref="Sqlite.SqliteStore"/> (one file, the default) and <see cref="Postgres.PostgresStore"/>
/// (several workers on one server) implement it with the same SQL where the databases agree. Every write is one
/// transaction; reads see committed data only. Thread-safe: each call takes its own connection.
/// </summary>
/// <remarks>
/// Copy links and stories have one writer, the engine session (<see cref="Ingest.IngestCoordinator"/>), which hands
/// its results to <see cref="WritePageAsync"/>; nothing else changes them.
/// </remarks>
public interface IParallaxStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Kind { get; }

    /// <summary>The schema version: the number of migrations applied (every one, once the store is open).</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default);

    // Sources.

    /// <summary>Adds a source; returns its id. A feed URL already stored returns that source's id.</summary>
    Task<long> AddSourceAsync(NewSource source, CancellationToken cancellationToken = default);

    Task<SourceRecord?> GetSourceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Every source, by name.</summary>
    Task<IReadOnlyList<SourceRecord>> ListSourcesAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes a source that has no articles (false when it has some or does not exist).</summary>
    Task<bool> RemoveSourceAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes up to <paramref name="limit"/> feed sources due at <paramref name="now"/> for <paramref name="poller"/>
    /// until now + <paramref name="leaseFor"/>, the longest overdue first: two pollers never get the same source while
    /// its lease holds (FOR UPDATE SKIP LOCKED on PostgreSQL). Saving the check ends the lease.
    /// </summary>
    Task<IReadOnlyList<SourceRecord>> ClaimDueSourcesAsync(string poller, int limit, TimeSpan leaseFor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a poll (next check, validators, and the error with the count of failures in a row, or its clearing),
    /// ends the source's lease, and queues the feed's entries, all in one transaction; an item whose key is known already is left as it is. Returns how many were new.
    /// </summary>
    Task<int> SaveSourceCheckAsync(long sourceId, SourceCheck check, IReadOnlyList<NewIngestItem> items, CancellationToken cancellationToken = default);

    /// <summary>Sources whose last poll failed, the most recent failure first.</summary>
    Task<IReadOnlyList<SourceRecord>> FeedErrorsAsync(CancellationToken cancellationToken = default);

    /// <summary>A source, its figures and a page of its articles (newest first); null when there is no such source.</summary>
    Task<SourceDetail?> GetSourceDetailAsync(long id, int offset = 0, int limit = 50, CancellationToken cancellationToken = default);

    // Articles, stories, search.

    Task<ArticleRecord?> GetArticleAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>These articles, whole, in one query (at most 500; ids not stored are left out), in the order asked.</summary>
    Task<IReadOnlyList<ArticleRecord>> GetArticlesAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default);

    /// <summary>The story list, ranked and filtered; merged stories are left out.</summary>
    Task<ResultPage<StorySummary>> ListStoriesAsync(StoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>A story with its articles and related stories; a merged story is returned as it is (see <see cref="StorySummary.MergedInto"/>).</summary>
    Task<StoryDetail?> GetStoryAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Stores the coverage comparison of a story (JSON text), replacing what was there.</summary>
    Task SetStoryCoverageAsync(long storyId, string coverageJson, CancellationToken cancellationToken = default);

    /// <summary>
    /// Articles matching the words of <paramref name="query"/> (every word, any order; no query syntax): those with
    /// every word in their title first, then the others, newest first within each.
    /// </summary>
    Task<ResultPage<SearchHit>> SearchAsync(string query, int offset = 0, int limit = 20, CancellationToken cancellationToken = default);

    /// <summary>
    /// For each of these stories (at most 500), its sources in the order they first reported and the opening of its
    /// earliest distinct report: what a story list shows under each title.
    /// </summary>
    Task<IReadOnlyDictionary<long, StoryOutline>> StoryOutlinesAsync(IReadOnlyList<long> storyIds, CancellationToken cancellationToken = default);

    /// <summary>How much is stored.</summary>
    Task<StoreCounts> CountsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The store's change counter: it grows in the same transaction as every write that changes what the public reads
    /// show (articles, stories, their relations and coverage, sources and their feed state), by any process. While it is
    /// unchanged, every read above answers as before, so a reader may serve what it computed then.
    /// </summary>
    Task<long> GenerationAsync(CancellationToken cancellationToken = default);

    // Ingest queue.

    /// <summary>Queues an item unless its key is known; returns its id, or null when the key was already there.</summary>
    Task<long?> EnqueueAsync(NewIngestItem item, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes up to <paramref name="count"/> queued items (or items whose lease ran out) for <paramref name="worker"/>
    /// until now + <paramref name="leaseFor"/>; two workers never get the same item while its lease holds.
    /// </summary>
    Task<IReadOnlyList<IngestItem>> LeaseAsync(string worker, int count, TimeSpan leaseFor, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The state of the item with this key, or null when the store has never seen it.</summary>
    Task<IngestState?> ItemStateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Records that an item could not be ingested, and why (created when new; a done item stays done).</summary>
    Task RecordItemFailedAsync(ItemWrite item, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives a leased item back after a failure that may pass (a server error, the network): no worker takes it before
    /// <paramref name="retryAt"/>, then any may; <paramref name="reason"/> is kept as its error meanwhile.
    /// </summary>
    Task RetryItemLaterAsync(long itemId, DateTimeOffset retryAt, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts failed items back in the queue with a fresh set of tries (an admin's "retry" once the cause is fixed: the
    /// site is back, a limit was raised): one item, or every failed item when <paramref name="itemId"/> is null.
    /// Returns how many were requeued; an item that is not failed is left alone.
    /// </summary>
    Task<int> RequeueFailedAsync(long? itemId = null, CancellationToken cancellationToken = default);

    /// <summary>Items of the queue, newest first, of one state or all.</summary>
    Task<ResultPage<IngestItem>> ListIngestItemsAsync(IngestState? state = null, int offset = 0, int limit = 50, CancellationToken cancellationToken = default);

    // The session's writes (IngestCoordinator).

    /// <summary>The highest article id stored (0 when none): the writer allocates new ids above it.</summary>
    Task<long> MaxArticleIdAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored articles in arrival (id) order, with what a session needs to be rebuilt from them.</summary>
    IAsyncEnumerable<ReplayArticle> ReadForReplayAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored articles with an id above <paramref name="afterId"/>, in arrival order (what other writers added).</summary>
    IAsyncEnumerable<ReplayArticle> ReadForReplayAfterAsync(long afterId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the store's one writer lock, across processes, until the result is disposed: the engine session's writes
    /// (catch up, add, write) happen under it, so several workers make the decisions one session would make, in the
    /// order their items are committed. PostgreSQL: an advisory lock; SQLite: a lock on a file beside the database.
    /// </summary>
    Task<IAsyncDisposable> AcquireWriterLockAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes everything one item changed, in one transaction (see <see cref="PageWrite"/>).</summary>
    Task WritePageAsync(PageWrite write, CancellationToken cancellationToken = default);

    /// <summary>
    /// The database's own integrity check and the store's invariants: every copy points at a stored original that is
    /// no copy, every article is in one story that exists and is not merged away, stored counts match. Empty when sound.
    /// </summary>
    Task<IReadOnlyList<string>> CheckIntegrityAsync(CancellationToken cancellationToken = default);

    // Users and API tokens.

    /// <summary>Adds a user with a password hash made by the caller (the store never sees a password); returns the id.</summary>
    Task<long> CreateUserAsync(string name, string passwordHash, bool isAdmin, CancellationToken cancellationToken = default);

    /// <summary>The user of this name (case-insensitive), or null.</summary>
    Task<UserRecord?> FindUserAsync(string name, CancellationToken cancellationToken = default);

    Task<UserRecord?> GetUserAsync(long id, CancellationToken cancellationToken = default);

    Task<long> CountUsersAsync(CancellationToken cancellationToken = default);

    Task SetPasswordHashAsync(long userId, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Adds an API token by the hash of its secret (the caller shows the secret once); returns its id.</summary>
    Task<long> CreateTokenAsync(long userId, string name, string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>The token with this hash that has not been revoked, or null.</summary>
    Task<ApiTokenRecord?> FindTokenAsync(string tokenHash, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApiTokenRecord>> ListTokensAsync(long userId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a token; false when it does not exist or was revoked before.</summary>
    Task<bool> RevokeTokenAsync(long tokenId, CancellationToken cancellationToken = default);

    /// <summary>Notes when a token was last used.</summary>
    Task TouchTokenAsync(long tokenId, DateTimeOffset when, CancellationToken cancellationToken = default);
}
