using System.Text;
using Parallax.App.Web;
using Parallax.Data;

namespace Parallax.Web.Tests;

public sealed class WordDiffAndOpmlTests
{
    [Fact]
    public void A_swapped_word_shows_the_spun_word_then_the_restored_one()
    {
        var runs = WordDiff.Words("the council stated on Monday", "the council said on Monday");
        Assert.Equal(
            [new DiffRun(DiffKind.Same, "the council"), new DiffRun(DiffKind.Removed, "stated"), new DiffRun(DiffKind.Added, "said"), new DiffRun(DiffKind.Same, "on Monday")],
            runs);
    }

    [Fact]
    public void Paragraphs_are_compared_pairwise()
    {
        var diff = WordDiff.Paragraphs("one two\n\nthree four", "one two\n\nthree five\n\nsix");
        Assert.Equal(3, diff.Count);
        Assert.All(diff[0], r => Assert.Equal(DiffKind.Same, r.Kind));
        Assert.Contains(diff[1], r => r is { Kind: DiffKind.Added, Text: "five" });
        Assert.Equal([new DiffRun(DiffKind.Added, "six")], diff[2]);
    }

    [Fact]
    public void Opml_feeds_are_read_and_bad_outlines_named()
    {
        const string opml = """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>t</title></head><body>
              <outline text="Folder">
                <outline text="Good" xmlUrl="https://good.example/feed.xml" htmlUrl="https://good.example/"/>
                <outline title="Bad scheme" xmlUrl="javascript:alert(1)"/>
              </outline>
              <outline xmlUrl="http://untitled.example/rss"/>
            </body></opml>
            """;
        var read = SourcesOpml.Read(new MemoryStream(Encoding.UTF8.GetBytes(opml)));
        Assert.Equal([new OpmlSource("Good", "https://good.example/feed.xml", "https://good.example/"), new OpmlSource("untitled.example", "http://untitled.example/rss", null)], read.Feeds);
        Assert.Single(read.Problems);
        Assert.Contains("Bad scheme", read.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_opml_file_with_an_entity_bomb_is_refused_without_expanding_it()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <opml version="2.0"><body><outline text="&c;" xmlUrl="https://x.example/feed"/></body></opml>
            """;
        var read = SourcesOpml.Read(new MemoryStream(Encoding.UTF8.GetBytes(bomb)));
        Assert.Empty(read.Feeds);
        Assert.Contains("not an OPML file", read.Problems.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Written_opml_reads_back_to_the_same_feeds()
    {
        var now = DateTimeOffset.UtcNow;
        SourceRecord Source(long id, string name, string? feed) => new(id, name, "https://site.example/", feed, now, null, null, null, null, null, null, 0);
        var written = SourcesOpml.Write([Source(1, "A & B <News>", "https://a.example/feed"), Source(2, "No feed", null)], "mine");
        var read = SourcesOpml.Read(new MemoryStream(Encoding.UTF8.GetBytes(written)));
        Assert.Equal([new OpmlSource("A & B <News>", "https://a.example/feed", "https://site.example/")], read.Feeds);
    }

    [Theory]
    [InlineData(null, "no address")]
    [InlineData("file:///etc/passwd", "not an http or https address")]
    [InlineData("https://", "not an http or https address")]
    public void Source_addresses_are_checked(string? url, string expected)
    {
        Assert.Contains(expected, SourceInput.CheckUrl(url), StringComparison.Ordinal);
    }
}
