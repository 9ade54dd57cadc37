using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Parallax.Ingest.Fetch;

/// <summary>
/// Fetches feeds and pages over HTTP(S) with every limit a server that polls the open web needs: conditional GET,
/// bounded redirects with each hop checked, the SSRF guard on the resolved address of every connection (in
/// <see cref="SocketsHttpHandler.ConnectCallback"/>, so DNS rebinding cannot slip past a check made earlier), size
/// and time limits on a streamed body, compressed bodies decoded under a cap, robots.txt for pages, an identifying
/// User-Agent, and per-host and global concurrency limits. Never throws for what a server does; only for cancellation.
/// One instance per process: it owns a connection pool.
/// </summary>
public sealed class HttpFetcher : IDisposable
{
    private readonly FetchOptions options;
    private readonly AddressGuard guard;
    private readonly HttpClient client;
    private readonly HostLimiter limiter;
    private readonly RobotsCache robots;

    public HttpFetcher(FetchOptions? options = null, TimeProvider? time = null)
    {
        this.options = (options ?? FetchOptions.Default).Validate();
        guard = new AddressGuard(this.options);
        limiter = new HostLimiter(this.options.MaxPerHost, this.options.MaxConcurrent);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = this.options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = this.options.MaxPerHost,
            MaxResponseHeadersLength = 64,
            ConnectCallback = ConnectAsync,
        };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        robots = new RobotsCache(this, this.options, time ?? TimeProvider.System);
    }

    public FetchOptions Options => options;

    public void Dispose() => client.Dispose();

    /// <summary>Fetches a feed, or (for <see cref="FetchPurpose.Page"/>) a page robots.txt allows.</summary>
    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Purpose == FetchPurpose.Page && await robots.RefusalAsync(request.Url, cancellationToken) is { } refusal)
        {
            return FetchResult.Fail(request.Url, FetchStatus.Refused, refusal);
        }

        await using var lease = await limiter.EnterAsync(request.Url.IdnHost, cancellationToken);
        return await FetchUnlimitedAsync(request, options.MaxBytes, cancellationToken);
    }

    /// <summary>The fetch itself, inside the concurrency limits (robots.txt fetches come here directly).</summary>
    internal async Task<FetchResult> FetchUnlimitedAsync(FetchRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        total.CancelAfter(options.TotalTimeout);
        var url = request.Url;
        var permanent = true;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (CheckAddress(url) is { } refused)
                {
                    return FetchResult.Fail(request.Url, FetchStatus.Refused, hop == 0 ? refused : $"redirected to {url}: {refused}", finalUrl: url);
                }

                using var message = Request(url, request);
                using var response = await SendAsync(message, total.Token);
                var code = (int)response.StatusCode;
                if (code is 301 or 302 or 303 or 307 or 308)
                {
                    if (response.Headers.Location is not { } location)
                    {
                        return FetchResult.Fail(request.Url, FetchStatus.HttpError, $"{code} redirect without a Location header", code, url);
                    }

                    if (hop >= options.MaxRedirects)
                    {
                        return FetchResult.Fail(request.Url, FetchStatus.Refused, $"more than {options.MaxRedirects} redirects; stopped at {url}", code, url);
                    }

                    url = location.IsAbsoluteUri ? location : new Uri(url, location);
                    permanent &= code is 301 or 308;
                    continue;
                }

                var result = await ResponseAsync(request.Url, url, response, maxBytes, total.Token);
                return hop > 0 && permanent ? result with { MovedTo = url } : result;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FetchResult.Fail(request.Url, FetchStatus.LimitExceeded, $"the fetch took longer than the {options.TotalTimeout.TotalSeconds:0.#}-second limit", finalUrl: url);
        }
        catch (StalledException e)
        {
            return FetchResult.Fail(request.Url, FetchStatus.LimitExceeded, e.Message, finalUrl: url);
        }
        catch (HttpRequestException e) when (Find<AddressRefusedException>(e) is { } refused)
        {
            var where = url == request.Url ? "" : $"redirected to {url}: ";
            return FetchResult.Fail(request.Url, FetchStatus.Refused, where + refused.Message, finalUrl: url);
        }
        catch (HttpRequestException e)
        {
            return FetchResult.Fail(request.Url, FetchStatus.NetworkError, NetworkReason(e, url), finalUrl: url);
        }
        catch (IOException e)
        {
            // The connection broke while the body was read (reset, or closed before Content-Length was reached).
            var reason = e is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded }
                ? $"{url.IdnHost} closed the connection before the response was complete"
                : $"{url.IdnHost}: the connection broke while the response was read ({e.Message.TrimEnd('.')})";
            return FetchResult.Fail(request.Url, FetchStatus.NetworkError, reason, finalUrl: url);
        }
    }

    private string? CheckAddress(Uri url)
    {
        if (url.Scheme is not ("http" or "https"))
        {
            return $"\"{url.Scheme}:\" addresses are not fetched (only http and https)";
        }

        // A literal address is judged before anything is sent; a name is judged on what it resolves to, at connect time.
        return IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) ? guard.Refusal(literal) : null;
    }

    private HttpRequestMessage Request(Uri url, FetchRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        message.Headers.TryAddWithoutValidation("Accept", request.Purpose == FetchPurpose.Feed
            ? "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
            : "text/html, application/xhtml+xml;q=0.9, */*;q=0.5");
        if (request.ETag is { Length: > 0 } etag)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (request.LastModified is { Length: > 0 } lastModified)
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        return message;
    }

    /// <summary>Sends and waits for the headers, no longer than the stall limit.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(options.StallTimeout);
        try
        {
            return await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, stall.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StalledException($"no response from {message.RequestUri!.IdnHost} within {options.StallTimeout.TotalSeconds:0.#} s (stalled)");
        }
    }

    private async Task<FetchResult> ResponseAsync(Uri requested, Uri url, HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        var etag = response.Headers.ETag?.ToString() ?? Header(response, "ETag");
        var lastModified = Header(response.Content.Headers, "Last-Modified");
        var maxAge = response.Headers.CacheControl is { } cache ? cache.SharedMaxAge ?? cache.MaxAge : null;
        var retryAfter = RetryAfter(response.Headers.RetryAfter);
        if (code == 304)
        {
            return new FetchResult(requested, FetchStatus.NotModified, code, url, ETag: etag, LastModified: lastModified, MaxAge: maxAge);
        }

        if (code is < 200 or > 299)
        {
            var wait = retryAfter is { } after ? $"; retry after {after.TotalSeconds:N0} s" : "";
            return FetchResult.Fail(requested, FetchStatus.HttpError, $"the server answered {FetchResult.Describe(response.StatusCode)}{wait}", code, url, retryAfter);
        }

        if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
        {
            return FetchResult.Fail(requested, FetchStatus.LimitExceeded, $"the response announces {length:N0} bytes, over the {maxBytes:N0}-byte limit; not read", code, url);
        }

        var encoding = response.Content.Headers.ContentEncoding.LastOrDefault();
        await using var wire = await response.Content.ReadAsStreamAsync(cancellationToken);
        var body = await BodyReader.ReadAsync(wire, encoding, maxBytes, options.StallTimeout, cancellationToken);
        if (body.Bytes is null)
        {
            return FetchResult.Fail(requested, FetchStatus.LimitExceeded, body.Error!, code, url);
        }

        var type = response.Content.Headers.ContentType;
        return new FetchResult(requested, FetchStatus.Ok, code, url, body.Bytes, type?.MediaType, type?.CharSet?.Trim('"'), etag, lastModified, maxAge, retryAfter);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string? Header(HttpContentHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? value) => value switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>
    /// Resolves the host and connects only to an address the guard allows. This runs for every new connection,
    /// redirects included, with the address actually dialled: a DNS answer that changes between a check and the
    /// connection (rebinding) cannot reach a private address.
    /// </summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        string? firstRefusal = null;
        var allowed = new List<IPAddress>();
        foreach (var address in addresses)
        {
            if (guard.Refusal(address) is { } refusal)
            {
                firstRefusal ??= refusal;
            }
            else
            {
                allowed.Add(address);
            }
        }

        if (allowed.Count == 0)
        {
            throw new AddressRefusedException(firstRefusal is null ? $"{host} resolves to no address" : $"{host} resolves to {firstRefusal}");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync([.. allowed], context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class StalledException(string message) : Exception(message);

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string NetworkReason(HttpRequestException e, Uri url)
    {
        if (Find<SocketException>(e) is { } socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.HostNotFound or SocketError.NoData => $"{url.IdnHost}: no such host (DNS)",
                SocketError.ConnectionRefused => $"{url.IdnHost}:{url.Port} refused the connection",
                SocketError.TimedOut => $"{url.IdnHost}:{url.Port} did not answer the connection",
                _ => $"{url.IdnHost}: network error ({socket.SocketErrorCode})",
            };
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.ResponseEnded => $"{url.IdnHost} closed the connection before the response was complete",
            HttpRequestError.InvalidResponse => $"{url.IdnHost} sent a response that is not valid HTTP",
            HttpRequestError.SecureConnectionError => $"{url.IdnHost}: the TLS connection failed",
            _ => $"{url.IdnHost}: {e.Message.TrimEnd('.')}",
        };
    }
}
