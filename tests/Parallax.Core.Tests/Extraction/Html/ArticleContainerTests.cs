using System.Text;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>Article text in containers that page builders and frameworks use, on fictional pages.</summary>
public sealed class ArticleContainerTests
{
    private static readonly HtmlExtractor Extractor = new();

    private static readonly string[] Body =
    [
        "The Orrin Bay harbour board approved a plan on Monday to dredge the northern channel, which has silted up so badly that fishing boats wait for high tide to leave.",
        "Dredging will start in September and take about six weeks, the board's engineer said, and the spoil will be used to rebuild the dunes south of the lighthouse.",
        "Skippers welcomed the decision but asked for the work to avoid the herring season, when the channel carries most of the fleet out before dawn.",
    ];

    private static ExtractedArticle? Extract(string html) =>
        Extractor.Extract(new PageInput("page.html", PageFormat.Html, Encoding.UTF8.GetBytes(html))).Articles.FirstOrDefault();

    [Fact]
    public void Text_cut_into_page_builder_widgets_is_the_article()
    {
        var widgets = string.Concat(Body.Select(p =>
            $"<div class='elementor-element elementor-widget elementor-widget-text-editor'><div class='elementor-widget-container'><p>{p}</p></div></div>"));
        var html = "<html><body><header><a href='/'>Orrin Bay Post</a></header><main><article><div class='entry-content'>" + widgets +
            "</div></article></main><div class='widget widget_links'><a href='/a'>Archive</a> <a href='/b'>Contact</a></div></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        Assert.Equal(Body, article.Paragraphs);
    }

    [Fact]
    public void A_streamed_react_segment_is_visible_text_but_a_hidden_block_is_not()
    {
        var html = "<html><body><div id='__next'><main><template id='B:0'></template></main></div>" +
            "<div hidden id='S:0'><article>" + string.Concat(Body.Select(p => $"<p>{p}</p>")) + "</article></div>" +
            "<div hidden><p>An old draft of this story that nobody sees, long enough to be a paragraph of prose if it were shown on the page.</p></div></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        Assert.Equal(Body, article.Paragraphs);
    }

    [Fact]
    public void A_streamed_part_is_read_where_its_placeholder_stands()
    {
        // The second paragraph arrives late, after the footer; its place holds a template and a "Loading" fallback.
        var html = "<html><body><main><article><h1>Channel to be dredged</h1><p>" + Body[0] + "</p><template id='B:0'></template><div>Loading paragraph...</div><p>" +
            Body[2] + "</p></article></main><footer><a href='/about'>About</a></footer><div hidden id='S:0'><p>" + Body[1] + "</p></div></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        Assert.Equal(Body, article.Paragraphs);
    }

    [Fact]
    public void Section_headings_classed_as_headers_stay_in_the_article()
    {
        var html = "<html><body><article><h1>Channel to be dredged</h1><p>" + Body[0] + "</p><h2 class='header-anchor-post'>When the work starts</h2><p>" +
            Body[1] + "</p><h2 class='header-anchor-post' id='what-skippers-say-next'>What skippers say</h2><p>" + Body[2] + "</p></article></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        Assert.Equal([Body[0], "When the work starts", Body[1], "What skippers say", Body[2]], article.Paragraphs);
    }

    [Fact]
    public void A_list_of_short_items_in_the_body_stays_and_a_list_of_links_goes()
    {
        // Items of one short sentence each: their scores are small, and the list's own tag scored it below zero.
        var html = "<html><body><article><p>" + Body[0] + "</p><ul><li><p>The northern channel takes six weeks</p></li><li><p>The harbour mouth takes two weeks</p></li><li><p>The lighthouse dunes are rebuilt last</p></li></ul><p>" +
            Body[1] + "</p><ul><li><a href='/a'>More harbour news</a></li><li><a href='/b'>Weather</a></li><li><a href='/c'>Tides</a></li></ul><p>" + Body[2] + "</p></article></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        Assert.Equal([Body[0], "The northern channel takes six weeks", "The harbour mouth takes two weeks", "The lighthouse dunes are rebuilt last", Body[1], Body[2]], article.Paragraphs);
    }
}
