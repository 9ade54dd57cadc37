using System.Data.Common;
using Dapper;

namespace Parallax.Data.Sql;

/// <summary>Sources: publishers and their feeds, with the state of polling.</summary>
public abstract partial class SqlStore
{
    private const string SourceColumns =
        "id AS Id, name AS Name, site_url AS SiteUrl, feed_url AS FeedUrl, added AS Added, next_check AS NextCheck, " +
        "last_checked AS LastChecked, etag AS ETag, last_modified AS LastModified, last_error AS LastError, " +
        "last_error_at AS LastErrorAt, error_count AS ErrorCount, refresh_hint AS RefreshHint";

    public async Task<long> AddSourceAsync(NewSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(source.Name);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (source.FeedUrl is not null)
        {
            var existing = await connection.ExecuteScalarAsync<long?>(Command(
                "SELECT id FROM sources WHERE feed_url = @FeedUrl", new { source.FeedUrl }, transaction, cancellationToken));
            if (existing is { } id)
            {
                return id;
            }
        }

        var now = NowMs();
        var added = await InsertSourceAsync(connection, transaction, source.Name.Trim(), source.SiteUrl, source.FeedUrl,
            source.FeedUrl is null ? null : Ms(source.NextCheck) ?? now, now, cancellationToken);
        await BumpGenerationAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<SourceRecord?> GetSourceAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SourceRow>(Command(
            $"SELECT {SourceColumns} FROM sources WHERE id = @Id", new { Id = id }, null, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<SourceRecord>> ListSourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceRow>(Command(
            $"SELECT {SourceColumns} FROM sources ORDER BY lower(name), id", null, null, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<bool> RemoveSourceAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var used = await connection.ExecuteScalarAsync<long>(Command(
            "SELECT COUNT(*) FROM articles WHERE source_id = @Id", new { Id = id }, transaction, cancellationToken));
        if (used > 0)
        {
            return false;
        }

        // Queue items of the source no longer have anything to be ingested into.
        await connection.ExecuteAsync(Command(
            "DELETE FROM ingest_items WHERE source_id = @Id AND state <> 'done'", new { Id = id }, transaction, cancellationToken));
        await connection.ExecuteAsync(Command(
            "UPDATE ingest_items SET source_id = NULL WHERE source_id = @Id", new { Id = id }, transaction, cancellationToken));
        var removed = await connection.ExecuteAsync(Command("DELETE FROM sources WHERE id = @Id", new { Id = id }, transaction, cancellationToken));
        if (removed > 0)
        {
            await BumpGenerationAsync(connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    public async Task<IReadOnlyList<SourceRecord>> ClaimDueSourcesAsync(
        string poller, int limit, TimeSpan leaseFor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(poller);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceRow>(Command(
            Dialect.ClaimSourcesSql(SourceColumns),
            new { Worker = poller, Limit = (long)Math.Clamp(limit, 1, 10_000), LeaseUntil = Ms(now + leaseFor), Now = Ms(now) },
            transaction, cancellationToken));

        // RETURNING gives no order: the longest overdue first, as the claim's SELECT ordered them.
        var claimed = rows.Select(r => r.ToRecord()).OrderBy(s => s.NextCheck).ThenBy(s => s.Id).ToList();
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    public async Task<int> SaveSourceCheckAsync(long sourceId, SourceCheck check, IReadOnlyList<NewIngestItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(items);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sql = check.Error is null
            ? """
              UPDATE sources SET last_checked = @CheckedAt, next_check = @NextCheck, etag = @ETag, last_modified = @LastModified,
                     last_error = NULL, error_count = 0, leased_by = NULL, lease_until = NULL,
                     refresh_hint = COALESCE(@RefreshHint, refresh_hint),
                     feed_url = CASE WHEN @FeedUrl IS NULL OR EXISTS (SELECT 1 FROM sources o WHERE o.feed_url = @FeedUrl AND o.id <> @Id)
                                     THEN feed_url ELSE @FeedUrl END
              WHERE id = @Id
              """
            : """
              UPDATE sources SET last_checked = @CheckedAt, next_check = @NextCheck, etag = @ETag, last_modified = @LastModified,
                     last_error = @Error, last_error_at = @CheckedAt, error_count = error_count + 1, leased_by = NULL, lease_until = NULL
              WHERE id = @Id
              """;
        await connection.ExecuteAsync(Command(sql, new
        {
            Id = sourceId,
            CheckedAt = Ms(check.CheckedAt),
            NextCheck = Ms(check.NextCheck),
            check.ETag,
            check.LastModified,
            check.Error,
            check.FeedUrl,
            RefreshHint = check.RefreshHint is { } hint ? (long?)hint.TotalMilliseconds : null,
        }, transaction, cancellationToken));

        var queued = 0;
        var now = NowMs();
        foreach (var item in items)
        {
            ArgumentException.ThrowIfNullOrEmpty(item.Key, nameof(items));
            queued += await connection.ExecuteAsync(Command(
                """
                INSERT INTO ingest_items (item_key, source_id, url, path, payload, state, created, updated)
                VALUES (@Key, @SourceId, @Url, @Path, @Payload, 'queued', @Now, @Now)
                ON CONFLICT (item_key) DO NOTHING
                """, new { item.Key, item.SourceId, item.Url, item.Path, item.Payload, Now = now }, transaction, cancellationToken));
        }

        // The source's feed state (last check, error) is on its public page; the items it queued are not, until written.
        await BumpGenerationAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return queued;
    }

    public async Task<IReadOnlyList<SourceRecord>> FeedErrorsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceRow>(Command(
            $"SELECT {SourceColumns} FROM sources WHERE last_error IS NOT NULL ORDER BY last_error_at DESC, id", null, null, cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<SourceDetail?> GetSourceDetailAsync(long id, int offset = 0, int limit = 50, CancellationToken cancellationToken = default)
    {
        var source = await GetSourceAsync(id, cancellationToken);
        if (source is null)
        {
            return null;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        var stats = await connection.QuerySingleAsync<StatsRow>(Command(
            """
            SELECT (SELECT COUNT(*) FROM articles WHERE source_id = @Id) AS Articles,
                   (SELECT COUNT(DISTINCT story_id) FROM articles WHERE source_id = @Id) AS Stories,
                   (SELECT COUNT(*) FROM articles WHERE source_id = @Id AND copy_of IS NOT NULL) AS Copies,
                   (SELECT COUNT(*) FROM articles c JOIN articles o ON o.id = c.copy_of
                    WHERE o.source_id = @Id AND c.source_id <> @Id) AS CopiedElsewhere,
                   (SELECT COUNT(*) FROM articles c JOIN articles o ON o.id = c.copy_of
                    WHERE o.source_id = @Id AND c.source_id <> @Id AND c.copy_kind = 'SpunCopy') AS SpunElsewhere,
                   (SELECT COUNT(*) FROM (SELECT DISTINCT story_id FROM articles WHERE source_id = @Id) mine
                    WHERE (SELECT f.source_id FROM articles f WHERE f.story_id = mine.story_id
                           ORDER BY f.published IS NULL, f.published, f.id LIMIT 1) = @Id) AS ReportedFirst
            """, new { Id = id }, null, cancellationToken));
        var articles = await QueryArticleSummariesAsync(connection,
            "WHERE a.source_id = @Id ORDER BY a.fetched DESC, a.id DESC LIMIT @Limit OFFSET @Offset",
            new { Id = id, Limit = (long)Math.Clamp(limit, 1, 500) + 1, Offset = (long)Math.Max(0, offset) }, cancellationToken);
        return new SourceDetail(
            source,
            new SourceStats(stats.Articles, stats.Stories, stats.ReportedFirst, stats.Copies, stats.CopiedElsewhere, stats.SpunElsewhere),
            Paged(articles, Math.Clamp(limit, 1, 500)));
    }

    private static async Task<long> InsertSourceAsync(
        DbConnection connection, DbTransaction transaction, string name, string? siteUrl, string? feedUrl, long? nextCheck, long now, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(Command(
            """
            INSERT INTO sources (name, site_url, feed_url, added, next_check, error_count)
            VALUES (@Name, @SiteUrl, @FeedUrl, @Added, @NextCheck, 0) RETURNING id
            """,
            new { Name = name, SiteUrl = siteUrl, FeedUrl = feedUrl, Added = now, NextCheck = nextCheck }, transaction, cancellationToken));

    private static ResultPage<T> Paged<T>(IReadOnlyList<T> rows, int limit) =>
        rows.Count > limit ? new ResultPage<T>([.. rows.Take(limit)], true) : new ResultPage<T>(rows, false);

    private sealed class SourceRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string? SiteUrl { get; set; }

        public string? FeedUrl { get; set; }

        public long Added { get; set; }

        public long? NextCheck { get; set; }

        public long? LastChecked { get; set; }

        public string? ETag { get; set; }

        public string? LastModified { get; set; }

        public string? LastError { get; set; }

        public long? LastErrorAt { get; set; }

        public long ErrorCount { get; set; }

        public long? RefreshHint { get; set; }

        public SourceRecord ToRecord() => new(
            Id, Name, SiteUrl, FeedUrl, Time(Added), Time(NextCheck), Time(LastChecked), ETag, LastModified, LastError, Time(LastErrorAt), (int)ErrorCount,
            RefreshHint is { } ms ? TimeSpan.FromMilliseconds(ms) : null);
    }

    private sealed class StatsRow
    {
        public long Articles { get; set; }

        public long Stories { get; set; }

        public long Copies { get; set; }

        public long CopiedElsewhere { get; set; }

        public long SpunElsewhere { get; set; }

        public long ReportedFirst { get; set; }
    }
}
