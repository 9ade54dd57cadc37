using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;

namespace Parallax.Data.Sql;

/// <summary>One schema step: its number, its name, and its SQL for one database.</summary>
public sealed record Migration(int Version, string Name, string Sql);

/// <summary>
/// The schema as an ordered list of plain SQL files embedded in this assembly (Migrations/NNNN_name[.dialect].sql):
/// the schema version is the number of steps. At open, the steps not yet applied run in one transaction, with the
/// table schema_migrations recording each; a failure leaves the schema as it was.
/// </summary>
public static partial class Migrator
{
    private const string Prefix = "Parallax.Data.Migrations.";

    /// <summary>Every step for this database, in order; a step missing its file for the database is an error.</summary>
    public static IReadOnlyList<Migration> For(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        var assembly = typeof(Migrator).Assembly;
        var steps = new SortedDictionary<int, (string Name, string? Shared, string? Own)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var match = FileName().Match(resource[Prefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration file '{resource[Prefix.Length..]}' is not named NNNN_name[.sqlite|.postgres].sql.");
            }

            var version = int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var name = match.Groups["name"].Value;
            var target = match.Groups["dialect"].Success ? match.Groups["dialect"].Value : null;
            if (target is not null && target != dialect.Name)
            {
                steps.TryAdd(version, (name, null, null));
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var sql = reader.ReadToEnd();
            var step = steps.GetValueOrDefault(version, (name, null, null));
            steps[version] = target is null ? step with { Shared = sql } : step with { Own = sql };
        }

        var list = new List<Migration>();
        var expected = 1;
        foreach (var (version, step) in steps)
        {
            if (version != expected++)
            {
                throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3... without gaps; step {expected - 1} is missing.");
            }

            var sql = step.Own ?? step.Shared
                ?? throw new InvalidOperationException($"Migration {version:D4}_{step.Name} has no file for {dialect.Name}.");
            list.Add(new Migration(version, step.Name, sql));
        }

        return list;
    }

    /// <summary>Applies the steps not yet applied, in one transaction; returns the schema version.</summary>
    /// <exception cref="InvalidOperationException">The database was made by a newer Parallax (more steps than this one knows).</exception>
    public static async Task<int> ApplyAsync(DbConnection connection, SqlDialect dialect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var steps = For(dialect);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (dialect.MigrationLock is { } lockSql)
        {
            await connection.ExecuteAsync(new CommandDefinition(lockSql, transaction: transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied BIGINT NOT NULL)",
            transaction: transaction, cancellationToken: cancellationToken));
        var applied = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken));
        if (applied > steps.Count)
        {
            throw new InvalidOperationException(
                $"The database has schema version {applied}, newer than this Parallax knows ({steps.Count}); use a newer Parallax.");
        }

        foreach (var step in steps.Skip((int)applied))
        {
            await connection.ExecuteAsync(new CommandDefinition(step.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied) VALUES (@Version, @Name, @Applied)",
                new { Version = (long)step.Version, step.Name, Applied = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return steps.Count;
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)(\.(?<dialect>sqlite|postgres))?\.sql$")]
    private static partial Regex FileName();
}
