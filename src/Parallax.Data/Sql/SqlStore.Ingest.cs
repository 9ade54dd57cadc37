using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;

namespace Parallax.Data.Sql;

/// <summary>The ingest queue, and the reads and writes of the engine session.</summary>
public abstract partial class SqlStore
{
    private const string ItemColumns =
        "id AS Id, item_key AS ItemKey, source_id AS SourceId, url AS Url, path AS Path, payload AS Payload, state AS State, " +
        "created AS Created, updated AS Updated, attempts AS Attempts, error AS Error, articles AS Articles, " +
        "leased_by AS LeasedBy, lease_until AS LeaseUntil";

    public async Task<long?> EnqueueAsync(NewIngestItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrEmpty(item.Key);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var now = NowMs();
        return await connection.ExecuteScalarAsync<long?>(Command(
            """
            INSERT INTO ingest_items (item_key, source_id, url, path, payload, state, created, updated)
            VALUES (@Key, @SourceId, @Url, @Path, @Payload, 'queued', @Now, @Now)
            ON CONFLICT (item_key) DO NOTHING RETURNING id
            """, new { item.Key, item.SourceId, item.Url, item.Path, item.Payload, Now = now }, null, cancellationToken));
    }

    public async Task<IReadOnlyList<IngestItem>> LeaseAsync(string worker, int count, TimeSpan leaseFor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(worker);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ItemRow>(Command(
            Dialect.LeaseSql(ItemColumns),
            new { Worker = worker, Count = (long)Math.Clamp(count, 1, 1000), LeaseUntil = Ms(now + leaseFor), Now = Ms(now) },
            transaction, cancellationToken));
        var items = rows.Select(r => r.ToRecord()).OrderBy(i => i.Id).ToList();
        await transaction.CommitAsync(cancellationToken);
        return items;
    }

    public async Task<IngestState?> ItemStateAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var state = await connection.ExecuteScalarAsync<string?>(Command(
            "SELECT state FROM ingest_items WHERE item_key = @Key", new { Key = key }, null, cancellationToken));
        return state is null ? null : ParseState(state);
    }

    public async Task RecordItemFailedAsync(ItemWrite item, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            """
            INSERT INTO ingest_items (item_key, source_id, url, path, state, created, updated, attempts, error)
            VALUES (@Key, @SourceId, @Url, @Path, 'failed', @Now, @Now, 1, @Error)
            ON CONFLICT (item_key) DO UPDATE SET state = 'failed', updated = @Now, error = @Error, leased_by = NULL, lease_until = NULL
            WHERE ingest_items.state <> 'done'
            """, new { item.Key, item.SourceId, item.Url, item.Path, Now = NowMs(), Error = reason }, null, cancellationToken));
    }

    public async Task RetryItemLaterAsync(long itemId, DateTimeOffset retryAt, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        await using var connection = await OpenConnectionAsync(cancellationToken);

        // Still 'leased', by no one, until retryAt: LeaseSql takes a leased item whose lease has run out, so it comes back then.
        await connection.ExecuteAsync(Command(
            """
            UPDATE ingest_items SET leased_by = NULL, lease_until = @RetryAt, updated = @Now, error = @Error
            WHERE id = @Id AND state = 'leased'
            """, new { Id = itemId, RetryAt = Ms(retryAt), Now = NowMs(), Error = reason }, null, cancellationToken));
    }

    public async Task<int> RequeueFailedAsync(long? itemId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(Command(
            """
            UPDATE ingest_items SET state = 'queued', attempts = 0, error = NULL, leased_by = NULL, lease_until = NULL, updated = @Now
            WHERE state = 'failed' AND (@Id IS NULL OR id = @Id)
            """, new { Id = itemId, Now = NowMs() }, null, cancellationToken));
    }

    public async Task<ResultPage<IngestItem>> ListIngestItemsAsync(IngestState? state = null, int offset = 0, int limit = 50, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, 500);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ItemRow>(Command(
            $"SELECT {ItemColumns} FROM ingest_items {(state is null ? string.Empty : "WHERE state = @State")} " +
            "ORDER BY updated DESC, id DESC LIMIT @Limit OFFSET @Offset",
            new { State = state is null ? null : StateName(state.Value), Limit = (long)limit + 1, Offset = (long)Math.Max(0, offset) },
            null, cancellationToken));
        return Paged([.. rows.Select(r => r.ToRecord())], limit);
    }

    public async Task<long> MaxArticleIdAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(Command("SELECT MAX(id) FROM articles", null, null, cancellationToken)) ?? 0;
    }

    public IAsyncEnumerable<ReplayArticle> ReadForReplayAsync(CancellationToken cancellationToken = default) =>
        ReadForReplayAfterAsync(0, cancellationToken);

    public async IAsyncEnumerable<ReplayArticle> ReadForReplayAfterAsync(long afterId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<ReplayRow>(
            """
            SELECT id AS Id, title AS Title, text AS Text, source_name AS ExtractedSource, published AS Published, spun AS Spun,
                   restored_text AS RestoredText, story_id AS StoryId, copy_of AS CopyOf, embedding AS Embedding
            FROM articles WHERE id > @After ORDER BY id
            """, new { After = afterId });
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return new ReplayArticle(row.Id, row.Title, row.Text, row.ExtractedSource, Time(row.Published), row.Spun != 0, row.RestoredText, row.StoryId, row.CopyOf, row.Embedding);
        }
    }

    public abstract Task<IAsyncDisposable> AcquireWriterLockAsync(CancellationToken cancellationToken = default);

    internal static string StateName(IngestState state) => state switch
    {
        IngestState.Queued => "queued",
        IngestState.Leased => "leased",
        IngestState.Done => "done",
        _ => "failed",
    };

    private static IngestState ParseState(string state) => state switch
    {
        "queued" => IngestState.Queued,
        "leased" => IngestState.Leased,
        "done" => IngestState.Done,
        _ => IngestState.Failed,
    };

    private sealed class ItemRow
    {
        public long Id { get; set; }

        public string ItemKey { get; set; } = string.Empty;

        public long? SourceId { get; set; }

        public string? Url { get; set; }

        public string? Path { get; set; }

        public string? Payload { get; set; }

        public string State { get; set; } = "queued";

        public long Created { get; set; }

        public long Updated { get; set; }

        public long Attempts { get; set; }

        public string? Error { get; set; }

        public long Articles { get; set; }

        public string? LeasedBy { get; set; }

        public long? LeaseUntil { get; set; }

        public IngestItem ToRecord() => new(
            Id, ItemKey, SourceId, Url, Path, Payload, ParseState(State), Time(Created), Time(Updated), (int)Attempts, Error, (int)Articles,
            LeasedBy, Time(LeaseUntil));
    }

    private sealed class ReplayRow
    {
        public long Id { get; set; }

        public string Title { get; set; } = string.Empty;

        public string Text { get; set; } = string.Empty;

        public string? ExtractedSource { get; set; }

        public long? Published { get; set; }

        public long Spun { get; set; }

        public string? RestoredText { get; set; }

        public long StoryId { get; set; }

        public long? CopyOf { get; set; }

        public byte[]? Embedding { get; set; }
    }
}
