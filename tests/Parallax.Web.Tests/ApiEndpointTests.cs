using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;

namespace Parallax.Web.Tests;

/// <summary>The JSON API, the Atom feeds, OPML and the OpenAPI document over WebApplicationFactory.</summary>
[Collection(DemoCollection.Name)]
public sealed class ApiEndpointTests(DemoStore demo) : IDisposable
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly ParallaxFactory factory = new(demo);

    public void Dispose() => factory.Dispose();

    private async Task<JsonElement> JsonAsync(string url)
    {
        var response = await factory.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }

    [Fact]
    public async Task Stories_list_and_one_story_with_its_coverage_field()
    {
        var list = await JsonAsync("/api/stories?sort=sources&size=3");
        var items = list.GetProperty("items");
        Assert.Equal(3, items.GetArrayLength());
        Assert.True(list.GetProperty("hasMore").GetBoolean());
        var top = items[0];
        Assert.True(top.GetProperty("sourceCount").GetInt64() >= items[1].GetProperty("sourceCount").GetInt64());

        var story = await JsonAsync($"/api/stories/{top.GetProperty("id").GetInt64()}");
        Assert.True(story.TryGetProperty("coverage", out _), "a story answers with a coverage field (null until computed)");
        Assert.True(story.GetProperty("articles").GetArrayLength() >= 2);
        Assert.Equal(top.GetProperty("title").GetString(), story.GetProperty("story").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync("/api/stories/987654")).StatusCode);
    }

    [Fact]
    public async Task An_article_comes_whole()
    {
        var spun = (await demo.ArticlesAsync()).First(a => a.Spun && a.CopyOf is not null);
        var article = await JsonAsync($"/api/articles/{spun.Id}");
        Assert.True(article.GetProperty("spun").GetBoolean());
        Assert.False(string.IsNullOrEmpty(article.GetProperty("restoredText").GetString()));
        Assert.Equal(spun.CopyOf, article.GetProperty("copyOf").GetInt64());
        Assert.Equal(spun.CopyKind.ToString(), article.GetProperty("copyKind").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync("/api/articles/987654")).StatusCode);
    }

    [Fact]
    public async Task Sources_and_one_source_with_its_figures()
    {
        var sources = await JsonAsync("/api/sources");
        Assert.Contains(sources.EnumerateArray(), s => s.GetProperty("name").GetString() == "Northfold Broadcasting");
        var id = sources.EnumerateArray().First(s => s.GetProperty("name").GetString() == "The Tarrow Gazette").GetProperty("id").GetInt64();
        var source = await JsonAsync($"/api/sources/{id}");
        Assert.True(source.GetProperty("stats").GetProperty("copiedElsewhere").GetInt64() >= 1);
        Assert.True(source.GetProperty("articles").GetProperty("items").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task Search_answers_hits_and_refuses_an_empty_query()
    {
        var result = await JsonAsync("/api/search?q=bakery+Halvard");
        Assert.True(result.GetProperty("items").GetArrayLength() >= 1);
        Assert.Contains("Halvard", result.GetProperty("items")[0].GetProperty("article").GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.Client().GetAsync("/api/search")).StatusCode);
    }

    [Fact]
    public async Task Writes_without_a_login_or_token_are_401_and_a_bad_token_too()
    {
        var client = factory.Client();
        var body = JsonContent.Create(new { feedUrl = "https://nobody.example/feed.xml" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/sources", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync("/api/sources/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/ingest")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "plx_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/api/sources", body)).StatusCode);
        Assert.DoesNotContain((await demo.Store.ListSourcesAsync()), s => s.FeedUrl == "https://nobody.example/feed.xml");
    }

    [Fact]
    public async Task A_token_adds_and_removes_a_source()
    {
        var client = factory.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demo.Token);
        var created = await client.PostAsync("/api/sources", JsonContent.Create(new { feedUrl = "https://api-test.example/feed.xml", name = "API Test Outlet" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var source = (await created.Content.ReadFromJsonAsync<JsonElement>())!;
        Assert.Equal("API Test Outlet", source.GetProperty("name").GetString());
        Assert.Equal($"/api/sources/{source.GetProperty("id").GetInt64()}", created.Headers.Location?.ToString());

        var bad = await client.PostAsync("/api/sources", JsonContent.Create(new { feedUrl = "file:///etc/passwd" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Feed address", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/sources/{source.GetProperty("id").GetInt64()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/sources/{source.GetProperty("id").GetInt64()}")).StatusCode);

        // A source with articles stays.
        var gazette = (await demo.Store.ListSourcesAsync()).First(s => s.Name == "The Tarrow Gazette");
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/sources/{gazette.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/ingest")).StatusCode);
    }

    [Fact]
    public async Task A_logged_in_browser_writes_through_the_api_with_json_only()
    {
        var client = factory.Client();
        await Forms.LogInAsync(client);
        var created = await client.PostAsync("/api/sources", JsonContent.Create(new { feedUrl = "https://cookie-test.example/rss" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // A form post (what another site could make a browser send) is not read as a write.
        var form = await client.PostAsync("/api/sources", new FormUrlEncodedContent(new Dictionary<string, string> { ["feedUrl"] = "https://form.example/rss" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
    }

    [Fact]
    public async Task Atom_feeds_of_stories_of_a_source_and_of_a_search()
    {
        var client = factory.Client();
        var all = XDocument.Parse(await client.GetStringAsync("/feeds/stories.atom"));
        var entries = all.Root!.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.StartsWith("http://localhost/stories/", e.Element(Atom + "id")!.Value, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Element(Atom + "title")!.Value.Contains("Marren Bridge", StringComparison.Ordinal));

        var gazette = (await demo.Store.ListSourcesAsync()).First(s => s.Name == "The Tarrow Gazette");
        var source = XDocument.Parse(await client.GetStringAsync($"/feeds/sources/{gazette.Id}.atom"));
        Assert.Contains("The Tarrow Gazette", source.Root!.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.NotEmpty(source.Root.Elements(Atom + "entry"));

        var search = XDocument.Parse(await client.GetStringAsync("/feeds/search.atom?q=whales"));
        Assert.Contains(search.Root!.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value.Contains("whales", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/feeds/search.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/feeds/sources/987654.atom")).StatusCode);
    }

    [Fact]
    public async Task Opml_export_lists_the_feed_sources()
    {
        var opml = XDocument.Parse(await factory.Client().GetStringAsync("/sources.opml"));
        var urls = opml.Descendants("outline").Select(o => (string?)o.Attribute("xmlUrl")).ToList();
        Assert.Contains("https://tarrow-gazette.example/feed.atom", urls);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = await JsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/stories", "/api/stories/{id}", "/api/articles/{id}", "/api/sources", "/api/search", "/feeds/stories.atom" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"the OpenAPI document has {path}");
        }

        Assert.True(paths.GetProperty("/api/sources").TryGetProperty("post", out _));
        var index = await JsonAsync("/api");
        Assert.Equal("/openapi/v1.json", index.GetProperty("openApi").GetString());
    }
}
