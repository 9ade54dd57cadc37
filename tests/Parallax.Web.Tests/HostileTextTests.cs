using System.Net;
using System.Text;
using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;
using Parallax.Data.Ingest;
using Parallax.Data.Sqlite;

namespace Parallax.Web.Tests;

/// <summary>Pages show a publisher's text as text: markup in a title or body is encoded, never run.</summary>
public sealed class HostileTextTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"parallax-hostile-{Guid.NewGuid():N}");
    private SqliteStore store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        store = await SqliteStore.OpenAsync(Path.Combine(folder, "hostile.db"));
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Markup_in_a_publishers_title_and_text_is_shown_as_text()
    {
        const string page = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>&lt;script&gt;alert("title")&lt;/script&gt; Council &amp; mayor agree</title>
            <meta property="og:site_name" content="&lt;b&gt;Bold&lt;/b&gt; Outlet"></head><body><article>
            <h1>&lt;script&gt;alert("title")&lt;/script&gt; Council &amp; mayor agree</h1>
            <p>The council and the mayor agreed on Tuesday to spend the surplus on the harbour, ending a dispute that had lasted most of the year and held up three other projects.</p>
            <p>A resident wrote &lt;img src=x onerror=alert(1)&gt; on the petition, which the clerk read out in full at the meeting to laughter from the public gallery.</p>
            <p>The harbour works will begin in the spring and are expected to take about eighteen months, the council said in a statement after the vote.</p>
            </article></body></html>
            """;
        using (var coordinator = await IngestCoordinator.OpenAsync(store, ParallaxPipeline.CreateDefault()))
        {
            var outcome = await coordinator.IngestAsync(new IngestSubmission("hostile-1", "hostile.html", new PageInput("hostile.html", PageFormat.Html, Encoding.UTF8.GetBytes(page))));
            Assert.Equal(IngestResult.Stored, outcome.Result);
        }

        using var factory = new ParallaxFactory(store, new Parallax.App.Web.ServeSettings { Database = Path.Combine(folder, "hostile.db") });
        var client = factory.Client();
        var article = (await store.ListStoriesAsync(new Parallax.Data.StoryQuery())).Items.Single();
        foreach (var url in new[] { "/", $"/stories/{article.Id}", "/articles/1", "/search?q=petition", "/sources/1" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>Bold", html, StringComparison.Ordinal);
        }

        var articlePage = await client.GetStringAsync("/articles/1");
        Assert.Contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;", articlePage, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", articlePage, StringComparison.Ordinal);
        var atom = await client.GetStringAsync("/feeds/stories.atom");
        Assert.DoesNotContain("<script>", atom, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", atom, StringComparison.Ordinal);
    }
}
