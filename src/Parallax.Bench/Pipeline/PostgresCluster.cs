using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Parallax.Bench.Pipeline;

/// <summary>
/// A PostgreSQL server for the benchmark and the store tests (tests/Parallax.Data.Tests links this file): the one
/// named by PARALLAX_TEST_POSTGRES (an Npgsql connection string of a role that may create databases; .ci/run starts
/// one), else a throwaway cluster made with Debian's initdb and pg_ctl in a temporary folder (as the postgres user
/// when run as root), stopped and removed on dispose. Each user gets fresh databases of its own
/// (<see cref="CreateDatabaseAsync"/>).
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    public const string Variable = "PARALLAX_TEST_POSTGRES";

    private readonly string? folder;
    private readonly string? binaries;
    private readonly string admin;

    private PostgresCluster(string admin, string? folder, string? binaries)
    {
        this.admin = admin;
        this.folder = folder;
        this.binaries = binaries;
    }

    /// <summary>An administrative connection string, for creating and dropping databases.</summary>
    public string AdminConnectionString => admin;

    /// <summary>Where the server came from, for the report.</summary>
    public string Origin => folder is null ? Variable : $"a temporary cluster ({binaries})";

    /// <summary>
    /// A running server, or null with the reason it could not be had. A cluster made here is durable (fsync on), as a
    /// benchmark measures, unless <paramref name="durable"/> is false, as tests want it.
    /// </summary>
    public static async Task<(PostgresCluster? Cluster, string? Unavailable)> FindAsync(CancellationToken cancellationToken, bool durable = true)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return (new PostgresCluster(given, null, null), null);
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
        {
            return (null, $"{Variable} is not set and no initdb was found under /usr/lib/postgresql " +
                "(install Debian's postgresql package, or set the variable to a connection string)");
        }

        var folder = Directory.CreateTempSubdirectory("parallax-bench-pg-").FullName;
        try
        {
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                // initdb refuses to run as root: the cluster belongs to the postgres user the package creates.
                await RunAsync("chown", ["postgres:postgres", folder], false, cancellationToken);
            }

            var data = Path.Combine(folder, "data");
            await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "parallax", "-A", "trust", "--no-sync", "-E", "UTF8"], asRoot, cancellationToken);
            var port = FreePort();
            var durability = durable ? "" : " -c fsync=off -c synchronous_commit=off";
            await RunAsync(Path.Combine(bin, "pg_ctl"), [
                "-D", data, "-l", Path.Combine(folder, "log"), "-w", "-t", "60", "-o",
                $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200{durability}", "start"], asRoot, cancellationToken);
            return (new PostgresCluster($"Host=127.0.0.1;Port={port};Username=parallax;Database=postgres;Pooling=true;Timeout=30", folder, bin), null);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            Directory.Delete(folder, recursive: true);
            return (null, $"{Variable} is not set and a cluster could not be started with {bin}: {e.Message}");
        }
    }

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "parallax_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        var drop = $"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(connectionString).Database}";
        try
        {
            await using var forced = new NpgsqlCommand(drop + " WITH (FORCE)", connection);
            await forced.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // A role that is not a superuser may not end a superuser's process, such as an autovacuum worker that has
            // just started on the database; a plain DROP stops autovacuum workers itself.
            await using var plain = new NpgsqlCommand(drop, connection);
            await plain.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is null || binaries is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], Environment.UserName == "root", CancellationToken.None);
        Directory.Delete(folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> args, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var part in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {(await error).Trim()} {(await output).Trim()}");
        }
    }
}
