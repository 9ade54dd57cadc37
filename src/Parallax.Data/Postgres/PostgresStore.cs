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

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
