using Parallax.App.Commands;
using Parallax.App.Output;
using Parallax.Data;
using Parallax.Data.Postgres;
using Parallax.Data.Sqlite;

namespace Parallax.App.Service;

/// <summary>The store a command was pointed at: a PostgreSQL server when a connection string is given, else the SQLite file.</summary>
public static class StoreOpening
{
    public const string DefaultFile = "parallax.db";

    public static async Task<IParallaxStore> OpenAsync(string sqliteFile, string? postgres, CancellationToken cancellationToken) =>
        postgres is null
            ? await SqliteStore.OpenAsync(sqliteFile, cancellationToken: cancellationToken)
            : await PostgresStore.OpenAsync(postgres, cancellationToken: cancellationToken);

    /// <summary>How a store is named in messages, never with the connection string (it may hold a password).</summary>
    public static string Describe(string sqliteFile, string? postgres) => postgres is null ? sqliteFile : "the PostgreSQL store";

    /// <summary>
    /// The store of a command's --db / --postgres flags, or the exit code after the reason was named: both flags given
    /// (a usage error), or the store cannot be opened.
    /// </summary>
    internal static async Task<(IParallaxStore? Store, int ExitCode)> OpenForCommandAsync(
        string? db, string? postgres, ErrorReport errors, CancellationToken cancellationToken)
    {
        if (db is not null && postgres is not null)
        {
            await errors.NoteAsync("give --db or --postgres, not both.");
            return (null, ExitCodes.Usage);
        }

        var file = Path.GetFullPath(db ?? DefaultFile);
        try
        {
            return (await OpenAsync(file, postgres, cancellationToken), ExitCodes.Success);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await errors.NoteAsync($"cannot open {Describe(file, postgres)}: {e.Message.TrimEnd('.')}.");
            return (null, ExitCodes.Crash);
        }
    }
}
