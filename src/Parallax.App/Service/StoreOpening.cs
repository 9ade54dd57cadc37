using Parallax.Data;
using Parallax.Data.Postgres;
using Parallax.Data.Sqlite;

namespace Parallax.App.Service;

/// <summary>The store a command was pointed at: a PostgreSQL server when a connection string is given, else the SQLite file.</summary>
public static class StoreOpening
{
    public static async Task<IParallaxStore> OpenAsync(string sqliteFile, string? postgres, CancellationToken cancellationToken) =>
        postgres is null
            ? await SqliteStore.OpenAsync(sqliteFile, cancellationToken: cancellationToken)
            : await PostgresStore.OpenAsync(postgres, cancellationToken: cancellationToken);

    /// <summary>How a store is named in messages, never with the connection string (it may hold a password).</summary>
    public static string Describe(string sqliteFile, string? postgres) => postgres is null ? sqliteFile : "the PostgreSQL store";
}
