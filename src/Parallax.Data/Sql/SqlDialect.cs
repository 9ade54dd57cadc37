namespace Parallax.Data.Sql;

/// <summary>
/// Where SQLite and PostgreSQL differ, in one place: everything else in the store is the same SQL for both
/// (parameters as @name, times as BIGINT milliseconds, flags as 0/1). Migrations that differ come as a pair of files
/// (<c>NNNN_name.sqlite.sql</c>, <c>NNNN_name.postgres.sql</c>), chosen by <see cref="Name"/>.
/// </summary>
public sealed class SqlDialect
{
    private SqlDialect(string name)
    {
        Name = name;
    }

    public static SqlDialect Sqlite { get; } = new("sqlite");

    public static SqlDialect Postgres { get; } = new("postgres");

    /// <summary>"sqlite" or "postgres": the suffix of the migration files written for this database alone.</summary>
    public string Name { get; }

    private bool IsSqlite => ReferenceEquals(this, Sqlite);

    /// <summary>
    /// Taken inside the migration transaction so that two processes starting at once apply each migration once
    /// (SQLite's write transaction is already exclusive).
    /// </summary>
    public string? MigrationLock => IsSqlite ? null : "SELECT pg_advisory_xact_lock(7465501)";

    /// <summary>
    /// "<paramref name="column"/> is one of the list @<paramref name="parameter"/>": Dapper spells a list out as
    /// IN (@p1, @p2, ...) for SQLite, while Npgsql sends it as one array, which PostgreSQL reads with = ANY.
    /// </summary>
    public string InList(string column, string parameter) => IsSqlite ? $"{column} IN @{parameter}" : $"{column} = ANY(@{parameter})";

    /// <summary>Adds a new article to the search index (PostgreSQL's generated column needs nothing).</summary>
    public string? IndexArticleForSearch => IsSqlite
        ? "INSERT INTO articles_fts (rowid, title, text) VALUES (@Id, @Title, @Text); INSERT INTO titles_fts (rowid, title) VALUES (@Id, @Title)"
        : null;

    /// <summary>
    /// The search query text for @Query: SQLite FTS5 gets every word quoted (so no user text is read as FTS syntax),
    /// PostgreSQL gets the words as typed, for plainto_tsquery.
    /// </summary>
    public string SearchText(IReadOnlyList<string> words) => IsSqlite
        ? string.Join(' ', words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""))
        : string.Join(' ', words);

    /// <summary>
    /// Articles matching @Query (every word, in the title or the text), best first: those whose title has every word,
    /// then the rest, newest first within each; rank 1 for a title match, 0 otherwise, and the first @TextPrefix
    /// characters of the text for <see cref="SearchSnippet"/>; paged by @Offset and @Limit. Columns: the article
    /// summary's, then StoryTitle, SnippetText, rank.
    /// </summary>
    /// <remarks>
    /// A reader of news wants the latest reports of what they look for, and a report about it names it in its
    /// title. This ranking also costs the same for a common word as for a rare one, which no term-weighted ranking
    /// here does: both indexes keep each word's matches in id order, so the newest @Offset + @Limit of each group are
    /// read from the end and nothing else. bm25() counts every match of every word before ranking the first (at
    /// 1,000,000 articles "said" has 318,000), which made a search cost 10-20 ms of CPU for a common word, and a
    /// server under 50 readers queue behind it. The page's rows are joined to the articles only, never to the full-text
    /// table again: SQLite 3.53 (the library Microsoft.Data.Sqlite ships; 3.40 did not) drove such a join from the
    /// match, reading every article with the word (for "the" at 1,000,000 articles, 966 ms instead of 2 ms).
    /// </remarks>
    public string SearchSql(string articleColumns) => IsSqlite
        ? $"""
          SELECT {articleColumns}, s.title AS StoryTitle, substr(a.text, 1, @TextPrefix) AS SnippetText, page.rank AS rank
          FROM (SELECT id, rank FROM (
                    SELECT rowid AS id, 1.0 AS rank FROM titles_fts WHERE titles_fts MATCH @Query
                    ORDER BY rowid DESC LIMIT @Offset + @Limit)
                UNION ALL
                SELECT id, rank FROM (
                    SELECT rowid AS id, 0.0 AS rank FROM articles_fts WHERE articles_fts MATCH '(' || @Query || ') NOT title : (' || @Query || ')'
                    ORDER BY rowid DESC LIMIT @Offset + @Limit)
                ORDER BY rank DESC, id DESC
                LIMIT @Limit OFFSET @Offset) page
               JOIN articles a ON a.id = page.id
               JOIN sources src ON src.id = a.source_id JOIN stories s ON s.id = a.story_id
          ORDER BY page.rank DESC, a.id DESC
          """
        : $"""
          SELECT {articleColumns}, s.title AS StoryTitle, left(a.text, @TextPrefix) AS SnippetText, page.rank AS rank
          FROM plainto_tsquery('simple', @Query) q
               CROSS JOIN LATERAL (
                   (SELECT id, 1.0::double precision AS rank FROM articles
                    WHERE search @@ q AND to_tsvector('simple', title) @@ q ORDER BY id DESC LIMIT @Offset + @Limit)
                   UNION ALL
                   (SELECT id, 0.0 FROM articles
                    WHERE search @@ q AND NOT to_tsvector('simple', title) @@ q ORDER BY id DESC LIMIT @Offset + @Limit)) page
               JOIN articles a ON a.id = page.id JOIN sources src ON src.id = a.source_id JOIN stories s ON s.id = a.story_id
          ORDER BY page.rank DESC, a.id DESC
          LIMIT @Limit OFFSET @Offset
          """;

    /// <summary>
    /// Marks up to @Count takeable items (queued, or leased with the lease run out) as leased by @Worker until
    /// @LeaseUntil and returns them; on PostgreSQL, rows another worker is taking are skipped (FOR UPDATE SKIP LOCKED).
    /// </summary>
    public string LeaseSql(string itemColumns) => $"""
        UPDATE ingest_items SET state = 'leased', leased_by = @Worker, lease_until = @LeaseUntil, updated = @Now,
               attempts = attempts + 1
        WHERE id IN (
            SELECT id FROM ingest_items
            WHERE state = 'queued' OR (state = 'leased' AND lease_until < @Now)
            ORDER BY id
            LIMIT @Count{(IsSqlite ? string.Empty : " FOR UPDATE SKIP LOCKED")})
        RETURNING {itemColumns}
        """;

    /// <summary>
    /// Claims up to @Limit feed sources due at @Now (next_check passed, no lease held or the lease run out) for
    /// @Worker until @LeaseUntil and returns them; on PostgreSQL, rows another poller is claiming are skipped.
    /// </summary>
    public string ClaimSourcesSql(string sourceColumns) => $"""
        UPDATE sources SET leased_by = @Worker, lease_until = @LeaseUntil
        WHERE id IN (
            SELECT id FROM sources
            WHERE feed_url IS NOT NULL AND next_check <= @Now AND (lease_until IS NULL OR lease_until < @Now)
            ORDER BY next_check, id
            LIMIT @Limit{(IsSqlite ? string.Empty : " FOR UPDATE SKIP LOCKED")})
        RETURNING {sourceColumns}
        """;
}
