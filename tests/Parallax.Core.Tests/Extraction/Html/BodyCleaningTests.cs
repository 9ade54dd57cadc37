using System.Text;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>
/// What cleaning takes out of the chosen body, on fictional pages: a block that reads as sparse (links, few paragraphs)
/// stays when the article's own prose goes on after it, and goes when it trails the article.
/// </summary>
public sealed class BodyCleaningTests
{
    private static readonly HtmlExtractor Extractor = new();

    private static readonly string[] Before =
    [
        "The Vellmar county library finished moving its catalogue to the new system this autumn, after two years in which staff kept both systems running side by side.",
        "Most of the work went into the records of the local history room, whose maps and parish books had never been described in any catalogue before.",
        "The project team sent several changes upstream to the open catalogue software while they worked:",
    ];

    private static readonly string[] Changes =
    [
        "Catalogue: sort parish records by year of entry",
        "Catalogue: keep the map scale when a record is copied",
        "Search: find records by the name of a farm",
        "Search: show the shelf mark beside each result",
    ];

    private static readonly string[] After =
    [
        "All four changes were accepted, and the library's head of collections said other small libraries would now find the move much easier than Vellmar did.",
        "The old system will be switched off in March, once the last loan records have been checked against the new catalogue by the lending desk.",
    ];

    private static ExtractedArticle? Extract(string html) =>
        Extractor.Extract(new PageInput("page.html", PageFormat.Html, Encoding.UTF8.GetBytes(html))).Articles.FirstOrDefault();

    private static string Paragraphs(IEnumerable<string> texts) => string.Concat(texts.Select(p => $"<p>{p}</p>"));

    private static string LinkList(IEnumerable<string> texts) =>
        "<div><ul>" + string.Concat(texts.Select((t, k) => $"<li><a href='/changes/{k}'>{t}</a>, merged in June</li>")) + "</ul></div>";

    [Fact]
    public void A_list_of_links_with_the_articles_prose_after_it_is_kept()
    {
        var html = "<html><body><article><h1>Library moves its catalogue</h1>" + Paragraphs(Before) + LinkList(Changes) + Paragraphs(After) +
            "</article></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        var text = string.Join('\n', article.Paragraphs);
        Assert.All(Changes, change => Assert.Contains(change, text, StringComparison.Ordinal));
        Assert.Contains(After[^1], text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_links_after_the_articles_last_paragraph_is_still_removed()
    {
        string[] stories = ["Ferry timetable changes for the winter", "New bus stop opens by the market", "Swimming pool closes for repairs", "Town band wins a regional prize"];
        var html = "<html><body><article><h1>Library moves its catalogue</h1>" + Paragraphs(Before) + Paragraphs(After) + LinkList(stories) +
            "</article></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        var text = string.Join('\n', article.Paragraphs);
        Assert.Contains(After[^1], text, StringComparison.Ordinal);
        Assert.All(stories, story => Assert.DoesNotContain(story, text, StringComparison.Ordinal));
    }
}
