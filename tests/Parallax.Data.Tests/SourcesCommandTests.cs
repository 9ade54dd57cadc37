using System.Text;
using Parallax.Data.Sqlite;
using Parallax.Ingest.Tests.Fetch;

namespace Parallax.Data.Tests;

/// <summary>
/// `parallax sources` and the polling `parallax worker` as processes, against feeds served on a loopback socket
/// (allowed with PARALLAX_FETCH_LOOPBACK, as a feed on this machine would be).
/// </summary>
public sealed class SourcesCommandTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("parallax-sources-").FullName;
    private readonly LoopbackServer server = new();

    private string Db => Path.Combine(folder, "sources.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_home_page_leads_to_its_feed_and_the_sources_go_out_and_back_in_as_opml()
    {
        server.Map("/", 200, $"""<html><head><title>Home</title><link rel="alternate" type="application/rss+xml" href="/news.rss"></head><body>Hello</body></html>""",
            ("Content-Type", "text/html"));
        server.Map("/news.rss", 200, "<rss version=\"2.0\"><channel><title>Loop Ledger</title><item><title>One</title><link>http://ledger.test/1</link></item></channel></rss>",
            ("Content-Type", "application/rss+xml"));

        var (code, output, error) = await RunAsync("sources", "add", server.Url("/").AbsoluteUri, "--db", Db);
        Assert.True(code == 0, error);
        Assert.Contains("Loop Ledger", output, StringComparison.Ordinal);
        (code, output, _) = await RunAsync("sources", "add", server.Url("/news.rss").AbsoluteUri, "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("nothing added", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync("sources", "list", "--json", "--db", Db);
        Assert.Equal(0, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using (var json = System.Text.Json.JsonDocument.Parse(line))
        {
            Assert.Equal(server.Url("/news.rss").AbsoluteUri, json.RootElement.GetProperty("feedUrl").GetString());
            Assert.Equal(server.Url("/").AbsoluteUri, json.RootElement.GetProperty("siteUrl").GetString());
            Assert.Equal("Loop Ledger", json.RootElement.GetProperty("name").GetString());
        }

        (code, output, _) = await RunAsync("sources", "export", "--db", Db);
        Assert.Equal(0, code);
        var opml = Path.Combine(folder, "out.opml");
        await File.WriteAllTextAsync(opml, output.Replace("</body>", "<outline text=\"Bad\" xmlUrl=\"ftp://nowhere/feed\"/></body>", StringComparison.Ordinal));
        var other = Path.Combine(folder, "other.db");
        (code, output, error) = await RunAsync("sources", "import", opml, "--db", other);
        Assert.Equal(1, code);
        Assert.Contains("imported 1 new feed", output, StringComparison.Ordinal);
        Assert.Contains("ftp://nowhere/feed", error, StringComparison.Ordinal);
        await using var store = await SqliteStore.OpenAsync(other);
        var source = Assert.Single(await store.ListSourcesAsync());
        Assert.Equal(("Loop Ledger", server.Url("/news.rss").AbsoluteUri), (source.Name, source.FeedUrl));
    }

    [Fact]
    public async Task A_page_without_a_feed_adds_nothing_and_says_why()
    {
        server.Map("/plain", 200, "<html><body>No feed here.</body></html>", ("Content-Type", "text/html"));
        var (code, _, error) = await RunAsync("sources", "add", server.Url("/plain").AbsoluteUri, "--db", Db);
        Assert.Equal(1, code);
        Assert.Contains("no feed found", error, StringComparison.Ordinal);
        await using var store = await SqliteStore.OpenAsync(Db);
        Assert.Empty(await store.ListSourcesAsync());
    }

    [Fact]
    public async Task The_worker_polls_a_feed_and_stores_its_entries_once()
    {
        var text = string.Join("", Enumerable.Range(1, 4).Select(i =>
            $"<p>The Wendmouth ferry sailed again on Friday after repairs to its engine kept it in port for a week, part {i}.</p>"));
        server.Map("/full.rss", (request, stream, ct) => request.Headers.GetValueOrDefault("If-None-Match") == "\"v1\""
            ? LoopbackServer.WriteAsync(stream, 304, [], [("ETag", "\"v1\"")], ct)
            : LoopbackServer.WriteAsync(stream, 200, Encoding.UTF8.GetBytes(
                "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Ferry News</title>" +
                $"<item><guid>ferry-1</guid><title>Ferry resumes</title><link>http://ferry.test/1</link><content:encoded><![CDATA[{text}]]></content:encoded></item>" +
                "</channel></rss>"), [("ETag", "\"v1\""), ("Content-Type", "application/rss+xml")], ct));
        Assert.Equal(0, (await RunAsync("sources", "add", server.Url("/full.rss").AbsoluteUri, "--no-discover", "--db", Db)).ExitCode);

        var (code, output, error) = await RunAsync("worker", "--db", Db, "--exit-when-idle");
        Assert.True(code == 0, output + error);
        Assert.Contains("ingested 1 items (1 articles)", output, StringComparison.Ordinal);
        await using (var store = await SqliteStore.OpenAsync(Db))
        {
            var source = Assert.Single(await store.ListSourcesAsync());
            Assert.Equal(("\"v1\"", (string?)null), (source.ETag, source.LastError));

            // Due again at once, so the next worker asks with the ETag and gets 304.
            await store.SaveSourceCheckAsync(source.Id, new SourceCheck(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, source.ETag, null, null), []);
        }

        (code, output, _) = await RunAsync("worker", "--db", Db, "--exit-when-idle");
        Assert.Equal(0, code);
        Assert.Contains("ingested 0 items", output, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.Path == "/full.rss" && r.Headers.GetValueOrDefault("If-None-Match") == "\"v1\"");
        await using (var store = await SqliteStore.OpenAsync(Db))
        {
            Assert.Equal(1, (await store.CountsAsync()).Articles);
        }
    }

    // The feeds are served on loopback, which the fetcher refuses unless told.
    private static Task<ParallaxProcess.Result> RunAsync(params string[] args) =>
        ParallaxProcess.RunAsync(new Dictionary<string, string> { ["PARALLAX_FETCH_LOOPBACK"] = "true" }, args);
}
