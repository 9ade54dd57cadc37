using System.Text;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>
/// The title and author a page states: the site's name that pages add to an article's title, taken off wherever the
/// title comes from, and the author's name read from the element marked for it when the metadata has none.
/// </summary>
public sealed class PageTitleTests
{
    [Theory]
    [InlineData("Channel to be dredged | Orrin Bay Post", "Orrin Bay Post", "https://www.orrinbay.example/news/1", "Channel to be dredged")]
    [InlineData("Channel to be dredged | Orrin Bay", "Orrin Bay Media Group", "https://orrinbay.example/1", "Channel to be dredged")]
    [InlineData("Channel to be dredged - Harbour Times", null, "https://harbourtimes.example/a", "Channel to be dredged")]
    [InlineData("Channel to be dredged • Harbourtimes.example", null, "https://harbourtimes.example/a", "Channel to be dredged")]
    [InlineData("Harbour Times | Channel to be dredged", null, "https://www.harbourtimes.example/a", "Channel to be dredged")]
    [InlineData("Dredging - a guide to the channel", null, "https://harbourtimes.example/a", "Dredging - a guide to the channel")]
    [InlineData("Channel to be dredged | Tides, costs and dates", "Orrin Bay Post", "https://orrinbay.example/1", "Channel to be dredged | Tides, costs and dates")]
    public void A_first_or_last_part_naming_the_site_is_taken_off(string title, string? source, string url, string expected)
    {
        Assert.Equal(expected, PageTitle.WithoutSiteName(title, source, h1: null, url));
    }

    [Fact]
    public void An_open_graph_title_loses_the_site_name_too()
    {
        var html = "<html><head><meta property='og:title' content='Channel to be dredged | Orrin Bay Post'><meta property='og:site_name' content='Orrin Bay Post'></head>" +
            "<body><article><p>The Orrin Bay harbour board approved a plan on Monday to dredge the northern channel, which has silted up so badly that fishing boats wait for high tide.</p>" +
            "<p>Dredging will start in September and take about six weeks, the board's engineer said, and the spoil will rebuild the dunes south of the lighthouse.</p></article></body></html>";

        var article = new HtmlExtractor().Extract(new PageInput("page.html", PageFormat.Html, Encoding.UTF8.GetBytes(html), Url: "https://orrinbay.example/news/1")).Articles.Single();

        Assert.Equal("Channel to be dredged", article.Title);
    }

    [Fact]
    public void The_author_is_read_from_the_element_marked_for_it_when_the_metadata_has_none()
    {
        var html = "<html><head><title>Channel to be dredged</title></head><body><article><h1>Channel to be dredged</h1>" +
            "<div class='post-meta'><a rel='author' href='/mira'>Mira Castellane</a> · 3 min read</div>" +
            "<p>The Orrin Bay harbour board approved a plan on Monday to dredge the northern channel, which has silted up so badly that fishing boats wait for high tide.</p>" +
            "<p>Dredging will start in September and take about six weeks, the board's engineer said, and the spoil will rebuild the dunes south of the lighthouse.</p></article></body></html>";

        var article = new HtmlExtractor().Extract(new PageInput("page.html", PageFormat.Html, Encoding.UTF8.GetBytes(html))).Articles.Single();

        Assert.Equal("Mira Castellane", article.Author);
    }
}
