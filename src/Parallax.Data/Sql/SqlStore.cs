using System.Data.Common;
using Dapper;

namespace Parallax.Data.Sql;

/// <summary>
/// The store in SQL that SQLite and PostgreSQL share; the two subclasses say how to open a connection and
/// <see cref="SqlDialect"/> holds where the SQL differs. Each call opens its own (pooled) connection, so one store
/// serves any number of threads; writes are transactions.
/// </summary>
public abstract partial class SqlStore : IParallaxStore
{
    private const int MaxProblemsPerCheck = 20;

    protected SqlStore(SqlDialect dialect, TimeProvider? clock)
    {
        Dialect = dialect;
        Clock = clock ?? TimeProvider.System;
    }

    public abstract string Kind { get; }

    public SqlDialect Dialect { get; }

    protected TimeProvider Clock { get; }

    /// <summary>An open connection, set up for this store (pragmas and the like).</summary>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Applies the migrations this database lacks; called once when the store is opened.</summary>
    protected async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await Migrator.ApplyAsync(connection, Dialect, cancellationToken);
    }

    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(Command("SELECT COUNT(*) FROM schema_migrations", null, null, cancellationToken));
    }

    public async Task<StoreCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        // Done is counted as all items but the few that are not done: SQLite counts a whole table from its b-tree
        // without reading the rows, and the items not done are few, where the done ones are nearly all of them.
        var row = await connection.QuerySingleAsync<CountsRow>(Command(
            """
            SELECT (SELECT COUNT(*) FROM articles) AS Articles,
                   (SELECT COUNT(*) FROM stories WHERE merged_into IS NULL AND article_count > 0) AS Stories,
                   (SELECT COUNT(*) FROM sources) AS Sources,
                   (SELECT COUNT(*) FROM ingest_items WHERE state IN ('queued', 'leased')) AS Queued,
                   (SELECT COUNT(*) FROM ingest_items) - (SELECT COUNT(*) FROM ingest_items WHERE state IN ('queued', 'leased', 'failed')) AS Done,
                   (SELECT COUNT(*) FROM ingest_items WHERE state = 'failed') AS Failed
            """, null, null, cancellationToken));
        return new StoreCounts(row.Articles, row.Stories, row.Sources, row.Queued, row.Done, row.Failed);
    }

    public async Task<long> GenerationAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(Command("SELECT generation FROM store_generation WHERE id = 1", null, null, cancellationToken));
    }

    /// <summary>
    /// Bumps the change counter inside <paramref name="transaction"/>, as its last statement: readers see the new value
    /// exactly when the write commits, and on PostgreSQL the row stays locked (writers queue on it) only until then.
    /// </summary>
    protected static Task BumpGenerationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Command("UPDATE store_generation SET generation = generation + 1 WHERE id = 1", null, transaction, cancellationToken));

    public async Task<IReadOnlyList<string>> CheckIntegrityAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var problems = new List<string>(await DatabaseIntegrityAsync(connection, cancellationToken));
        async Task Check(string sql, Func<long, string> describe)
        {
            var ids = await connection.QueryAsync<long>(Command(sql + $" LIMIT {MaxProblemsPerCheck}", null, null, cancellationToken));
            problems.AddRange(ids.Select(describe));
        }

        await Check(
            "SELECT a.id FROM articles a LEFT JOIN articles o ON o.id = a.copy_of WHERE a.copy_of IS NOT NULL AND (o.id IS NULL OR o.copy_of IS NOT NULL) ORDER BY a.id",
            id => $"article {id} is a copy of an article that is not stored or is itself a copy");
        await Check(
            "SELECT a.id FROM articles a WHERE (a.copy_of IS NULL) <> (a.copy_kind IS NULL) ORDER BY a.id",
            id => $"article {id} has a copy link without a kind, or a kind without a link");
        await Check(
            "SELECT a.id FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE s.id IS NULL OR s.merged_into IS NOT NULL ORDER BY a.id",
            id => $"article {id} is in a story that does not exist or was merged away");
        await Check(
            "SELECT s.id FROM stories s WHERE s.article_count <> (SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id) ORDER BY s.id",
            id => $"story {id} counts a different number of articles than it holds");
        await Check(
            "SELECT a.id FROM articles a LEFT JOIN ingest_items i ON i.id = a.item_id WHERE i.id IS NULL OR i.state <> 'done' ORDER BY a.id",
            id => $"article {id} belongs to no ingested item");
        return problems;
    }

    /// <summary>The database engine's own check of its files and constraints (none where the server keeps them).</summary>
    protected virtual Task<IReadOnlyList<string>> DatabaseIntegrityAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    protected static CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    protected static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    protected static long? Ms(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    protected static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    protected static DateTimeOffset? Time(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    protected long NowMs() => Ms(Clock.GetUtcNow());

    private sealed class CountsRow
    {
        public long Articles { get; set; }

        public long Stories { get; set; }

        public long Sources { get; set; }

        public long Queued { get; set; }

        public long Done { get; set; }

        public long Failed { get; set; }
    }
}
