using System.Net;

namespace Parallax.Web.Tests;

/// <summary>Every page over WebApplicationFactory, on the demo store.</summary>
[Collection(DemoCollection.Name)]
public sealed class PageEndpointTests(DemoStore demo) : IDisposable
{
    private readonly ParallaxFactory factory = new(demo);

    public void Dispose() => factory.Dispose();

    [Fact]
    public void The_demo_imported_every_page()
    {
        Assert.Equal(0, demo.Imported.Failed);
        Assert.True(demo.Imported.Pages >= 17, $"{demo.Imported.Pages} pages imported");
    }

    [Fact]
    public async Task The_river_lists_the_stories_and_links_the_atom_feed()
    {
        var html = await factory.Client().GetStringAsync("/");
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", html, StringComparison.Ordinal);
        Assert.Contains("Marren Bridge", html, StringComparison.Ordinal);
        Assert.Contains("greyfin", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);

        // Each card names its sources, the first reporter first, under the lead's opening.
        Assert.Contains("class=\"chip first\"", html, StringComparison.Ordinal);
        var bridgeStory = await demo.StoryAsync("Marren Bridge");
        var outline = (await demo.Store.StoryOutlinesAsync([bridgeStory.Id]))[bridgeStory.Id];
        Assert.Equal("The Tarrow Gazette", outline.Sources[0].Name);
        Assert.Equal(6, outline.Sources.Count);
        Assert.StartsWith("The Marren Bridge, the only road crossing", outline.LeadOpening, StringComparison.Ordinal);

        // The story many outlets took up ranks first.
        var bridge = html.IndexOf("Marren Bridge", StringComparison.Ordinal);
        var cup = html.IndexOf("Fold Cup final", StringComparison.Ordinal);
        Assert.True(bridge < cup, "the bridge story (six sources) should rank above the cup semi-final (one)");
    }

    [Theory]
    [InlineData("/?sort=latest")]
    [InlineData("/?sort=sources&within=7d")]
    [InlineData("/?sort=growing&page=2")]
    [InlineData("/?source=1")]
    public async Task The_river_takes_its_orders_and_filters(string url)
    {
        var response = await factory.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_source_filter_keeps_only_its_stories()
    {
        var sports = await demo.StoryAsync("Fold Cup");
        var article = (await demo.Store.GetStoryAsync(sports.Id))!.Articles[0];
        var observer = (await demo.Store.ListSourcesAsync()).First(s => s.Name == "The Kessel Observer");
        var html = await factory.Client().GetStringAsync($"/?source={observer.Id}");
        Assert.DoesNotContain("Fold Cup final", html, StringComparison.Ordinal);
        Assert.Contains("Greyfin", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(article.SourceName, await factory.Client().GetStringAsync($"/?source={article.SourceId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_story_page_shows_its_sources_first_reporter_reports_copies_and_timeline()
    {
        var story = await demo.StoryAsync("Marren Bridge");
        var html = await factory.Client().GetStringAsync($"/stories/{story.Id}");
        Assert.Contains("The reports side by side", html, StringComparison.Ordinal);
        Assert.Contains("Timeline", html, StringComparison.Ordinal);
        Assert.Contains("reported by <a href=\"/sources/", html, StringComparison.Ordinal);
        Assert.Contains("The Tarrow Gazette", html, StringComparison.Ordinal);
        Assert.Contains("Northfold Broadcasting", html, StringComparison.Ordinal);
        Assert.Contains("spun copy", html, StringComparison.Ordinal);
        Assert.Contains("<details>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_addresses_are_404_pages()
    {
        foreach (var url in new[] { "/stories/987654", "/articles/987654", "/sources/987654", "/no/such/page" })
        {
            var response = await factory.Client().GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_spun_copy_shows_its_original_and_the_restored_wording_as_a_diff()
    {
        var spun = (await demo.ArticlesAsync()).First(a => a.Spun && a.CopyOf is not null);
        var html = await factory.Client().GetStringAsync($"/articles/{spun.Id}");
        Assert.Contains("Spun copy of", html, StringComparison.Ordinal);
        Assert.Contains("<del>", html, StringComparison.Ordinal);
        Assert.Contains("<ins>", html, StringComparison.Ordinal);
        Assert.Contains($"/articles/{spun.CopyOf}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_republished_copy_says_what_it_copies_and_the_original_lists_it()
    {
        var copy = (await demo.ArticlesAsync()).First(a => a.CopyOf is not null && !a.Spun && a.SourceName == "Meridian Wire");
        var html = await factory.Client().GetStringAsync($"/articles/{copy.Id}");
        Assert.Contains("Copy of", html, StringComparison.Ordinal);
        var original = await factory.Client().GetStringAsync($"/articles/{copy.CopyOf}");
        Assert.Contains("Copied elsewhere", original, StringComparison.Ordinal);
        Assert.Contains($"/articles/{copy.Id}", original, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_pages_show_figures_and_feed_health()
    {
        var gazette = (await demo.Store.ListSourcesAsync()).First(s => s.Name == "The Tarrow Gazette");
        var html = await factory.Client().GetStringAsync($"/sources/{gazette.Id}");
        Assert.Contains("reported first", html, StringComparison.Ordinal);
        Assert.Contains("copies of its articles elsewhere", html, StringComparison.Ordinal);
        Assert.Contains("Feed health", html, StringComparison.Ordinal);
        Assert.Contains("Marren Bridge", html, StringComparison.Ordinal);
        Assert.Contains("The Tarrow Gazette", await factory.Client().GetStringAsync("/sources"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_page_says_how_often_its_feed_asks_to_be_checked()
    {
        var now = DateTimeOffset.UtcNow;
        var id = await demo.Store.AddSourceAsync(new Parallax.Data.NewSource("Hourglass Bulletin", null, $"https://hourglass.example/{Guid.NewGuid():N}.rss", now.AddDays(1)));
        try
        {
            Assert.DoesNotContain("The feed asks", await factory.Client().GetStringAsync($"/sources/{id}"), StringComparison.Ordinal);
            await demo.Store.SaveSourceCheckAsync(id, new Parallax.Data.SourceCheck(now, now.AddHours(3), null, null, null, RefreshHint: TimeSpan.FromHours(3)), []);
            var html = await factory.Client().GetStringAsync($"/sources/{id}");
            Assert.Contains("to be checked every 3 hours", html, StringComparison.Ordinal);
        }
        finally
        {
            await demo.Store.RemoveSourceAsync(id);
        }
    }

    [Fact]
    public async Task Search_finds_articles_by_their_words()
    {
        var html = await factory.Client().GetStringAsync("/search?q=greyfin+whales");
        Assert.Contains("Greyfin", html, StringComparison.Ordinal);
        Assert.Contains("/feeds/search.atom?q=greyfin%20whales", html, StringComparison.Ordinal);
        Assert.Contains("No article has all of these words", await factory.Client().GetStringAsync("/search?q=zeppelin+quokka"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().GetAsync("/search")).StatusCode);
    }

    [Fact]
    public async Task Assets_are_served_with_an_etag_and_revalidate()
    {
        var client = factory.Client();
        var css = await client.GetAsync("/assets/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var request = new HttpRequestMessage(HttpMethod.Get, "/assets/site.css");
        request.Headers.TryAddWithoutValidation("If-None-Match", css.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/assets/site.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/nothing.css")).StatusCode);
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_that_runs_no_outside_script()
    {
        var response = await factory.Client().GetAsync("/");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
