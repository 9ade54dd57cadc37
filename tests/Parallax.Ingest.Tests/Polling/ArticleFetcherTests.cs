using System.Diagnostics;
using System.Text;
using Parallax.Core.Pipeline;
using Parallax.Ingest.Feeds;
using Parallax.Ingest.Fetch;
using Parallax.Ingest.Polling;
using Parallax.Ingest.Tests.Fetch;

namespace Parallax.Ingest.Tests.Polling;

/// <summary>The full-article step against pages served on a loopback socket, hostile ones included.</summary>
public sealed class ArticleFetcherTests(Xunit.Abstractions.ITestOutputHelper log) : IAsyncLifetime
{
    private const string Prose = "The harbour wall in Harbourton held through the night as the river crested at 4.3 metres, " +
        "and the council said on Wednesday that the two shelters it opened would stay open until the water falls.";

    private readonly LoopbackServer server = new();
    private readonly HttpFetcher fetcher = new(HttpFetcherTests.TestOptions with
    {
        // Generous time limits: these tests are about pages, and the machine may be busy parsing the hostile ones.
        MaxBytes = 16 * 1024 * 1024,
        StallTimeout = TimeSpan.FromSeconds(15),
        TotalTimeout = TimeSpan.FromSeconds(30),
    });
    private ArticleFetcher articles = null!;

    public Task InitializeAsync()
    {
        articles = new ArticleFetcher(fetcher, ParallaxPipeline.CreateDefault());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        fetcher.Dispose();
        await server.DisposeAsync();
    }

    private FeedEntry EntryFor(string path) => new("id", "Harbour wall holds", server.Url(path).AbsoluteUri, null, null, null, "A teaser.", null);

    [Fact]
    public async Task A_summary_only_entry_gets_its_article_from_the_page()
    {
        var page = $"<html><head><title>Harbour wall holds</title></head><body><nav>Home | News</nav><article><h1>Harbour wall holds</h1>" +
            string.Concat(Enumerable.Repeat($"<p>{Prose}</p>", 4)) + "</article><footer>Copyright</footer></body></html>";
        server.Map("/story.html", 200, page, ("Content-Type", "text/html; charset=utf-8"));
        var entry = EntryFor("/story.html");
        Assert.True(entry.OnlySummary);

        var result = await articles.FetchAsync(entry, CancellationToken.None);
        Assert.Null(result.Error);
        var article = Assert.Single(result.Extraction!.Articles);
        Assert.Contains("harbour wall in Harbourton held", article.Text);
        Assert.DoesNotContain("Copyright", article.Text);
        Assert.Equal(Encoding.UTF8.GetBytes(page), result.Page!.Content.ToArray());
    }

    [Fact]
    public async Task Formatting_elements_reopened_by_every_paragraph_are_refused_quickly()
    {
        var builder = new StringBuilder("<html><body><div>");
        for (var n = 0; n < 1_500; n++)
        {
            builder.Append("<i data-n=\"").Append(n).Append("\">");
        }

        builder.Append("</div>").Insert(builder.Length, "<p>para</p>", 20_000);
        server.Map("/reopen.html", 200, builder.ToString(), ("Content-Type", "text/html"));

        var clock = Stopwatch.StartNew();
        var result = await articles.FetchAsync(EntryFor("/reopen.html"), CancellationToken.None);
        Assert.Contains("refused by extraction", result.Error);
        Assert.Contains("DOM nodes", result.Error);
        log.WriteLine($"reopened formatting page ({builder.Length:N0} bytes): refused in {clock.ElapsedMilliseconds} ms, fetch included: {result.Error}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_million_stray_end_tags_are_refused_quickly()
    {
        var builder = new StringBuilder($"<html><body><article><p>{Prose}</p></article>");
        builder.Insert(builder.Length, "<div></q>", 1_000_000);
        server.Map("/stray.html", 200, builder.ToString(), ("Content-Type", "text/html"));

        var clock = Stopwatch.StartNew();
        var result = await articles.FetchAsync(EntryFor("/stray.html"), CancellationToken.None);
        Assert.Contains("refused by extraction", result.Error);
        log.WriteLine($"stray end tags page ({builder.Length:N0} bytes): refused in {clock.ElapsedMilliseconds} ms, fetch included: {result.Error}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Robots_refusals_missing_links_and_non_pages_are_reasons()
    {
        server.Map("/robots.txt", 200, "User-agent: parallax\nDisallow: /members/\n");
        server.Map("/members/story.html", 200, "<html></html>");
        server.Map("/photo.jpg", 200, "\xFF\xD8\xFF", ("Content-Type", "image/jpeg"));

        Assert.Contains("robots.txt disallows", (await articles.FetchAsync(EntryFor("/members/story.html"), CancellationToken.None)).Error);
        Assert.Contains("image/jpeg, not a page", (await articles.FetchAsync(EntryFor("/photo.jpg"), CancellationToken.None)).Error);
        Assert.Contains("no link", (await articles.FetchAsync(EntryFor("/x") with { Link = null }, CancellationToken.None)).Error);
        Assert.DoesNotContain(server.Requests, r => r.Path == "/members/story.html");
    }
}
