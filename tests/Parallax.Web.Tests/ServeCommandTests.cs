using System.Diagnostics;

namespace Parallax.Web.Tests;

/// <summary>`parallax serve` as a process: a bad setting stops the start with its name and reason (exit code 2).</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task A_bad_flag_value_is_named_and_nothing_starts()
    {
        var (code, _, error) = await ParallaxProcess.RunAsync("serve", "--urls", "ftp://127.0.0.1:21", "--db", Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db"));
        Assert.Equal(2, code);
        Assert.Contains("PARALLAX_URLS", error, StringComparison.Ordinal);
        Assert.Contains("ftp://127.0.0.1:21", error, StringComparison.Ordinal);
        Assert.Contains("not started", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sqlite_file_and_a_postgres_store_together_are_refused()
    {
        var db = Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db");
        var (code, _, error) = await ParallaxProcess.RunAsync("serve", "--db", db, "--postgres", "Host=db.invalid;Database=parallax");
        Assert.Equal(2, code);
        Assert.Contains("--db and --postgres", error, StringComparison.Ordinal);
        Assert.False(File.Exists(db), "no store is made when the settings are bad");
    }

    [Fact]
    public async Task A_store_made_by_a_newer_parallax_is_named_with_its_schema_and_nothing_starts()
    {
        var db = Path.Combine(Path.GetTempPath(), $"newer-{Guid.NewGuid():N}.db");
        try
        {
            await (await Parallax.Data.Sqlite.SqliteStore.OpenAsync(db)).DisposeAsync();
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO schema_migrations (version, name, applied) VALUES (9999, 'from_the_future', 0)";
                await command.ExecuteNonQueryAsync();
            }

            var (code, _, error) = await ParallaxProcess.RunAsync("serve", "--db", db, "--no-poll");
            Assert.Equal(3, code);
            Assert.Contains($"cannot open {db}", error, StringComparison.Ordinal);
            Assert.Contains("newer than this Parallax knows", error, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var file in new[] { db, db + "-wal", db + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task Every_bad_environment_value_is_named_at_once()
    {
        var db = Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db");
        var (code, _, error) = await ParallaxProcess.RunAsync(
            new Dictionary<string, string> { ["PARALLAX_PAGE_SIZE"] = "lots", ["PARALLAX_LOGIN_ATTEMPTS_PER_MINUTE"] = "0", ["PARALLAX_DB"] = db },
            "serve");
        Assert.Equal(2, code);
        Assert.Contains("PARALLAX_PAGE_SIZE: 'lots' is not a whole number", error, StringComparison.Ordinal);
        Assert.Contains("PARALLAX_LOGIN_ATTEMPTS_PER_MINUTE", error, StringComparison.Ordinal);
        Assert.False(File.Exists(db), "no store is made when the settings are bad");
    }

    [Fact]
    public async Task Serve_answers_on_its_socket_and_stops_cleanly_on_sigterm()
    {
        var folder = Directory.CreateTempSubdirectory("parallax-serve-").FullName;
        var start = ParallaxProcess.StartInfo(folder, "serve", "--db", Path.Combine(folder, "s.db"), "--urls", "http://127.0.0.1:0");
        start.Environment["PARALLAX_ADMIN_PASSWORD"] = "a-long-enough-password";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var lines = new List<string>();
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            lines.Add(line);
            if (line.Contains("serving", StringComparison.Ordinal))
            {
                break;
            }
        }

        Assert.Contains(lines, l => l.Contains("serving", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("password was configured", StringComparison.Ordinal));

        // The log says when the ingest session is rebuilt from the store (`bench pipeline` reads this line).
        var rebuilt = false;
        while (!rebuilt && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } logLine)
        {
            rebuilt = logLine.Contains("Ingest session rebuilt from 0 stored articles", StringComparison.Ordinal);
        }

        Assert.True(rebuilt, "serve logs when its ingest session is rebuilt");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(timeout.Token);
        }

        var rest = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("stopped serving", rest, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "s.db")), "a store given with --db stays");
        Directory.Delete(folder, recursive: true);
    }
}
