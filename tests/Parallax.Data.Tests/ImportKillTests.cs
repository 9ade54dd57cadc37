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
        WritePages(pages);
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
            using var coordinator = await IngestCoordinator.OpenAsync(store, TestNews.Pipeline);
            Assert.Equal((Pages, 0L, 0L), (coordinator.LastReplay.Articles, coordinator.LastReplay.StoryMismatches, coordinator.LastReplay.LinkMismatches));
        }
    }

    private static Process Start(string pages, string db)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(db)! };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "parallax.dll"), "import", pages, "--db", db })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
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

    /// <summary>
    /// Fictional text pages: distinct reports of many small events, and every tenth page a republication of an earlier
    /// page by another outlet (same body, its own credit line, so its bytes differ).
    /// </summary>
    private static void WritePages(string pages)
    {
        Directory.CreateDirectory(pages);
        var random = new Random(11);
        string[] towns = ["Harbourton", "Kestrel", "Wendmouth", "Millbridge", "Fenwick", "Valemont", "Sorrel", "Northgate", "Quayside", "Brightwater"];
        string[] things = ["library", "ferry", "market", "school", "hospital", "bridge", "museum", "harbour", "railway", "stadium"];
        string[] verbs = ["reopened", "closed", "was sold", "was flooded", "was renamed", "won an award", "was rebuilt", "lost its funding"];
        string[] outlets = ["Harbourton Record", "Kestrel Gazette", "Coastline Courier", "Valemont Daily", "Northgate Wire"];
        var bodies = new List<(string Title, string Body)>();
        for (var i = 0; i < Pages; i++)
        {
            string text;
            if (i % 10 == 9)
            {
                var (title, body) = bodies[random.Next(bodies.Count)];
                text = $"{title}\nRepublished by {outlets[random.Next(outlets.Length)]} from the original report.\n{body}";
            }
            else
            {
                var town = towns[random.Next(towns.Length)];
                var thing = things[random.Next(things.Length)];
                var verb = verbs[random.Next(verbs.Length)];
                var number = random.Next(100, 9999);
                var title = $"The {town} {thing} {verb} after a vote of {number} residents";
                var body = string.Join("\n", [
                    $"The {thing} of {town} {verb} on day {i} of the year, the town council said in a statement read out by its clerk number {number}.",
                    $"Residents of the {town} district {i} queued outside the {thing} from early morning, and {random.Next(10, 500)} of them signed a petition.",
                    $"Councillor {(char)('A' + random.Next(26))}. {towns[random.Next(towns.Length)]}son said the decision would cost {random.Next(2, 90)} thousand crowns over {random.Next(2, 9)} years.",
                    $"A spokesperson for the {thing} trust, founded in {random.Next(1850, 2000)}, promised a public meeting on item {i * 7 + 3} of next month's agenda.",
                    $"Local traders in {town} expect {random.Next(5, 60)} percent more visitors, according to survey {number + i} run by the chamber of commerce.",
                ]);
                bodies.Add((title, body));
                text = $"{title}\nBy {outlets[random.Next(outlets.Length)]} staff\n{body}";
            }

            File.WriteAllText(Path.Combine(pages, $"page-{i:D4}.txt"), text + "\n");
        }
    }
}
