using System.Text;
using Parallax.Ingest.Feeds;
using Parallax.Ingest.Fetch;
using Parallax.Ingest.Polling;
using Parallax.Ingest.Tests.Fetch;

namespace Parallax.Ingest.Tests.Polling;

/// <summary>The poller over the in-memory store against a feed server on a loopback socket.</summary>
public sealed class FeedPollerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 12, 12, 0, 0, TimeSpan.Zero);

    private readonly LoopbackServer server = new();
    private readonly ManualTime time = new(Start);
    private readonly InMemoryPollStore store = new();
    private readonly HttpFetcher fetcher = new(HttpFetcherTests.TestOptions);
    private FeedPoller poller = null!;

    public Task InitializeAsync()
    {
        poller = new FeedPoller(fetcher, new FeedReader(), store, new ScheduleOptions { Jitter = 0 }, time, () => 1.0);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        fetcher.Dispose();
        await server.DisposeAsync();
    }

    private void AddSource(string id, string path) => store.Add(new SourceState(id, server.Url(path), Start));

    [Fact]
    public async Task A_feed_is_polled_stored_and_then_asked_for_with_its_etag()
    {
        var version = 1;
        server.Map("/feed.xml", (request, stream, ct) =>
        {
            var etag = $"\"v{version}\"";
            if (request.Headers.GetValueOrDefault("If-None-Match") == etag)
            {
                return LoopbackServer.WriteAsync(stream, 304, [], [("ETag", etag)], ct);
            }

            var items = string.Concat(Enumerable.Range(1, version).Select(i => $"<item><title>Story {i}</title><link>https://loop.example/{i}</link></item>"));
            var feed = $"<rss version=\"2.0\"><channel><title>Loop</title><ttl>60</ttl>{items}</channel></rss>";
            return LoopbackServer.WriteAsync(stream, 200, Encoding.UTF8.GetBytes(feed), [("ETag", etag), ("Content-Type", "application/rss+xml")], ct);
        });
        AddSource("loop", "/feed.xml");

        var first = Assert.Single(await poller.PollDueAsync(CancellationToken.None));
        Assert.Equal(FetchStatus.Ok, first.Fetch.Status);
        Assert.Single(store.Entries("loop"));
        var state = store.Get("loop");
        Assert.Equal("\"v1\"", state.ETag);
        Assert.Equal(Start + TimeSpan.FromMinutes(60), state.NextCheck);

        // Nothing is due before the TTL is up.
        Assert.Empty(await poller.PollDueAsync(CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(61));
        var second = Assert.Single(await poller.PollDueAsync(CancellationToken.None));
        Assert.Equal(FetchStatus.NotModified, second.Fetch.Status);
        Assert.Null(second.Feed);
        Assert.Equal("\"v1\"", server.Requests[^1].Headers["If-None-Match"]);

        version = 2;
        time.Advance(TimeSpan.FromMinutes(61));
        await poller.PollDueAsync(CancellationToken.None);
        Assert.Equal(2, store.Entries("loop").Count);
        Assert.Equal("\"v2\"", store.Get("loop").ETag);
    }

    [Fact]
    public async Task Each_bad_source_keeps_its_reason_and_backs_off_while_the_good_one_goes_on()
    {
        server.Map("/good.xml", 200, HttpFetcherTests.Feed);
        server.Map("/500.xml", 500, "boom");
        server.Map("/429.xml", 429, "slow down", ("Retry-After", "10800"));
        server.Map("/bomb.xml", 200, File.ReadAllText(Parallax.Ingest.Tests.Feeds.Fixture.PathOf("entity-bomb.xml")));
        server.Map("/private.xml", 302, "", ("Location", "http://192.168.0.10/feed.xml"));
        server.Map("/page.html", 200, "<!doctype html><html><head><title>Home</title></head><body>hi</body></html>", ("Content-Type", "text/html"));
        // Compressed once, before the server answers, so the response itself comes at once.
        var bomb = HttpFetcherTests.Compress(new byte[32 * 1024 * 1024], "gzip");
        server.Map("/gzip-bomb.xml", (_, stream, ct) => LoopbackServer.WriteAsync(stream, 200, bomb, [("Content-Encoding", "gzip")], ct));
        foreach (var (id, path) in new[] { ("good", "/good.xml"), ("500", "/500.xml"), ("429", "/429.xml"), ("bomb", "/bomb.xml"), ("private", "/private.xml"), ("page", "/page.html"), ("gzip", "/gzip-bomb.xml") })
        {
            AddSource(id, path);
        }

        var results = await poller.PollDueAsync(CancellationToken.None);
        Assert.Equal(7, results.Count);

        Assert.Equal(0, store.Get("good").ConsecutiveErrors);
        Assert.Single(store.Entries("good"));

        Assert.Contains("500 Internal Server Error", store.Get("500").LastError);
        Assert.Equal(Start + TimeSpan.FromMinutes(5), store.Get("500").NextCheck);
        Assert.Equal(Start + TimeSpan.FromHours(3), store.Get("429").NextCheck);
        Assert.Contains("DTDs are not processed", store.Get("bomb").LastError);
        Assert.Contains("192.168.0.10 is a private address", store.Get("private").LastError);
        Assert.Contains("an HTML page, not a feed", store.Get("page").LastError);
        Assert.Contains("inflates past", store.Get("gzip").LastError);
        Assert.All(new[] { "500", "429", "bomb", "private", "page", "gzip" }, id => Assert.Equal(1, store.Get(id).ConsecutiveErrors));

        // A second error doubles the wait.
        time.Advance(TimeSpan.FromMinutes(6));
        await poller.PollDueAsync(CancellationToken.None);
        Assert.Equal(2, store.Get("500").ConsecutiveErrors);
        Assert.Equal(Start + TimeSpan.FromMinutes(6) + TimeSpan.FromMinutes(10), store.Get("500").NextCheck);
    }

    [Fact]
    public async Task The_loop_runs_until_cancelled()
    {
        server.Map("/good.xml", 200, HttpFetcherTests.Feed);
        AddSource("good", "/good.xml");
        using var stop = new CancellationTokenSource();
        var loop = new FeedPoller(fetcher, new FeedReader(), store, time: time) { IdleDelay = TimeSpan.FromMilliseconds(20) }.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (store.History.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(store.History);
    }

    [Fact]
    public async Task Two_loops_on_one_store_share_the_due_sources_by_their_free_places()
    {
        // Each answer takes a while, so the second loop claims while the first one's checks are still running.
        server.Map("/slow.xml", async (_, stream, ct) =>
        {
            await Task.Delay(400, ct);
            await LoopbackServer.WriteAsync(stream, 200, Encoding.UTF8.GetBytes(HttpFetcherTests.Feed), [("Content-Type", "application/rss+xml")], ct);
        });
        for (var i = 0; i < 6; i++)
        {
            AddSource($"s{i}", "/slow.xml");
        }

        using var wide = new HttpFetcher(HttpFetcherTests.TestOptions with { MaxPerHost = 8 });
        var first = new ClaimCounter(store);
        var second = new ClaimCounter(store);
        using var stop = new CancellationTokenSource();
        var loops = new[] { first, second }.Select(claims =>
            new FeedPoller(wide, new FeedReader(), claims, time: time) { MaxInFlight = 3, IdleDelay = TimeSpan.FromMilliseconds(20) }.RunAsync(stop.Token)).ToList();
        await WaitUntilAsync(() => store.History.Count >= 6);
        await stop.CancelAsync();
        await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(6, store.History.Count);
        Assert.Equal(3, first.Claimed);
        Assert.Equal(3, second.Claimed);
    }

    [Fact]
    public async Task A_stalled_feed_holds_one_place_while_another_source_is_checked_again()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Map("/stalled.xml", async (_, stream, ct) =>
        {
            await release.Task.WaitAsync(ct);
            await LoopbackServer.WriteAsync(stream, 200, Encoding.UTF8.GetBytes(HttpFetcherTests.Feed), [("Content-Type", "application/rss+xml")], ct);
        });
        server.Map("/good.xml", 200, HttpFetcherTests.Feed);
        AddSource("stalled", "/stalled.xml");
        AddSource("good", "/good.xml");

        using var patient = new HttpFetcher(HttpFetcherTests.TestOptions with { StallTimeout = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromSeconds(30) });
        using var stop = new CancellationTokenSource();
        var loop = new FeedPoller(patient, new FeedReader(), store, new ScheduleOptions { Jitter = 0 }, time, () => 1.0)
        { MaxInFlight = 2, IdleDelay = TimeSpan.FromMilliseconds(20) }.RunAsync(stop.Token);
        await WaitUntilAsync(() => GoodChecks() == 1);

        // The good feed comes due again while the stalled one is still being fetched.
        time.Advance(TimeSpan.FromDays(1));
        await WaitUntilAsync(() => GoodChecks() == 2);
        Assert.DoesNotContain(store.History, r => r.State.SourceId == "stalled");

        release.SetResult();
        await WaitUntilAsync(() => store.History.Any(r => r.State.SourceId == "stalled"));
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(FetchStatus.Ok, store.History.Single(r => r.State.SourceId == "stalled").Fetch.Status);

        int GoodChecks() => store.History.Count(r => r.State.SourceId == "good");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the poller did not get there within 20 s");
            await Task.Delay(20);
        }
    }

    /// <summary>The shared store as one poller sees it, counting the sources that poller claimed.</summary>
    private sealed class ClaimCounter(IPollStore inner) : IPollStore
    {
        private int claimed;

        public int Claimed => Volatile.Read(ref claimed);

        public async Task<IReadOnlyList<SourceState>> LoadDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
        {
            var due = await inner.LoadDueAsync(now, limit, cancellationToken);
            Interlocked.Add(ref claimed, due.Count);
            return due;
        }

        public Task SaveAsync(PollResult result, CancellationToken cancellationToken) => inner.SaveAsync(result, cancellationToken);
    }
}
