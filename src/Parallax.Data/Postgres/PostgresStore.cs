using System.Data.Common;
using Npgsql;
using Parallax.Data.Sql;

namespace Parallax.Data.Postgres;

/// <summary>
/// The store on a PostgreSQL server, for several worker processes sharing one database: the same SQL as SQLite
/// (see <see cref="SqlDialect"/> for where it differs), connections from one pooled data source.
/// </summary>
public sealed class PostgresStore : SqlStore
{
    private readonly NpgsqlDataSource dataSource;

    private PostgresStore(NpgsqlDataSource dataSource, TimeProvider? clock)
        : base(SqlDialect.Postgres, clock)
    {
        this.dataSource = dataSource;
    }

    public override string Kind => "postgres";

    /// <summary>Connects with <paramref name="connectionString"/> (Npgsql's form) and brings the schema up to date.</summary>
    public static async Task<PostgresStore> OpenAsync(string connectionString, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var store = new PostgresStore(NpgsqlDataSource.Create(connectionString), clock);
        try
        {
            await store.MigrateAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task<IAsyncDisposable> AcquireWriterLockAsync(CancellationToken cancellationToken = default)
    {
        // A session-level advisory lock on a connection of its own, held until the handle is disposed (or the process dies:
        // the server frees it with the connection).
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(7465502)", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(7465502)", connection);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
