using System.Diagnostics;
using Npgsql;
using Parallax.Data.Ingest;
using Parallax.Data.Postgres;

namespace Parallax.Data.Tests;

/// <summary>
/// Two `parallax worker` processes on one PostgreSQL database share the queue: every item is ingested exactly once,
/// and the copy links and stories are those one session makes over the articles in the order they were committed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkerTests(PostgresServer server, Xunit.Abstractions.ITestOutputHelper log) : IDisposable
{
    private const int Pages = 120;

    private readonly string folder = Directory.CreateTempSubdirectory("parallax-workers-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [SkippableFact]
    public async Task Two_workers_ingest_every_item_once_with_the_decisions_of_one_session()
    {
        Skip.If(server.ConnectionString is null, server.Unavailable);
        var database = await server.CreateDatabaseAsync();
        try
        {
            var pages = Path.Combine(folder, "pages");
            TestPages.Write(pages, Pages);
            await using (var store = await PostgresStore.OpenAsync(database))
            {
                foreach (var file in Directory.GetFiles(pages).Order(StringComparer.Ordinal))
                {
                    Assert.NotNull(await store.EnqueueAsync(new NewIngestItem("page:" + Path.GetFileName(file), Path: file)));
                }

                await store.EnqueueAsync(new NewIngestItem("entry:json", Payload: """{"title": "Ferry resumes", "text": "The Wendmouth ferry sailed again on Friday after repairs to its engine.", "source": "Northgate Wire"}"""));
                await store.EnqueueAsync(new NewIngestItem("entry:missing", Path: Path.Combine(folder, "no-such-page.html")));
            }

            using var first = Start(database, "w1");
            using var second = Start(database, "w2");
            var workers = new[] { first, second };
            var outputs = workers.Select(w => (Out: w.StandardOutput.ReadToEndAsync(), Err: w.StandardError.ReadToEndAsync())).ToList();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
            foreach (var worker in workers)
            {
                await worker.WaitForExitAsync(timeout.Token);
            }

            var texts = new List<string>();
            for (var i = 0; i < workers.Length; i++)
            {
                texts.Add(await outputs[i].Out + await outputs[i].Err);
            }

            log.WriteLine(string.Join("\n", texts));

            // The one bad item failed on one worker (exit 1); the other had nothing fail (exit 0).
            Assert.True(workers.Select(w => w.ExitCode).Order().SequenceEqual([0, 1]), string.Join("\n", texts));
            Assert.All(texts, t => Assert.DoesNotContain("ingested 0 items", t, StringComparison.Ordinal));
            Assert.Single(texts, t => t.Contains("no-such-page.html: no such file or folder", StringComparison.Ordinal));
            await using (var store = await PostgresStore.OpenAsync(database))
            {
                Assert.Empty(await store.CheckIntegrityAsync());
                var counts = await store.CountsAsync();
                Assert.Equal((Pages + 1L, Pages + 1L, 1L, 0L), (counts.Done, counts.Articles, counts.Failed, counts.Queued));
                await using var connection = new NpgsqlConnection(database);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM (SELECT item_id FROM articles GROUP BY item_id HAVING COUNT(*) > 1) d", connection);
                Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);

                // One session fed the stored articles in their arrival order makes exactly the stored decisions.
                using var coordinator = await IngestCoordinator.OpenAsync(store, TestNews.PipelineWithModel);
                Assert.Equal((Pages + 1L, 0L, 0L), (coordinator.LastReplay.Articles, coordinator.LastReplay.StoryMismatches, coordinator.LastReplay.LinkMismatches));
            }
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    private static Process Start(string database, string name)
    {
        return Process.Start(ParallaxProcess.StartInfo(AppContext.BaseDirectory, "worker", "--postgres", database, "--name", name, "--exit-when-idle"))!;
    }
}
