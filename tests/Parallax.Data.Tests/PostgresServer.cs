using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Parallax.Data.Tests;

/// <summary>
/// A PostgreSQL server for the tests, on loopback: the one named by PARALLAX_TEST_POSTGRES (an Npgsql connection
/// string of a role that may create databases; .ci/run starts one), else a throwaway cluster this fixture makes with
/// Debian's initdb and pg_ctl (/usr/lib/postgresql/N/bin) in a temporary folder, stopped and removed at the end.
/// Where neither works, <see cref="Unavailable"/> says why and the PostgreSQL tests skip with that message.
/// Each test gets its own fresh database (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "PARALLAX_TEST_POSTGRES";

    private string? folder;
    private string? binaries;

    /// <summary>An administrative connection string; null when no server could be found or started.</summary>
    public string? ConnectionString { get; private set; }

    /// <summary>Why there is no server, as the skip message.</summary>
    public string Unavailable { get; private set; } = "not started";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }

        binaries = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (binaries is null)
        {
            Unavailable = $"no PostgreSQL server: {Variable} is not set and no initdb was found under /usr/lib/postgresql " +
                "(install Debian's postgresql package, or set the variable to a connection string)";
            return;
        }

        try
        {
            ConnectionString = await StartClusterAsync(binaries);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception or NpgsqlException)
        {
            Unavailable = $"no PostgreSQL server: {Variable} is not set and a cluster could not be started with {binaries}: {e.Message}";
            ConnectionString = null;
        }
    }

    /// <summary>A new empty database; returns its connection string. Dropped by <see cref="DropDatabaseAsync"/>.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var admin = ConnectionString ?? throw new InvalidOperationException(Unavailable);
        var name = "parallax_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (folder is null || binaries is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], AsRoot);
        Directory.Delete(folder, recursive: true);
    }

    private static bool AsRoot => Environment.UserName == "root";

    private async Task<string> StartClusterAsync(string bin)
    {
        folder = Directory.CreateTempSubdirectory("parallax-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var asRoot = AsRoot;
        if (asRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user the package creates.
            await RunAsync("chown", ["postgres:postgres", folder]);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "parallax", "-A", "trust", "--no-sync", "-E", "UTF8"], asRoot);
        var port = FreePort();
        await RunAsync(Path.Combine(bin, "pg_ctl"), [
            "-D", data, "-l", Path.Combine(folder, "log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200",
            "start"], asRoot);
        return $"Host=127.0.0.1;Port={port};Username=parallax;Database=postgres;Pooling=true;Timeout=30";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> args, bool asPostgres = false)
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
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {(await error).Trim()} {(await output).Trim()}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
