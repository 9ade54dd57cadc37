using System.Text;
using Parallax.Ingest.Feeds;

namespace Parallax.Ingest.Tests.Feeds;

public sealed class OpmlTests
{
    [Fact]
    public void Nested_outlines_are_read_with_their_categories_and_bad_ones_named()
    {
        var (document, error) = Opml.Parse(Fixture.Bytes("subscriptions.opml"));
        Assert.Null(error);
        Assert.Equal("My news", document!.Title);
        Assert.Equal(3, document.Feeds.Count);

        var record = document.Feeds[0];
        Assert.Equal("https://harbourtonrecord.example/rss", record.XmlUrl);
        Assert.Equal("https://harbourtonrecord.example/", record.HtmlUrl);
        Assert.Equal(["Local"], record.Categories);

        var courier = document.Feeds[1];
        Assert.Equal("Coastline Courier", courier.Title);
        Assert.Equal(["Local", "Coast"], courier.Categories);
        Assert.Empty(document.Feeds[2].Categories);

        var problem = Assert.Single(document.Problems);
        Assert.Contains("feeds/relative.xml", problem);
    }

    [Fact]
    public void Export_then_import_gives_the_same_feeds()
    {
        var (document, _) = Opml.Parse(Fixture.Bytes("subscriptions.opml"));
        var bytes = Opml.Export("Parallax sources", document!.Feeds, new DateTimeOffset(2025, 3, 12, 0, 0, 0, TimeSpan.Zero));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("<opml version=\"2.0\">", text);
        var (again, error) = Opml.Parse(bytes);
        Assert.Null(error);
        Assert.Equal(document.Feeds.Select(f => (f.XmlUrl, f.HtmlUrl, f.Title, string.Join("/", f.Categories))),
            again!.Feeds.Select(f => (f.XmlUrl, f.HtmlUrl, f.Title, string.Join("/", f.Categories))));
    }

    [Fact]
    public void Export_escapes_what_it_writes()
    {
        var bytes = Opml.Export("A & B", [new OpmlFeed("https://a.example/rss?x=1&y=2", null, "Quotes \" & <tags>", ["C&D"])], DateTimeOffset.UnixEpoch);
        var (again, error) = Opml.Parse(bytes);
        Assert.Null(error);
        Assert.Equal("https://a.example/rss?x=1&y=2", again!.Feeds[0].XmlUrl);
        Assert.Equal("Quotes \" & <tags>", again.Feeds[0].Title);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("<rss/>", "not OPML")]
    [InlineData("<opml><head/></opml>", "without a <body>")]
    [InlineData("<opml><body><outline", "not well-formed")]
    [InlineData("<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><body><outline text=\"&x;\"/></body></opml>", "DTD")]
    public void Bad_opml_says_why(string text, string reason)
    {
        var (document, error) = Opml.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Null(document);
        Assert.Contains(reason, error);
    }
}
