using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parallax.App.Service;
using Parallax.App.Web;
using Parallax.Core.Pipeline;
using Parallax.Data;
using Parallax.Data.Sqlite;
using Parallax.Ingest.Fetch;
using Parallax.Ingest.Polling;
using Parallax.Ingest.Tests.Fetch;
using Xunit.Abstractions;

namespace Parallax.Web.Tests;

/// <summary>
/// The serve host with its background poller and ingest, over real sockets: a feed server on loopback serves good,
/// summary-only and hostile feeds, the host polls them into a SQLite store, and the pages answer meanwhile.
/// </summary>
public sealed class ServePollingTests(ITestOutputHelper log) : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("parallax-serve-poll-").FullName;
    private readonly LoopbackServer feeds = new();
    private readonly TaskCompletionSource stallMet = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IParallaxStore store = null!;
    private IHost host = null!;
    private HttpClient web = null!;

    public async Task InitializeAsync()
    {
        store = await SqliteStore.OpenAsync(Path.Combine(folder, "serve.db"));
        MapFeeds();
        var options = new BackgroundIngestOptions
        {
            Name = "serve-test",
            // The feed server is on loopback, so loopback is allowed; private networks stay refused.
            Fetch = FetchOptions.Default with
            {
                AllowLoopback = true,
                MaxBytes = 1024 * 1024,
                StallTimeout = TimeSpan.FromSeconds(2),
                TotalTimeout = TimeSpan.FromSeconds(10),
            },
            // Good feeds come round again within seconds; a failing one backs off for an hour.
            Schedule = new ScheduleOptions
            {
                MinInterval = TimeSpan.FromSeconds(1),
                DefaultInterval = TimeSpan.FromSeconds(2),
                MaxInterval = TimeSpan.FromHours(1),
                BackoffBase = TimeSpan.FromHours(1),
                MaxBackoff = TimeSpan.FromHours(2),
                Jitter = 0,
            },
            PollIdle = TimeSpan.FromMilliseconds(200),
            IngestIdle = TimeSpan.FromMilliseconds(200),
            PageRetryDelay = TimeSpan.FromSeconds(1),
        };
        var settings = new ServeSettings { Database = Path.Combine(folder, "serve.db"), Urls = "http://127.0.0.1:0" };
        host = ParallaxWebHost.CreateHostBuilder(settings, services =>
        {
            services.AddSingleton(store);
            services.AddSingleton(ParallaxPipeline.CreateDefault());
            BackgroundIngestService.Add(services, options);
        }).Build();
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        web = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        web.Dispose();
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await host.StopAsync(stopping.Token);
        }

        host.Dispose();
        await store.DisposeAsync();
        await feeds.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Serve_polls_good_feeds_once_records_why_bad_ones_fail_and_answers_meanwhile()
    {
        // The first page (JIT, Razor) before any source, so the later timing measures serving, not warming up.
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/")).StatusCode);

        var good = await AddAsync("Good Gazette", "/good.rss");
        var teasers = await AddAsync("Teaser Times", "/teasers.atom");
        var broken = await AddAsync("Broken Bugle", "/error.rss");
        var redirect = await AddAsync("Redirect Record", "/redirect.rss");
        var entities = await AddAsync("Entity Echo", "/entities.rss");
        var gzip = await AddAsync("Gzip Globe", "/gzip.rss");
        var stall = await AddAsync("Stalled Star", "/stall.rss");
        var all = new[] { good, teasers, broken, redirect, entities, gzip, stall };

        // While the poller is held up by the stalled feed, the river still answers at once.
        await stallMet.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/")).StatusCode);
        var answered = clock.Elapsed;
        log.WriteLine($"/ answered in {answered.TotalMilliseconds:0} ms while the stalled feed was being fetched (under load)");
        Assert.True(answered < TimeSpan.FromSeconds(3), $"/ took {answered}");

        await WaitAsync("every source checked and the queue worked", async () =>
            (await store.ListSourcesAsync()).All(s => s.LastChecked is not null) && (await store.CountsAsync()).Queued == 0);
        Assert.Null((await store.ListIngestItemsAsync(IngestState.Done)).Items.Single(i => i.Url!.EndsWith("/pages/busy.html", StringComparison.Ordinal)).Error);

        // A second round of the good feed gets 304 and adds nothing; the teaser feed (no validators) is read again in full.
        await WaitAsync("the good feed asked for again with its ETag", () => Task.FromResult(
            feeds.Requests.Count(r => r.Path == "/good.rss" && r.Headers.GetValueOrDefault("If-None-Match") == "\"good-1\"") >= 2));
        await WaitAsync("the teaser feed read a second time", () => Task.FromResult(feeds.Requests.Count(r => r.Path == "/teasers.atom") >= 2));
        await WaitAsync("the queue empty", async () => (await store.CountsAsync()).Queued == 0);

        Assert.Equal(2, (await DetailAsync(good)).Stats.Articles);
        Assert.Equal(3, (await DetailAsync(teasers)).Stats.Articles);
        Assert.Equal(5, (await store.CountsAsync()).Articles);
        Assert.Equal(2, feeds.Requests.Count(r => r.Path == "/pages/busy.html"));
        Assert.Equal(2, feeds.Requests.Count(r => r.Path == "/pages/harbour.html") + feeds.Requests.Count(r => r.Path == "/pages/orchard.html"));
        Assert.Contains("Kestrel bridge reopens", string.Join("|", (await DetailAsync(good)).Articles.Items.Select(a => a.Title)), StringComparison.Ordinal);

        // The teaser whose page is missing failed with its reason, in the queue the admin sees.
        var failed = Assert.Single((await store.ListIngestItemsAsync(IngestState.Failed)).Items);
        Assert.Contains("404", failed.Error, StringComparison.Ordinal);
        Assert.Equal(teasers, failed.SourceId);

        var reasons = new Dictionary<long, string>
        {
            [broken] = "500",
            [redirect] = "10.20.30.40",
            [entities] = "DTD",
            [gzip] = "inflates past",
            [stall] = "stalled",
        };
        foreach (var (id, reason) in reasons)
        {
            var source = (await DetailAsync(id)).Source;
            log.WriteLine($"{source.Name}: {source.LastError}");
            Assert.Contains(reason, source.LastError, StringComparison.Ordinal);
            Assert.Equal(1, source.ErrorCount);
            var page = WebUtility.HtmlDecode(await web.GetStringAsync($"/sources/{id}"));
            Assert.Contains(source.LastError!, page, StringComparison.Ordinal);
        }

        Assert.Contains("SSRF", (await DetailAsync(redirect)).Source.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(feeds.Requests, r => r.Path == "/never");
        Assert.Empty(await store.CheckIntegrityAsync());
        Assert.All(all, id => Assert.True(id > 0));
    }

    private async Task<long> AddAsync(string name, string path) =>
        await store.AddSourceAsync(new NewSource(name, null, feeds.Url(path).AbsoluteUri));

    private async Task<SourceDetail> DetailAsync(long id) => (await store.GetSourceDetailAsync(id))!;

    private static async Task WaitAsync(string what, Func<Task<bool>> done)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"timed out waiting for {what}");
            await Task.Delay(200);
        }
    }

    private void MapFeeds()
    {
        var bridge = Paragraphs("The Kestrel bridge reopened to traffic on Monday morning after eight weeks of repairs to its cracked deck, " +
            "and the county engineer said the weight limit of twelve tonnes would stay until the spring inspection.");
        var ferry = Paragraphs("Ferry crossings from Wendmouth to the islands resumed on Tuesday once the new engine passed its sea trials, " +
            "the operator said, and the winter timetable of four sailings a day will run until the end of March.");
        var rss = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Good Gazette</title><link>http://gazette.test/</link>
            <item><guid>good-1</guid><title>Kestrel bridge reopens</title><link>http://gazette.test/bridge</link><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate>
              <description>The bridge is open again.</description><content:encoded><![CDATA[{bridge}]]></content:encoded></item>
            <item><guid>good-2</guid><title>Ferry crossings resume</title><link>http://gazette.test/ferry</link><pubDate>Tue, 03 Mar 2026 08:00:00 GMT</pubDate>
              <description>The ferry sails again.</description><content:encoded><![CDATA[{ferry}]]></content:encoded></item>
            </channel></rss>
            """;
        feeds.Map("/good.rss", (request, stream, ct) => request.Headers.GetValueOrDefault("If-None-Match") == "\"good-1\""
            ? LoopbackServer.WriteAsync(stream, 304, [], [("ETag", "\"good-1\"")], ct)
            : LoopbackServer.WriteAsync(stream, 200, Encoding.UTF8.GetBytes(rss), [("ETag", "\"good-1\""), ("Content-Type", "application/rss+xml")], ct));

        var atom = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Teaser Times</title><id>urn:teasers</id><updated>2026-03-02T08:00:00Z</updated>
            <entry><id>urn:teasers:1</id><title>Harbour wall holds</title><link href="{feeds.Url("/pages/harbour.html")}"/><updated>2026-03-02T08:00:00Z</updated><summary>The wall held.</summary></entry>
            <entry><id>urn:teasers:2</id><title>Orchard harvest early</title><link href="{feeds.Url("/pages/orchard.html")}"/><updated>2026-03-02T09:00:00Z</updated><summary>Apples early.</summary></entry>
            <entry><id>urn:teasers:4</id><title>Busy server</title><link href="{feeds.Url("/pages/busy.html")}"/><updated>2026-03-02T11:00:00Z</updated><summary>Later.</summary></entry>
            <entry><id>urn:teasers:3</id><title>Gone page</title><link href="{feeds.Url("/pages/gone.html")}"/><updated>2026-03-02T10:00:00Z</updated><summary>Missing.</summary></entry>
            </feed>
            """;
        feeds.Map("/teasers.atom", 200, atom, ("Content-Type", "application/atom+xml"));
        feeds.Map("/pages/harbour.html", 200, Page("Harbour wall holds",
            "The harbour wall in Harbourton held through the night as the river crested at 4.3 metres, and the council said on Wednesday that " +
            "the two shelters it opened would stay open until the water falls."), ("Content-Type", "text/html; charset=utf-8"));
        feeds.Map("/pages/orchard.html", 200, Page("Orchard harvest early",
            "Growers in the Ashby valley began picking apples three weeks earlier than usual after the warmest summer on record, " +
            "and the cooperative said its cold stores were already half full by the first week of September."), ("Content-Type", "text/html; charset=utf-8"));

        // A server busy at the first fetch of this page: the item is tried again, not failed.
        var busy = 0;
        var market = Page("Market hall reopens",
            "Traders returned to the Carrow market hall on Saturday after a year of repairs to its iron roof, and the council said " +
            "the rents would stay at last year's level until the first of April.");
        feeds.Map("/pages/busy.html", (_, stream, ct) => Interlocked.Increment(ref busy) == 1
            ? LoopbackServer.WriteAsync(stream, 503, Encoding.UTF8.GetBytes("busy"), [("Content-Type", "text/plain")], ct)
            : LoopbackServer.WriteAsync(stream, 200, Encoding.UTF8.GetBytes(market), [("Content-Type", "text/html; charset=utf-8")], ct));

        feeds.Map("/error.rss", 500, "the feed generator crashed", ("Content-Type", "text/plain"));
        feeds.Map("/redirect.rss", 302, string.Empty, ("Location", "http://10.20.30.40/never"));
        feeds.Map("/entities.rss", 200, """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
            <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
            <rss version="2.0"><channel><title>&f;</title><item><title>&f;</title></item></channel></rss>
            """, ("Content-Type", "application/rss+xml"));
        var bomb = Gzip(new byte[64 * 1024 * 1024]);
        feeds.Map("/gzip.rss", (_, stream, ct) => LoopbackServer.WriteAsync(stream, 200, bomb, [("Content-Encoding", "gzip"), ("Content-Type", "application/rss+xml")], ct));
        feeds.Map("/stall.rss", async (_, stream, ct) =>
        {
            await LoopbackServer.WriteHeadAsync(stream, 200, [("Content-Length", "5000"), ("Content-Type", "application/rss+xml")], ct);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("<rss version=\"2.0\"><channel><title>Stalled"), ct);
            await stream.FlushAsync(ct);
            stallMet.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(60), ct);
        });
    }

    private static string Paragraphs(string sentence) =>
        string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{sentence} Paragraph {i} adds what the officials said next.</p>"));

    private static string Page(string title, string prose) =>
        $"<html><head><title>{title}</title></head><body><nav>Home | News | Sport</nav><article><h1>{title}</h1>" +
        string.Concat(Enumerable.Range(1, 4).Select(i => $"<p>{prose} Paragraph {i} gives more of the detail.</p>")) +
        "</article><footer>Copyright the publisher</footer></body></html>";

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
