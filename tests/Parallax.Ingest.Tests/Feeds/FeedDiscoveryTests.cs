using System.Text;
using Parallax.Ingest.Feeds;

namespace Parallax.Ingest.Tests.Feeds;

public sealed class FeedDiscoveryTests
{
    [Fact]
    public void Alternate_links_of_feed_types_are_found_and_resolved()
    {
        const string html = """
            <!doctype html><html><head>
            <base href="https://news.example/section/">
            <!-- <link rel="alternate" type="application/rss+xml" href="/commented-out.xml"> -->
            <link rel="stylesheet" href="/style.css">
            <link rel="alternate" type="application/rss+xml" title="All &amp; everything" href="rss.xml">
            <LINK REL="Alternate" TYPE="application/atom+xml" HREF=/atom.xml>
            <link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json">
            <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
            <link rel="alternate" type="application/rss+xml" href="rss.xml">
            </head><body><link rel="alternate" type="application/rss+xml" href="/in-body.xml"></body></html>
            """;
        var found = FeedDiscovery.FindLinks(Encoding.UTF8.GetBytes(html), "https://news.example/");
        Assert.Equal(["https://news.example/section/rss.xml", "https://news.example/atom.xml", "https://cdn.example/feed.json"], found.Select(f => f.Url));
        Assert.Equal("All & everything", found[0].Title);
        Assert.Equal("application/atom+xml", found[1].Type);
    }

    [Fact]
    public void A_page_without_feeds_finds_none_and_has_fallbacks_to_try()
    {
        Assert.Empty(FeedDiscovery.FindLinks("<html><head><title>x</title></head></html>"u8, "https://news.example/a/b"));
        var candidates = FeedDiscovery.FallbackCandidates("https://news.example/a/b");
        Assert.Contains("https://news.example/feed", candidates);
        Assert.Contains("https://news.example/rss.xml", candidates);
    }

    [Fact]
    public void Broken_markup_does_not_hang_the_scan()
    {
        var html = "<link " + string.Concat(Enumerable.Repeat("a=\"", 100_000)) + string.Concat(Enumerable.Repeat("<link<", 100_000));
        var started = System.Diagnostics.Stopwatch.StartNew();
        _ = FeedDiscovery.FindLinks(Encoding.UTF8.GetBytes(html), "https://news.example/");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }
}
