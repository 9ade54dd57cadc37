using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using Parallax.Data.Sql;

namespace Parallax.Data.Sqlite;

/// <summary>
/// The default store: one SQLite file in WAL mode (readers never wait for the writer), foreign keys on, a busy
/// timeout so that a second process waits for the write lock instead of failing. Migrations run at open.
/// </summary>
public sealed class SqliteStore : SqlStore
{
    private readonly string connectionString;

    // The pooled SQLite handles already given the per-connection settings: a pooled open reuses its handle, and the
    // settings stay on it, so they are sent once per physical connection instead of at every open (a read on the web
    // path opens a connection). Entries go with their handles when the pool closes them.
    private readonly ConditionalWeakTable<object, object> configured = [];

    private SqliteStore(string connectionString, TimeProvider? clock)
        : base(SqlDialect.Sqlite, clock)
    {
        this.connectionString = connectionString;
    }

    public override string Kind => "sqlite";

    /// <summary>The database file.</summary>
    public string? FilePath { get; private init; }

    /// <summary>Opens (creating when absent) the store in <paramref name="path"/> and brings its schema up to date.</summary>
    public static async Task<SqliteStore> OpenAsync(string path, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        var store = new SqliteStore(builder.ToString(), clock) { FilePath = full };
        await using (var connection = await store.OpenConnectionAsync(cancellationToken))
        {
            // Persistent in the file: set once, kept by every later connection.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL");
        }

        await store.MigrateAsync(cancellationToken);
        return store;
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per connection: wait up to 30 s for another writer; NORMAL is durable in WAL mode up to the last checkpoint
            // (a power cut may lose the last transactions, never corrupt the file; a killed process loses nothing committed).
            // Reads go through a memory map of the file (up to the library's cap, 2 GB): every pooled connection reads the
            // operating system's cached pages in place instead of copying them into its own page cache with a read() call
            // each, which at 1,000,000 articles took a third of a cold search's time (a search's word lists span many pages).
            if (connection.Handle is { } handle && !configured.TryGetValue(handle, out _))
            {
                await connection.ExecuteAsync(
                    "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA mmap_size = " + MemoryMapBytes);
                configured.AddOrUpdate(handle, handle);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The most of the file a connection maps into memory; SQLite lowers it to its compiled-in cap.</summary>
    internal const long MemoryMapBytes = 1L << 36;

    /// <summary>The per-connection settings as a newly opened connection has them (busy timeout ms, synchronous, foreign keys, memory map bytes).</summary>
    internal async Task<(long BusyTimeout, long Synchronous, long ForeignKeys, long MemoryMap)> ConnectionSettingsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return (await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"),
            await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"),
            await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"),
            await connection.ExecuteScalarAsync<long>("PRAGMA mmap_size"));
    }

    protected override async Task<IReadOnlyList<string>> DatabaseIntegrityAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var integrity = (await connection.QueryAsync<string>(Command("PRAGMA integrity_check", null, null, cancellationToken))).ToList();
        if (integrity is not ["ok"])
        {
            problems.AddRange(integrity.Select(line => $"SQLite integrity_check: {line}"));
        }

        var foreignKeys = await connection.QueryAsync(Command("PRAGMA foreign_key_check", null, null, cancellationToken));
        problems.AddRange(foreignKeys.Take(20).Select(row => $"SQLite foreign_key_check: a row of {((IDictionary<string, object>)row)["table"]} points at nothing"));
        try
        {
            await connection.ExecuteAsync(Command("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)", null, null, cancellationToken));
            await connection.ExecuteAsync(Command("INSERT INTO titles_fts (titles_fts, rank) VALUES ('integrity-check', 1)", null, null, cancellationToken));
        }
        catch (SqliteException e)
        {
            problems.Add($"the search index does not match the articles ({e.Message})");
        }

        return problems;
    }

    public override async Task<IAsyncDisposable> AcquireWriterLockAsync(CancellationToken cancellationToken = default)
    {
        // An exclusive lock on a file beside the database (the runtime takes flock on it), freed when the handle closes or
        // the process dies. SQLite's own write lock lasts one transaction; this one spans the session's catch-up and write.
        var path = (FilePath ?? throw new InvalidOperationException("The store has no file.")) + ".writer";
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException)
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open (and its WAL unmerged) until cleared; only this store's pool is cleared.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
