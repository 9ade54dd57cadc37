using System.Text;
using AngleSharp.Html.Parser;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>
/// The machine-readable facts of a page (<see cref="PageMetadata"/>, <see cref="JsonLdArticle"/>, <see cref="MetaTags"/>)
/// and of each article in a listing (<see cref="ArticleMetadata"/>): addresses made absolute, names that are links
/// dropped, an article type in JSON-LD over a WebPage.
/// </summary>
public sealed class PageMetadataTests
{
    private const string PageUrl = "https://orrinbay.example/news/listing";

    private static PageMetadata Read(string head, string body = "<p>Text.</p>") =>
        PageMetadata.Read(new HtmlParser().ParseDocument($"<html><head>{head}</head><body>{body}</body></html>"), PageUrl);

    [Theory]
    [InlineData("https://cdn.orrinbay.example/a/1", "https://cdn.orrinbay.example/a/1")]
    [InlineData("/news/channel-dredged", "https://orrinbay.example/news/channel-dredged")]
    [InlineData("channel-dredged", "https://orrinbay.example/news/channel-dredged")]
    [InlineData("//mirror.orrinbay.example/n/2", "https://mirror.orrinbay.example/n/2")]
    [InlineData("   ", null)]
    public void An_address_is_made_absolute_against_the_page(string href, string? expected)
    {
        Assert.Equal(expected, PageMetadata.Resolve(href, PageUrl));
    }

    [Fact]
    public void A_relative_address_without_a_page_address_cannot_be_resolved()
    {
        Assert.Null(PageMetadata.Resolve("/news/1", pageUrl: null));
        Assert.Equal("https://orrinbay.example/news/1", PageMetadata.Resolve("https://orrinbay.example/news/1", pageUrl: null));
    }

    [Fact]
    public void A_canonical_address_padded_with_no_break_spaces_still_resolves()
    {
        var metadata = Read("<link rel='canonical' href='\u00a0/news/channel-dredged\u00a0'>");

        Assert.Equal("https://orrinbay.example/news/channel-dredged", metadata.Url);
    }

    [Fact]
    public void Without_a_canonical_address_the_page_address_stands()
    {
        Assert.Equal(PageUrl, Read("<title>Channel to be dredged</title>").Url);
    }

    [Fact]
    public void A_json_ld_author_given_as_a_profile_link_is_no_name_and_several_names_are_joined()
    {
        var linked = Read("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Channel to be dredged\",\"author\":\"https://orrinbay.example/staff/jo\"}</script>" +
            "<meta name='author' content='Jo Marsh'>");
        var several = Read("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[{\"name\":\"Jo Marsh\"},\"Ed Lane\",{\"name\":\"Jo Marsh\"}]}</script>");

        Assert.Equal("Jo Marsh", linked.Author);
        Assert.Equal("Channel to be dredged", linked.Title);
        Assert.Equal("Jo Marsh, Ed Lane", several.Author);
    }

    [Fact]
    public void A_json_ld_article_type_wins_over_a_web_page_found_first()
    {
        var metadata = Read(
            "<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"Orrin Bay Post - News\",\"datePublished\":\"2020-01-01\"}," +
            "{\"@type\":\"NewsArticle\",\"headline\":\"Channel to be dredged\",\"datePublished\":\"2025-06-02T08:00:00Z\",\"publisher\":{\"name\":\"Orrin Bay Post\"}}]}</script>");

        Assert.Equal("Channel to be dredged", metadata.Title);
        Assert.Equal("Orrin Bay Post", metadata.Source);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero), metadata.Published);
    }

    [Fact]
    public void Each_article_of_a_listing_takes_its_own_heading_link_time_and_author()
    {
        const string Text = "The Orrin Bay harbour board approved a plan on Monday to dredge the northern channel, which has silted up so badly that fishing boats wait for high tide. " +
            "Dredging will start in September and take about six weeks, the board's engineer said, and the spoil will rebuild the dunes south of the lighthouse.";
        var html = "<html><head><title>Orrin Bay Post</title></head><body>" +
            $"<article><h2><a href='/news/channel'>Channel to be dredged</a></h2><time datetime='2025-06-02'>2 June</time><span class='author'>Jo Marsh</span><p>{Text}</p><p>{Text}</p></article>" +
            $"<article><h2><a href='https://wire.example/ferry'>Ferry fares frozen</a></h2><time datetime='2025-06-03'>3 June</time><span class='byline'>Ed Lane</span><p>{Text.Replace("dredge", "survey", StringComparison.Ordinal)}</p><p>{Text}</p></article>" +
            "</body></html>";

        var articles = new HtmlExtractor().Extract(new PageInput("listing.html", PageFormat.Html, Encoding.UTF8.GetBytes(html), Url: PageUrl)).Articles;

        Assert.Equal(2, articles.Count);
        Assert.Equal(("Channel to be dredged", "https://orrinbay.example/news/channel", "Jo Marsh"), (articles[0].Title, articles[0].Url, articles[0].Author));
        Assert.Equal(("Ferry fares frozen", "https://wire.example/ferry", "Ed Lane"), (articles[1].Title, articles[1].Url, articles[1].Author));
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero), articles[1].Published);
    }
}
