using System.Text;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>
/// Golden files: each fictional page under Fixtures/ has a NAME.expected.txt beside it holding, per article, its
/// metadata lines, a "---" line and the body paragraphs; articles are separated by "=====". A reviewer can read
/// both files side by side and see what the extractor keeps and what it drops.
/// </summary>
public sealed class HtmlExtractorFixtureTests
{
    private static readonly HtmlExtractor Extractor = new();

    [Theory]
    [InlineData("news-page")]
    [InlineData("jsonld-page")]
    [InlineData("windows-1251")]
    [InlineData("iso-8859-1")]
    [InlineData("multi-article")]
    [InlineData("teaser-page")]
    public void Page_matches_its_golden_file(string name)
    {
        var result = Extractor.Extract(new PageInput(name + ".html", PageFormat.Html, HtmlFixtures.Bytes(name + ".html")));

        Assert.Null(result.Error);
        Assert.Equal(HtmlFixtures.Expected(name + ".expected.txt").TrimEnd(), Render(result).TrimEnd());
    }

    [Fact]
    public void News_page_boilerplate_holds_the_removed_blocks_and_no_body_text()
    {
        var result = Extractor.Extract(new PageInput("news-page.html", PageFormat.Html, HtmlFixtures.Bytes("news-page.html")));
        var boilerplate = string.Join("\n", result.Boilerplate);

        foreach (var removed in new[] { "We use cookies", "Share on Facebook", "Sign up for our free newsletter", "please consider supporting", "Related stories", "Most read", "Harbourwatcher", "All rights reserved", "Advertisement", "Photo: Gazette staff" })
        {
            Assert.Contains(removed, boilerplate, StringComparison.Ordinal);
        }

        var body = result.Articles[0].Text;
        foreach (var removed in new[] { "cookies", "Share", "newsletter", "donation", "Related", "Most read", "comments", "Advertisement", "Photo:" })
        {
            Assert.DoesNotContain(removed, body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(result.Boilerplate, block => block.Contains("propeller shafts", StringComparison.Ordinal));

        // In page order: the cookie notice first, the share bar and newsletter (cut from inside the article) before
        // the related list, the comments and the footer that follow the article.
        var order = new[] { "We use cookies", "Share on Facebook", "Sign up for our free newsletter", "Related stories", "Harbourwatcher", "All rights reserved" }
            .Select(text => result.Boilerplate.ToList().FindIndex(block => block.Contains(text, StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(order.Order().ToList(), order);
    }

    [Fact]
    public void Http_charset_is_used_when_the_page_declares_none()
    {
        var html = "<html><body><article><p>" + string.Concat(Enumerable.Repeat("Ça coûte très cher à Noël, dit-on. ", 20)) + "</p></article></body></html>";
        var bytes = Encoding.Latin1.GetBytes(html);

        var result = Extractor.Extract(new PageInput("x.html", PageFormat.Html, bytes, DeclaredCharset: "iso-8859-1"));

        Assert.Contains("Ça coûte très cher à Noël", result.Articles[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div class=\"dateline\">Updated March 3, 2031 at 9:40</div>", "2031-03-03")]
    [InlineData("<p>By Ada Lark | 14 Feb 2030</p>", "2030-02-14")]
    [InlineData("<p><span>Posted 2029-12-01</span></p>", "2029-12-01")]
    public void Visible_dateline_gives_the_date_when_markup_has_none(string dateline, string expected)
    {
        var html = "<html><body><article><h1>Quay repairs finish early</h1>" + dateline
            + string.Concat(Enumerable.Repeat("<p>The repairs on the north quay finished a week early, the harbour board said, and boats may moor there again from Monday.</p>", 4))
            + "</article></body></html>";

        var result = Extractor.Extract(new PageInput("d.html", PageFormat.Html, Encoding.UTF8.GetBytes(html)));

        Assert.Equal(expected, result.Articles[0].Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(result.Articles[0].Paragraphs, p => p.Contains(expected[..4], StringComparison.Ordinal));
    }

    [Fact]
    public void One_extractor_shared_by_threads_gives_the_same_results()
    {
        string[] names = ["news-page", "jsonld-page", "windows-1251", "iso-8859-1", "multi-article", "teaser-page"];
        var expected = names.Select(n => Render(Extractor.Extract(new PageInput(n, PageFormat.Html, HtmlFixtures.Bytes(n + ".html"))))).ToArray();

        var results = new string[names.Length * 8];
        Parallel.For(0, results.Length, i =>
        {
            var name = names[i % names.Length];
            results[i] = Render(Extractor.Extract(new PageInput(name, PageFormat.Html, HtmlFixtures.Bytes(name + ".html"))));
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % names.Length], results[i]);
        }
    }

    /// <summary>The golden-file form of an extraction.</summary>
    internal static string Render(PageExtraction result)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < result.Articles.Count; i++)
        {
            var a = result.Articles[i];
            if (i > 0)
            {
                builder.Append("=====\n");
            }

            builder.Append($"title: {a.Title}\nsource: {a.Source}\nurl: {a.Url}\npublished: {a.Published?.ToString("O")}\nauthor: {a.Author}\nlanguage: {a.Language}\n---\n");
            builder.Append(a.Text).Append('\n');
        }

        return builder.ToString();
    }
}
