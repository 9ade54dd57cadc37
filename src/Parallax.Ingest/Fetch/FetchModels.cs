using System.Net;

namespace Parallax.Ingest.Fetch;

/// <summary>What a fetch is for: robots.txt is honoured for pages (articles a reader did not ask for by name), not for feeds a user subscribed to.</summary>
public enum FetchPurpose
{
    Feed,
    Page,
}

/// <summary>One fetch, with what the last one said for a conditional GET.</summary>
public sealed record FetchRequest(Uri Url, string? ETag = null, string? LastModified = null, FetchPurpose Purpose = FetchPurpose.Feed);

/// <summary>How a fetch ended.</summary>
public enum FetchStatus
{
    /// <summary>A 2xx response with its body.</summary>
    Ok,

    /// <summary>304: what was fetched last time still holds.</summary>
    NotModified,

    /// <summary>The server answered with an error status (4xx, 5xx) or one Parallax does not follow.</summary>
    HttpError,

    /// <summary>Parallax refused to fetch: the SSRF guard, robots.txt, a scheme other than http(s), too many redirects.</summary>
    Refused,

    /// <summary>The response passed a limit: too large, too slow, stalled, a compression bomb.</summary>
    LimitExceeded,

    /// <summary>DNS, connection or protocol failure.</summary>
    NetworkError,
}

/// <summary>
/// The outcome of a fetch: a status, and what the server said that scheduling needs (validators for the next
/// conditional GET, Cache-Control max-age, Retry-After). <see cref="Error"/> is a sentence for the source's page.
/// </summary>
public sealed record FetchResult(
    Uri Url,
    FetchStatus Status,
    int? StatusCode = null,
    Uri? FinalUrl = null,
    byte[]? Body = null,
    string? MediaType = null,
    string? Charset = null,
    string? ETag = null,
    string? LastModified = null,
    TimeSpan? MaxAge = null,
    TimeSpan? RetryAfter = null,
    string? Error = null)
{
    /// <summary>Where the resource now lives when every redirect on the way was permanent (301, 308); null otherwise.</summary>
    public Uri? MovedTo { get; init; }

    public bool IsSuccess => Status is FetchStatus.Ok or FetchStatus.NotModified;

    internal static FetchResult Fail(Uri url, FetchStatus status, string error, int? statusCode = null, Uri? finalUrl = null, TimeSpan? retryAfter = null) =>
        new(url, status, statusCode, finalUrl, RetryAfter: retryAfter, Error: error);

    internal static string Describe(HttpStatusCode code) => $"{(int)code} {ReasonPhrase(code)}";

    private static string ReasonPhrase(HttpStatusCode code) => code switch
    {
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.Gone => "Gone",
        HttpStatusCode.Forbidden => "Forbidden",
        _ => code.ToString(),
    };
}

/// <summary>The guard refused the address a connection was about to use; carried out of the connect callback to the fetch.</summary>
internal sealed class AddressRefusedException(string reason) : Exception(reason);
