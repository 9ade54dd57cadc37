using System.Text;
using Parallax.Ingest.Feeds;

namespace Parallax.Ingest.Tests.Feeds;

public sealed class FeedReaderTests
{
    private readonly FeedReader reader = new();

    private Feed Read(string fixture, string? fetchUrl = null)
    {
        var result = reader.Parse(Fixture.Bytes(fixture), fetchUrl: fetchUrl);
        Assert.True(result.Feed is not null, result.Error);
        return result.Feed!;
    }

    private Feed ReadText(string xml, string? fetchUrl = null)
    {
        var result = reader.Parse(Encoding.UTF8.GetBytes(xml), fetchUrl: fetchUrl);
        Assert.True(result.Feed is not null, result.Error);
        return result.Feed!;
    }

    [Fact]
    public void Rss2_with_cdata_html_escaped_markup_relative_links_and_named_zones()
    {
        var feed = Read("rss2-messy.xml");
        Assert.Equal(FeedFormat.Rss2, feed.Format);
        Assert.Equal("The Harbourton Record & Gazette", feed.Title);
        Assert.Equal(TimeSpan.FromMinutes(15), feed.RefreshHint);
        Assert.Equal(3, feed.Entries.Count);

        var first = feed.Entries[0];
        Assert.Equal("hr-2025-0312-avel", first.Id);
        Assert.Equal("River Avel bursts its banks – 300 evacuated", first.Title);
        Assert.Equal("https://harbourtonrecord.example/2025/03/12/avel-floods", first.Link);
        Assert.Equal(new DateTimeOffset(2025, 3, 12, 9, 15, 0, TimeSpan.FromHours(-5)), first.Published);
        Assert.Equal("Mara Quill", first.Author);
        Assert.Equal("About 300 people left their homes in Harbourton on Tuesday.", first.Summary);
        Assert.StartsWith("About 300 people left their homes in Harbourton on Tuesday night", first.Content);
        Assert.DoesNotContain("alert", first.Content);
        Assert.Contains("\n\nThe council opened two shelters.", first.Content);

        var second = feed.Entries[1];
        Assert.Equal("Council & mayor debate flood wall", second.Title);
        Assert.Equal(second.Link, second.Id);
        Assert.Equal("Record Desk", second.Author);
        Assert.Equal("The council met on Thursday.", second.Summary);
        Assert.Equal(new DateTimeOffset(2025, 3, 13, 18, 0, 0, TimeSpan.FromHours(1)), second.Published);
        Assert.True(second.OnlySummary);

        var third = feed.Entries[2];
        Assert.Null(third.Published);
        Assert.Null(third.Link);
        Assert.StartsWith("urn:sha256:", third.Id);
    }

    [Fact]
    public void A_missing_id_is_stable_across_reads_and_differs_between_entries()
    {
        var a = Read("rss2-messy.xml").Entries[2].Id;
        var b = Read("rss2-messy.xml").Entries[2].Id;
        Assert.Equal(a, b);
        var other = ReadText("<rss><channel><item><title>Another note</title><description>Else.</description></item></channel></rss>").Entries[0].Id;
        Assert.NotEqual(a, other);
    }

    [Fact]
    public void Rdf_with_dc_date_and_update_period()
    {
        var feed = Read("rdf.xml");
        Assert.Equal(FeedFormat.Rdf, feed.Format);
        Assert.Equal("https://valemontdaily.example/rss", feed.Id);
        Assert.Equal(TimeSpan.FromMinutes(30), feed.RefreshHint);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 8, 30, 0, TimeSpan.FromHours(2)), entry.Published);
        Assert.Equal("Ilse Brand", entry.Author);
    }

    [Fact]
    public void Atom_with_xml_base_xhtml_content_html_title_and_mislabelled_base64()
    {
        var feed = Read("atom.xml");
        Assert.Equal(FeedFormat.Atom, feed.Format);
        Assert.Equal("Coastline Courier", feed.Title);
        Assert.Equal("https://coastlinecourier.example/", feed.Link);
        Assert.Equal("urn:uuid:6c1d6f4e-coastline", feed.Id);

        var first = feed.Entries[0];

        // type="text" is text: its '<b>' is a character, not a tag.
        Assert.Equal("Tides & storms: a <b> week on the coast", first.Title);
        Assert.Equal("https://coastlinecourier.example/news/2025/03/storm-week", first.Link);
        Assert.Equal("Storms & high tides hit the coast.", first.Summary);
        Assert.Equal("Storms and high tides hit the coast all week.\n\nHarbour walls held.", first.Content);
        Assert.Equal("Courier Desk", first.Author);
        Assert.Equal(new DateTimeOffset(2025, 3, 11, 9, 30, 0, TimeSpan.Zero), first.Updated);

        var second = feed.Entries[1];
        Assert.Equal("https://coastlinecourier.example/archive/old-pier", second.Link);
        Assert.Equal("The old pier will be rebuilt in 2026.", second.Content);
    }

    [Fact]
    public void Atom_03_with_base64_mode()
    {
        var entry = Assert.Single(Read("atom03.xml").Entries);
        Assert.Equal("The old pier will be rebuilt in 2026.", entry.Content);
        Assert.Equal(new DateTimeOffset(2025, 3, 9, 12, 0, 0, TimeSpan.Zero), entry.Published);
    }

    [Fact]
    public void Json_feed_1_1_and_1_0()
    {
        var feed = Read("jsonfeed.json");
        Assert.Equal(FeedFormat.JsonFeed, feed.Format);
        Assert.Equal(3, feed.Entries.Count);
        Assert.Equal("https://oakfieldobserver.example/2025/mill-fire", feed.Entries[0].Link);
        Assert.Equal("Tom Reed", feed.Entries[0].Author);
        Assert.Equal("A fire destroyed the old flour mill on Tuesday night.", feed.Entries[0].Content);
        Assert.Equal("2", feed.Entries[1].Id);
        Assert.Equal("Plain text with <angle> brackets.", feed.Entries[1].Content);
        Assert.Equal("Observer Staff", feed.Entries[1].Author);
        Assert.StartsWith("urn:sha256:", feed.Entries[2].Id);

        var old = Assert.Single(Read("jsonfeed10.json").Entries);
        Assert.Equal("Ledger Desk", old.Author);
    }

    [Theory]
    [InlineData("windows-1252.xml", "Café – Zürich “news”")]
    [InlineData("utf16-bom.xml", "UTF-16 été")]
    [InlineData("html-entities.xml", "AT&T news © 2025")]
    public void Encodings_and_html_entities(string fixture, string title) => Assert.Equal(title, Read(fixture).Title);

    [Fact]
    public void A_utf8_feed_that_declares_latin1_is_read_as_utf8_and_a_latin1_feed_without_a_declaration_as_windows_1252()
    {
        var utf8 = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss><channel><title>Zürich</title></channel></rss>";
        Assert.Equal("Zürich", reader.Parse(Encoding.UTF8.GetBytes(utf8)).Feed!.Title);
        var latin = Encoding.Latin1.GetBytes("<rss><channel><title>Zürich</title></channel></rss>");
        Assert.Equal("Zürich", reader.Parse(latin).Feed!.Title);
        Assert.Equal("Zürich", reader.Parse(latin, httpCharset: "iso-8859-1").Feed!.Title);
    }

    [Fact]
    public void Relative_links_fall_back_to_the_fetch_address()
    {
        var feed = ReadText("<rss><channel><title>t</title><item><link>story/1</link></item></channel></rss>", "https://news.example/feeds/main.xml");
        Assert.Equal("https://news.example/feeds/story/1", feed.Entries[0].Link);
        var unsafeLink = ReadText("<rss><channel><item><link>javascript:alert(1)</link><title>x</title></item></channel></rss>", "https://news.example/");
        Assert.Null(unsafeLink.Entries[0].Link);
    }

    [Theory]
    [InlineData("entity-bomb.xml", "DTD")]
    [InlineData("xxe.xml", "DTD")]
    [InlineData("truncated.xml", "not well-formed XML")]
    [InlineData("not-a-feed.html", "HTML page")]
    public void Bad_files_are_refused_with_a_reason(string fixture, string reason)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = reader.Parse(Fixture.Bytes(fixture));
        Assert.Null(result.Feed);
        Assert.Contains(reason, result.Error);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }

    [Fact]
    public void The_external_entity_is_never_read()
    {
        var result = reader.Parse(Fixture.Bytes("xxe.xml"));
        Assert.DoesNotContain("root:", result.Error);
        Assert.Null(result.Feed);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n ", "white space")]
    [InlineData("hello", "neither XML nor JSON")]
    [InlineData("{\"a\": 1}", "not a JSON Feed")]
    [InlineData("{\"version\": ", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON Feed")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "not a feed")]
    [InlineData("<rss version=\"2.0\"></rss>", "without a <channel>")]
    public void Inputs_that_are_not_feeds_say_why(string text, string reason)
    {
        var result = reader.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Null(result.Feed);
        Assert.Contains(reason, result.Error);
    }

    [Fact]
    public void Size_and_depth_limits_hold()
    {
        var small = new FeedReader(new FeedReaderOptions { MaxBytes = 100 });
        Assert.Contains("limit", small.Parse(new byte[200]).Error);

        var deep = "<rss><channel>" + string.Concat(Enumerable.Repeat("<x>", 10_000)) + string.Concat(Enumerable.Repeat("</x>", 10_000)) + "</channel></rss>";
        Assert.Contains("deeper", reader.Parse(Encoding.UTF8.GetBytes(deep)).Error);

        var deepJson = string.Concat(Enumerable.Repeat("[", 10_000));
        Assert.Contains("not valid JSON", reader.Parse(Encoding.UTF8.GetBytes(deepJson)).Error);
    }

    [Fact]
    public void Entries_past_the_cap_are_dropped()
    {
        var items = string.Concat(Enumerable.Range(0, 50).Select(i => $"<item><title>t{i}</title><link>https://a.example/{i}</link></item>"));
        var capped = new FeedReader(new FeedReaderOptions { MaxEntries = 10 }).Parse(Encoding.UTF8.GetBytes($"<rss><channel>{items}</channel></rss>"));
        Assert.Equal(10, capped.Feed!.Entries.Count);
    }

    [Fact]
    public void Json_feed_with_wrong_types_and_lone_surrogates_does_not_crash()
    {
        var result = reader.Parse(Encoding.UTF8.GetBytes("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":5,\"items\":[7,{\"id\":null,\"title\":[1],\"url\":\"https://a.example/x\"},{\"title\":\"\\ud800\"}]}"));
        Assert.True(result.Feed is not null || result.Error is not null);
        if (result.Feed is { } feed)
        {
            Assert.Null(feed.Title);
        }
    }
}
