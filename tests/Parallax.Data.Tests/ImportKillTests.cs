using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Parallax.Data.Ingest;
using Parallax.Data.Sqlite;

namespace Parallax.Data.Tests;

/// <summary>
/// `parallax import` killed with SIGKILL in the middle of a large import: the store opens clean (SQLite's own check and
/// the store's invariants), and running the import again finishes it with no item or article twice.
/// </summary>
public sealed class ImportKillTests : IDisposable
{
    private const int Pages = 400;

    private readonly string folder = Directory.CreateTempSubdirectory("parallax-kill-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_killed_import_leaves_a_sound_store_and_a_rerun_finishes_it_without_duplicates()
    {
        var pages = Path.Combine(folder, "pages");
        TestPages.Write(pages, Pages);
        var db = Path.Combine(folder, "store.db");

        using (var first = Start(pages, db))
        {
            var killedAt = await WaitForDoneItemsAsync(db, first, atLeast: 60);
            Assert.False(first.HasExited, "the import ended before it could be killed; the test needs more pages");
            first.Kill();
            await first.WaitForExitAsync();
            Assert.True(killedAt < Pages);
        }

        long doneBefore;
        await using (var store = await SqliteStore.OpenAsync(db))
        {
            Assert.Empty(await store.CheckIntegrityAsync());
            var counts = await store.CountsAsync();
            doneBefore = counts.Done;
            Assert.InRange(doneBefore, 60, Pages - 1);
            Assert.Equal(counts.Done, counts.Articles);
        }

        using (var second = Start(pages, db))
        {
            var output = second.StandardOutput.ReadToEndAsync();
            var error = second.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await second.WaitForExitAsync(timeout.Token);
            Assert.True(second.ExitCode == 0, $"exit {second.ExitCode}: {await error}");
            Assert.Contains($"{doneBefore:N0} already stored", await output, StringComparison.Ordinal);
        }

        await using (var store = await SqliteStore.OpenAsync(db))
        {
            Assert.Empty(await store.CheckIntegrityAsync());
            var counts = await store.CountsAsync();
            Assert.Equal((Pages, Pages, 0L), (counts.Done, counts.Articles, counts.Failed));
            await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
            await connection.OpenAsync();
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM (SELECT path FROM articles GROUP BY path HAVING COUNT(*) > 1) d"));
            Assert.True(await ScalarAsync(connection, "SELECT COUNT(*) FROM articles WHERE copy_of IS NOT NULL") >= Pages / 10 / 2);

            // What the store holds is what the engine decides when it replays the stored articles.
            using var coordinator = await IngestCoordinator.OpenAsync(store, TestNews.PipelineWithModel);
            Assert.Equal((Pages, 0L, 0L), (coordinator.LastReplay.Articles, coordinator.LastReplay.StoryMismatches, coordinator.LastReplay.LinkMismatches));
        }
    }

    private static Process Start(string pages, string db)
    {
        return Process.Start(ParallaxProcess.StartInfo(Path.GetDirectoryName(db)!, "import", pages, "--db", db))!;
    }

    /// <summary>Waits until the store records this many done items (read from the file, as another process sees it).</summary>
    private static async Task<long> WaitForDoneItemsAsync(string db, Process import, int atLeast)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(4) && !import.HasExited)
        {
            await Task.Delay(100);
            if (!File.Exists(db))
            {
                continue;
            }

            try
            {
                await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
                await connection.OpenAsync();
                var done = await ScalarAsync(connection, "SELECT COUNT(*) FROM ingest_items WHERE state = 'done'");
                if (done >= atLeast)
                {
                    return done;
                }
            }
            catch (SqliteException)
            {
                // The schema is not there yet.
            }
        }

        return 0;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Two_imports_into_one_file_at_once_make_the_decisions_of_one_session()
    {
        // Each process commits under the store's writer lock and first adds what the other stored, as workers do.
        var left = Path.Combine(folder, "left");
        var right = Path.Combine(folder, "right");
        TestPages.Write(left, 60);
        TestPages.Write(right, 60);
        foreach (var file in Directory.GetFiles(right))
        {
            // Other bytes (so other items), mostly the same reports: copies across the two imports.
            File.AppendAllText(file, "Reported for the right-hand archive.\n");
        }

        var db = Path.Combine(folder, "shared.db");
        await using (await SqliteStore.OpenAsync(db))
        {
            // Created once before both start, so neither races to make the schema.
        }

        using var first = Start(left, db);
        using var second = Start(right, db);
        var errors = new[] { first.StandardError.ReadToEndAsync(), second.StandardError.ReadToEndAsync() };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await first.WaitForExitAsync(timeout.Token);
        await second.WaitForExitAsync(timeout.Token);
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, await errors[0] + await errors[1]);

        await using var store = await SqliteStore.OpenAsync(db);
        Assert.Empty(await store.CheckIntegrityAsync());
        Assert.Equal(120, (await store.CountsAsync()).Articles);
        using var coordinator = await IngestCoordinator.OpenAsync(store, TestNews.PipelineWithModel);
        Assert.Equal((120L, 0L, 0L), (coordinator.LastReplay.Articles, coordinator.LastReplay.StoryMismatches, coordinator.LastReplay.LinkMismatches));
    }
}
