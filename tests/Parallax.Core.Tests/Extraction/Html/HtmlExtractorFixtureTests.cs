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
    }

    [Fact]
    public void Http_charset_is_used_when_the_page_declares_none()
    {
        var html = "<html><body><article><p>" + string.Concat(Enumerable.Repeat("Ça coûte très cher à Noël, dit-on. ", 20)) + "</p></article></body></html>";
        var bytes = Encoding.Latin1.GetBytes(html);

        var result = Extractor.Extract(new PageInput("x.html", PageFormat.Html, bytes, DeclaredCharset: "iso-8859-1"));

        Assert.Contains("Ça coûte très cher à Noël", result.Articles[0].Text, StringComparison.Ordinal);
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
