using Parallax.Ingest.Feeds;
using Parallax.Ingest.Fetch;

namespace Parallax.Ingest.Tests.Fetch;

/// <summary>Feed discovery against sites served on a loopback socket.</summary>
public sealed class FeedFinderTests : IAsyncLifetime
{
    private readonly LoopbackServer server = new();
    private readonly HttpFetcher fetcher = new(HttpFetcherTests.TestOptions with { StallTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(20) });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        fetcher.Dispose();
        await server.DisposeAsync();
    }

    private Task<DiscoveryResult> DiscoverAsync(string path) => new FeedFinder(fetcher, new FeedReader()).DiscoverAsync(server.Url(path), CancellationToken.None);

    [Fact]
    public async Task A_home_page_announcing_feeds_gives_them()
    {
        server.Map("/", 200, "<html><head><link rel=\"alternate\" type=\"application/atom+xml\" title=\"Loop\" href=\"/atom.xml\"></head><body></body></html>", ("Content-Type", "text/html"));
        var result = await DiscoverAsync("/");
        var feed = Assert.Single(result.Feeds);
        Assert.Equal(server.Url("/atom.xml").AbsoluteUri, feed.Url);
        Assert.Equal("Loop", feed.Title);
    }

    [Fact]
    public async Task A_feed_address_is_its_own_feed()
    {
        server.Map("/feed.xml", 200, HttpFetcherTests.Feed, ("Content-Type", "application/rss+xml"));
        var feed = Assert.Single((await DiscoverAsync("/feed.xml")).Feeds);
        Assert.Equal("Loop News", feed.Title);
        Assert.Equal("application/rss+xml", feed.Type);
    }

    [Fact]
    public async Task Fallback_addresses_are_kept_only_when_they_serve_a_feed()
    {
        server.Map("/", 200, "<html><head><title>No feeds announced</title></head><body></body></html>", ("Content-Type", "text/html"));

        // /feed answers 200 with an HTML page (a common catch-all): not a feed, so not kept.
        server.Map("/feed", 200, "<html><body>Not found, but 200</body></html>", ("Content-Type", "text/html"));
        server.Map("/rss.xml", 200, HttpFetcherTests.Feed, ("Content-Type", "application/rss+xml"));
        var feed = Assert.Single((await DiscoverAsync("/")).Feeds);
        Assert.Equal(server.Url("/rss.xml").AbsoluteUri, feed.Url);
        Assert.Contains(server.Requests, r => r.Path == "/feed");
    }

    [Fact]
    public async Task A_site_with_no_feed_says_so()
    {
        server.Map("/", 200, "<html><head></head><body></body></html>", ("Content-Type", "text/html"));
        var result = await DiscoverAsync("/");
        Assert.Empty(result.Feeds);
        Assert.Contains("announces none", result.Error);
    }
}
