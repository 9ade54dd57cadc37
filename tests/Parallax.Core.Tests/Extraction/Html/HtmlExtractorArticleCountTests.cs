using System.Text;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>
/// How many records a page of several &lt;article&gt;s gives: one per article that holds a story of its own (an
/// aggregator's listing with full bodies is several reports, and clustering must see them apart), and one for an
/// article whose neighbours are only teasers.
/// </summary>
public sealed class HtmlExtractorArticleCountTests
{
    private static readonly HtmlExtractor Extractor = new();

    private static string Paragraph(string topic) =>
        "<p>" + string.Concat(Enumerable.Repeat($"The {topic} committee met on Tuesday and agreed, after a long debate, to fund the plan. ", 7)) + "</p>";

    private static PageExtraction Extract(string body) =>
        Extractor.Extract(new PageInput("articles.html", PageFormat.Html, Encoding.UTF8.GetBytes("<html><body>" + body + "</body></html>")));

    [Fact]
    public void One_one_paragraph_article_gives_one_record()
    {
        var result = Extract("<article>" + Paragraph("harbour") + "</article>");

        Assert.Null(result.Error);
        Assert.Single(result.Articles);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Three_one_paragraph_articles_give_three_records(bool headings)
    {
        var topics = new[] { "harbour", "railway", "school" };
        var body = string.Concat(topics.Select(t => "<article>" + (headings ? $"<h2>The {t} plan</h2>" : string.Empty) + Paragraph(t) + "</article>"));

        var result = Extract(body);

        Assert.Null(result.Error);
        Assert.Equal(3, result.Articles.Count);
        for (var i = 0; i < topics.Length; i++)
        {
            Assert.Contains($"The {topics[i]} committee", result.Articles[i].Text, StringComparison.Ordinal);
            Assert.DoesNotContain($"The {topics[(i + 1) % 3]} committee", result.Articles[i].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_article_with_short_teaser_cards_stays_one_record()
    {
        var teasers = string.Concat(Enumerable.Range(1, 4).Select(n => $"<article><h3><a href=\"/s{n}\">Another story {n}</a></h3><p>A short summary of another story.</p></article>"));
        var body = "<article><h1>The harbour plan</h1>" + Paragraph("harbour") + Paragraph("harbour") + "</article><aside>" + teasers + "</aside>";

        var result = Extract(body);

        Assert.Single(result.Articles);
        Assert.DoesNotContain("Another story", result.Articles[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_box_of_long_cards_each_an_article_beside_the_article_is_neither_a_second_record_nor_part_of_the_body()
    {
        // The box is an <article> too, with a heading of its own and cards as long as a short story (a blog's
        // "you may also like"); nothing in its markup says "related" to the junk rules.
        var cards = string.Concat(new[] { "railway", "school", "library" }.Select(t => "<article>" + Paragraph(t) + "</article>"));
        var body = "<article><h1>The harbour plan</h1>" + Paragraph("harbour") + Paragraph("harbour") + "</article>" +
            "<article><h3>You may also like</h3>" + cards + "</article>";

        var result = Extract(body);

        var article = Assert.Single(result.Articles);
        Assert.Equal("The harbour plan", article.Title);
        Assert.DoesNotContain("railway", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_guide_whose_sections_are_articles_under_its_introduction_is_one_record_with_every_section()
    {
        var sections = string.Concat(new[] { "kitchen", "bathroom", "garden" }.Select(t => $"<article><h2>The {t}</h2>" + Paragraph(t) + "</article>"));
        var body = "<main><h1>What a renovation costs</h1>" + Paragraph("renovation") + sections + "</main>";

        var result = Extract(body);

        var article = Assert.Single(result.Articles);
        Assert.All(new[] { "renovation", "kitchen", "bathroom", "garden" }, t => Assert.Contains($"The {t} committee", article.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Excerpt_cards_beside_an_article_not_marked_up_as_one_leave_that_article_the_record()
    {
        var cards = string.Concat(new[] { "railway", "school", "library" }.Select(t => "<article class=\"card\">" + Paragraph(t) + "</article>"));
        var body = "<div class=\"content\"><h1>The harbour plan</h1>" + string.Concat(Enumerable.Repeat(Paragraph("harbour"), 5)) + "</div>" +
            "<div class=\"grid\">" + cards + "</div>";

        var result = Extract(body);

        var article = Assert.Single(result.Articles);
        Assert.Contains("The harbour committee", article.Text, StringComparison.Ordinal);
    }
}
