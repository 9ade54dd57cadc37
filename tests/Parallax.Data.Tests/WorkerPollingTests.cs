using System.Diagnostics;
using System.Text;
using Parallax.Data.Ingest;
using Parallax.Data.Postgres;
using Parallax.Ingest.Tests.Fetch;

namespace Parallax.Data.Tests;

/// <summary>
/// Two polling `parallax worker` processes on one PostgreSQL database, against feeds on a loopback socket: each feed
/// and each article page is fetched once (sources and items are leased), and each entry is stored once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkerPollingTests(PostgresServer server, Xunit.Abstractions.ITestOutputHelper log) : IAsyncDisposable
{
    private const int Feeds = 6;

    private static readonly string[] Places = ["Ashby", "Brindle", "Carrow", "Dunmere", "Elstow", "Fenwick"];

    private readonly LoopbackServer feeds = new();

    public ValueTask DisposeAsync() => feeds.DisposeAsync();

    [SkippableFact]
    public async Task Two_workers_poll_each_feed_once_and_store_each_entry_once()
    {
        Skip.If(server.ConnectionString is null, server.Unavailable);
        var database = await server.CreateDatabaseAsync();
        try
        {
            await using (var store = await PostgresStore.OpenAsync(database))
            {
                for (var i = 0; i < Feeds; i++)
                {
                    MapFeed(i);
                    await store.AddSourceAsync(new NewSource($"{Places[i]} Courier", null, feeds.Url($"/{i}.rss").AbsoluteUri));
                }
            }

            var workers = new[] { Start(database, "w1"), Start(database, "w2") };
            var outputs = workers.Select(w => (Out: w.StandardOutput.ReadToEndAsync(), Err: w.StandardError.ReadToEndAsync())).ToList();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
            foreach (var worker in workers)
            {
                await worker.WaitForExitAsync(timeout.Token);
            }

            for (var i = 0; i < workers.Length; i++)
            {
                log.WriteLine(await outputs[i].Out + await outputs[i].Err);
                Assert.Equal(0, workers[i].ExitCode);
                workers[i].Dispose();
            }

            var requests = feeds.Requests.Where(r => r.Path != "/robots.txt").GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(Feeds * 2, requests.Count);
            Assert.All(requests, r => Assert.True(r.Value == 1, $"{r.Key} was fetched {r.Value} times"));
            await using (var store = await PostgresStore.OpenAsync(database))
            {
                Assert.Empty(await store.CheckIntegrityAsync());
                var counts = await store.CountsAsync();
                Assert.Equal((Feeds * 2L, Feeds * 2L, 0L, 0L), (counts.Done, counts.Articles, counts.Failed, counts.Queued));
                Assert.All(await store.ListSourcesAsync(), s => Assert.Equal((string?)null, s.LastError));
                using var coordinator = await IngestCoordinator.OpenAsync(store, TestNews.PipelineWithModel);
                Assert.Equal((0L, 0L), (coordinator.LastReplay.StoryMismatches, coordinator.LastReplay.LinkMismatches));
            }
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    /// <summary>Feed i: one entry with its full text, one teaser whose page is served beside it; slow enough that the workers overlap.</summary>
    private void MapFeed(int i)
    {
        var place = Places[i];
        var full = string.Concat(Enumerable.Range(1, 4).Select(p =>
            $"<p>The {place} council voted on Thursday to rebuild the {place} library roof before winter, part {p} of the report.</p>"));
        var rss = "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>" + place + "</title>" +
            $"<item><guid>{place}-1</guid><title>{place} library roof</title><link>http://{place.ToLowerInvariant()}.test/1</link><content:encoded><![CDATA[{full}]]></content:encoded></item>" +
            $"<item><guid>{place}-2</guid><title>{place} market reopens</title><link>{feeds.Url($"/{i}/market.html")}</link><description>Teaser.</description></item>" +
            "</channel></rss>";
        feeds.Map($"/{i}.rss", async (_, stream, ct) =>
        {
            await Task.Delay(300, ct);
            await LoopbackServer.WriteAsync(stream, 200, Encoding.UTF8.GetBytes(rss), [("Content-Type", "application/rss+xml")], ct);
        });
        var page = $"<html><head><title>{place} market reopens</title></head><body><article><h1>{place} market reopens</h1>" +
            string.Concat(Enumerable.Range(1, 4).Select(p =>
                $"<p>Traders in {place} returned to the covered market on Saturday after a year of repairs to its iron frame, stall {p} said.</p>")) +
            "</article></body></html>";
        feeds.Map($"/{i}/market.html", 200, page, ("Content-Type", "text/html; charset=utf-8"));
    }

    private static Process Start(string database, string name)
    {
        var start = ParallaxProcess.StartInfo(AppContext.BaseDirectory, "worker", "--postgres", database, "--name", name, "--exit-when-idle");
        start.Environment["PARALLAX_FETCH_LOOPBACK"] = "true";
        return Process.Start(start)!;
    }
}
