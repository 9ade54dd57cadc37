using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Parallax.Ingest.Fetch;

namespace Parallax.Ingest.Tests.Fetch;

/// <summary>The fetcher against a real server on a loopback socket, loopback allowed explicitly through the option.</summary>
public sealed class HttpFetcherTests : IAsyncLifetime
{
    internal const string Feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Loop News</title><link>https://loop.example/</link>" +
        "<item><title>First</title><link>https://loop.example/1</link><description>Only a teaser.</description></item></channel></rss>";

    private readonly LoopbackServer server = new();

    internal static FetchOptions TestOptions { get; } = new()
    {
        AllowLoopback = true,
        MaxBytes = 1024 * 1024,
        TotalTimeout = TimeSpan.FromSeconds(5),
        StallTimeout = TimeSpan.FromSeconds(2),
        ConnectTimeout = TimeSpan.FromSeconds(2),
        MaxRedirects = 3,
    };

    private HttpFetcher fetcher = null!;

    public Task InitializeAsync()
    {
        fetcher = new HttpFetcher(TestOptions);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        fetcher.Dispose();
        await server.DisposeAsync();
    }

    private Task<FetchResult> GetAsync(string path, string? etag = null, string? lastModified = null, FetchPurpose purpose = FetchPurpose.Feed) =>
        fetcher.FetchAsync(new FetchRequest(server.Url(path), etag, lastModified, purpose), CancellationToken.None);

    [Fact]
    public async Task A_feed_comes_with_its_validators_and_the_conditional_get_gets_304()
    {
        server.Map("/feed.xml", (request, stream, ct) =>
            request.Headers.GetValueOrDefault("If-None-Match") == "\"v1\""
                ? LoopbackServer.WriteAsync(stream, 304, [], [("ETag", "\"v1\"")], ct)
                : LoopbackServer.WriteAsync(stream, 200, Encoding.UTF8.GetBytes(Feed),
                    [("Content-Type", "application/rss+xml; charset=utf-8"), ("ETag", "\"v1\""), ("Last-Modified", "Wed, 12 Mar 2025 09:00:00 GMT"), ("Cache-Control", "max-age=900")], ct));

        var first = await GetAsync("/feed.xml");
        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.Equal("\"v1\"", first.ETag);
        Assert.Equal("Wed, 12 Mar 2025 09:00:00 GMT", first.LastModified);
        Assert.Equal(TimeSpan.FromSeconds(900), first.MaxAge);
        Assert.Equal("utf-8", first.Charset);
        Assert.Equal(Feed, Encoding.UTF8.GetString(first.Body!));

        var second = await GetAsync("/feed.xml", first.ETag, first.LastModified);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Null(second.Body);

        var sent = server.Requests[^1];
        Assert.Equal("\"v1\"", sent.Headers["If-None-Match"]);
        Assert.Equal("Wed, 12 Mar 2025 09:00:00 GMT", sent.Headers["If-Modified-Since"]);
        Assert.StartsWith("Parallax/", sent.Headers["User-Agent"]);
        Assert.Contains("gzip", sent.Headers["Accept-Encoding"]);
    }

    [Fact]
    public async Task Server_errors_and_retry_after_are_reported()
    {
        server.Map("/500", 500, "boom");
        server.Map("/429", 429, "slow down", ("Retry-After", "7200"));
        var error = await GetAsync("/500");
        Assert.Equal(FetchStatus.HttpError, error.Status);
        Assert.Equal(500, error.StatusCode);
        Assert.Contains("500 Internal Server Error", error.Error);

        var limited = await GetAsync("/429");
        Assert.Equal(429, limited.StatusCode);
        Assert.Equal(TimeSpan.FromHours(2), limited.RetryAfter);
        Assert.Contains("retry after", limited.Error);
    }

    [Fact]
    public async Task Redirects_are_followed_bounded_and_each_hop_checked()
    {
        server.Map("/feed.xml", 200, Feed, ("Content-Type", "application/rss+xml"));
        server.Map("/moved", 301, "", ("Location", "/feed.xml"));
        server.Map("/loop", 302, "", ("Location", "/loop"));
        server.Map("/to-private", 302, "", ("Location", "http://10.20.30.40/feed.xml"));
        server.Map("/to-mapped", 302, "", ("Location", "http://[::ffff:192.168.1.1]/feed.xml"));
        server.Map("/to-file", 302, "", ("Location", "file:///etc/passwd"));

        server.Map("/found", 302, "", ("Location", "/moved"));
        var moved = await GetAsync("/moved");
        Assert.Equal(FetchStatus.Ok, moved.Status);
        Assert.Equal(server.Url("/feed.xml"), moved.FinalUrl);
        Assert.Equal(server.Url("/feed.xml"), moved.MovedTo);

        // A temporary hop on the way: the feed has not moved for good.
        var found = await GetAsync("/found");
        Assert.Equal(server.Url("/feed.xml"), found.FinalUrl);
        Assert.Null(found.MovedTo);

        var loop = await GetAsync("/loop");
        Assert.Equal(FetchStatus.Refused, loop.Status);
        Assert.Contains("more than 3 redirects", loop.Error);

        var toPrivate = await GetAsync("/to-private");
        Assert.Equal(FetchStatus.Refused, toPrivate.Status);
        Assert.Contains("redirected to http://10.20.30.40/feed.xml", toPrivate.Error);
        Assert.Contains("private address", toPrivate.Error);

        var mapped = await GetAsync("/to-mapped");
        Assert.Equal(FetchStatus.Refused, mapped.Status);
        Assert.Contains("192.168.1.1 is a private address", mapped.Error);

        var file = await GetAsync("/to-file");
        Assert.Equal(FetchStatus.Refused, file.Status);
        Assert.Contains("only http and https", file.Error);
    }

    [Fact]
    public async Task Without_the_option_loopback_is_refused_on_the_resolved_address()
    {
        server.Map("/feed.xml", 200, Feed);
        using var strict = new HttpFetcher(TestOptions with { AllowLoopback = false });

        // A literal address is refused before anything is sent ...
        var literal = await strict.FetchAsync(new FetchRequest(server.Url("/feed.xml")), CancellationToken.None);
        Assert.Equal(FetchStatus.Refused, literal.Status);
        Assert.Contains("127.0.0.1 is a loopback address", literal.Error);

        // ... and a name is refused on what it resolves to, in the connect callback: the server never sees a request.
        var before = server.Requests.Count;
        var named = await strict.FetchAsync(new FetchRequest(new Uri($"http://localhost:{server.Port}/feed.xml")), CancellationToken.None);
        Assert.Equal(FetchStatus.Refused, named.Status);
        Assert.Contains("localhost resolves to", named.Error);
        Assert.Contains("loopback", named.Error);
        Assert.Equal(before, server.Requests.Count);
    }

    [Fact]
    public async Task Oversized_responses_stop_at_the_cap()
    {
        server.Map("/announced", (_, stream, ct) => LoopbackServer.WriteHeadAsync(stream, 200, [("Content-Length", "104857600")], ct));
        server.Map("/streamed", async (_, stream, ct) =>
        {
            await LoopbackServer.WriteHeadAsync(stream, 200, [("Content-Type", "application/rss+xml")], ct);
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 1000; i++)
            {
                await stream.WriteAsync(chunk, ct);
            }
        });

        var announced = await GetAsync("/announced");
        Assert.Equal(FetchStatus.LimitExceeded, announced.Status);
        Assert.Contains("announces 104,857,600 bytes", announced.Error);

        var streamed = await GetAsync("/streamed");
        Assert.Equal(FetchStatus.LimitExceeded, streamed.Status);
        Assert.Contains("over the 1,048,576-byte limit", streamed.Error);
    }

    [Fact]
    public async Task Stalled_and_slow_responses_are_cut_off()
    {
        server.Map("/no-headers", (_, _, ct) => Task.Delay(TimeSpan.FromSeconds(30), ct));
        server.Map("/stalled", async (_, stream, ct) =>
        {
            await LoopbackServer.WriteHeadAsync(stream, 200, [("Content-Length", "1000")], ct);
            await stream.WriteAsync(new byte[100], ct);
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        });
        server.Map("/slow", async (_, stream, ct) =>
        {
            await LoopbackServer.WriteHeadAsync(stream, 200, [("Content-Length", "100000")], ct);
            for (var i = 0; i < 100; i++)
            {
                await stream.WriteAsync(new byte[1000], ct);
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            }
        });

        var clock = Stopwatch.StartNew();
        var noHeaders = await GetAsync("/no-headers");
        Assert.Equal(FetchStatus.LimitExceeded, noHeaders.Status);
        Assert.Contains("stalled", noHeaders.Error);

        var stalled = await GetAsync("/stalled");
        Assert.Equal(FetchStatus.LimitExceeded, stalled.Status);
        Assert.Contains("stalled", stalled.Error);
        Assert.Contains("after 100 bytes", stalled.Error);

        var slow = await GetAsync("/slow");
        Assert.Equal(FetchStatus.LimitExceeded, slow.Status);
        Assert.Contains("5-second limit", slow.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Compressed_responses_are_decoded(string encoding)
    {
        var body = Compress(Encoding.UTF8.GetBytes(Feed), encoding);
        server.Map("/c", (_, stream, ct) => LoopbackServer.WriteAsync(stream, 200, body, [("Content-Encoding", encoding)], ct));
        var result = await GetAsync("/c");
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(Feed, Encoding.UTF8.GetString(result.Body!));
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_decompressed_cap()
    {
        // 64 MiB of zeros in about 64 KiB: far under the wire cap, far over what it may inflate to.
        var bomb = Compress(new byte[64 * 1024 * 1024], "gzip");
        Assert.True(bomb.Length < 1024 * 1024);
        server.Map("/bomb", (_, stream, ct) => LoopbackServer.WriteAsync(stream, 200, bomb, [("Content-Encoding", "gzip")], ct));
        var clock = Stopwatch.StartNew();
        var result = await GetAsync("/bomb");
        Assert.Equal(FetchStatus.LimitExceeded, result.Status);
        Assert.Contains("inflates past the 1,048,576-byte limit", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Corrupt_and_unknown_encodings_say_so()
    {
        server.Map("/corrupt", 200, "this is not gzip at all", ("Content-Encoding", "gzip"));
        server.Map("/zstd", 200, "whatever", ("Content-Encoding", "zstd"));
        Assert.Contains("corrupt", (await GetAsync("/corrupt")).Error);
        Assert.Contains("\"zstd\"", (await GetAsync("/zstd")).Error);
    }

    [Fact]
    public async Task Robots_txt_is_honoured_for_pages_and_cached_per_host()
    {
        server.Map("/robots.txt", 200, "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n");
        server.Map("/private/page.html", 200, "<html></html>");
        server.Map("/public/page.html", 200, "<html></html>");

        var refused = await GetAsync("/private/page.html", purpose: FetchPurpose.Page);
        Assert.Equal(FetchStatus.Refused, refused.Status);
        Assert.Contains("robots.txt disallows /private/page.html", refused.Error);
        Assert.Equal(FetchStatus.Ok, (await GetAsync("/public/page.html", purpose: FetchPurpose.Page)).Status);

        // Feeds the user subscribed to are not subject to robots.txt; robots.txt itself was fetched once.
        Assert.Equal(FetchStatus.Ok, (await GetAsync("/private/page.html")).Status);
        Assert.Single(server.Requests, r => r.Path == "/robots.txt");

        // The refused page was never requested: the one request for it is the feed fetch.
        Assert.Single(server.Requests, r => r.Path == "/private/page.html");
    }

    [Fact]
    public async Task A_failing_robots_txt_disallows_pages_for_now_and_a_missing_one_allows_them()
    {
        server.Map("/robots.txt", 500, "down");
        server.Map("/page.html", 200, "<html></html>");
        var refused = await GetAsync("/page.html", purpose: FetchPurpose.Page);
        Assert.Equal(FetchStatus.Refused, refused.Status);
        Assert.Contains("robots.txt could not be read", refused.Error);

        await using var other = new LoopbackServer();
        other.Map("/page.html", 200, "<html></html>");
        var allowed = await fetcher.FetchAsync(new FetchRequest(other.Url("/page.html"), Purpose: FetchPurpose.Page), CancellationToken.None);
        Assert.Equal(FetchStatus.Ok, allowed.Status);
    }

    [Fact]
    public async Task A_connection_closed_mid_body_is_a_network_error()
    {
        server.Map("/cut", async (_, stream, ct) =>
        {
            await LoopbackServer.WriteHeadAsync(stream, 200, [("Content-Length", "1000")], ct);
            await stream.WriteAsync(new byte[100], ct);
        });
        var result = await GetAsync("/cut");
        Assert.Equal(FetchStatus.NetworkError, result.Status);
        Assert.Contains("closed the connection before the response was complete", result.Error);
    }

    [Fact]
    public async Task A_closed_port_is_a_network_error()
    {
        var port = server.Port;
        await server.DisposeAsync();
        var result = await fetcher.FetchAsync(new FetchRequest(new Uri($"http://127.0.0.1:{port}/x")), CancellationToken.None);
        Assert.Equal(FetchStatus.NetworkError, result.Status);
        Assert.Contains("refused the connection", result.Error);
    }

    [Fact]
    public async Task The_per_host_limit_holds_under_load()
    {
        var inFlight = 0;
        var peak = 0;
        server.Map("/slowish", async (_, stream, ct) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await Task.Delay(150, ct);
            Interlocked.Decrement(ref inFlight);
            await LoopbackServer.WriteAsync(stream, 200, "ok"u8.ToArray(), [], ct);
        });
        // Generous time limits: this test is about concurrency, and the machine may be busy.
        using var polite = new HttpFetcher(TestOptions with { MaxPerHost = 2, MaxConcurrent = 8, StallTimeout = TimeSpan.FromSeconds(20), TotalTimeout = TimeSpan.FromSeconds(30) });
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => polite.FetchAsync(new FetchRequest(server.Url("/slowish")), CancellationToken.None)));
        Assert.All(results, r => Assert.True(r.Status == FetchStatus.Ok, r.Error));
        Assert.True(peak <= 2, $"peak {peak}");
    }

    [Fact]
    public async Task The_global_limit_holds_across_hosts()
    {
        var inFlight = 0;
        var peak = 0;
        server.Map("/slowish", async (_, stream, ct) =>
        {
            InterlockedMax(ref peak, Interlocked.Increment(ref inFlight));
            await Task.Delay(100, ct);
            Interlocked.Decrement(ref inFlight);
            await LoopbackServer.WriteAsync(stream, 200, "ok"u8.ToArray(), [], ct);
        });

        // 127.0.0.1 and localhost are two hosts to the limiter, one server to the test.
        using var single = new HttpFetcher(TestOptions with { MaxPerHost = 4, MaxConcurrent = 1, StallTimeout = TimeSpan.FromSeconds(20), TotalTimeout = TimeSpan.FromSeconds(30) });
        var urls = Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? server.Url("/slowish") : new Uri($"http://localhost:{server.Port}/slowish"));
        var results = await Task.WhenAll(urls.Select(u => single.FetchAsync(new FetchRequest(u), CancellationToken.None)));
        Assert.All(results, r => Assert.True(r.Status == FetchStatus.Ok, r.Error));
        Assert.Equal(1, peak);
    }

    [Fact]
    public async Task Retry_after_as_a_date_becomes_a_wait()
    {
        var when = DateTimeOffset.UtcNow.AddHours(2).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        server.Map("/503", 503, "maintenance", ("Retry-After", when));
        var result = await GetAsync("/503");
        Assert.Equal(503, result.StatusCode);
        Assert.InRange(result.RetryAfter!.Value, TimeSpan.FromMinutes(115), TimeSpan.FromMinutes(121));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    internal static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
