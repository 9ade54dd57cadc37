using System.Collections.Concurrent;
using System.Text;

namespace Parallax.Ingest.Fetch;

/// <summary>
/// robots.txt per host (scheme, host and port), fetched once and kept for <see cref="FetchOptions.RobotsCacheTime"/>.
/// As RFC 9309 says: 4xx means no rules (everything allowed); 5xx or an unreachable server means "disallow
/// everything" for now, and is asked again after a shorter while; redirects are followed like any fetch.
/// </summary>
internal sealed class RobotsCache(HttpFetcher fetcher, FetchOptions options, TimeProvider time)
{
    private sealed record Entry(RobotsRules Rules, DateTimeOffset Expires, string? Why);

    private static readonly TimeSpan RetryUnreachable = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why robots.txt forbids the page, or null when it may be fetched.</summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        var key = url.GetLeftPart(UriPartial.Authority);
        var entry = await GetAsync(key, cancellationToken);
        if (entry.Expires <= time.GetUtcNow())
        {
            cache.TryRemove(key, out _);
            entry = await GetAsync(key, cancellationToken);
        }

        if (entry.Rules.Allows(url.PathAndQuery))
        {
            return null;
        }

        return entry.Why ?? $"{key}/robots.txt disallows {url.PathAndQuery} for Parallax; not fetched";
    }

    /// <summary>
    /// One fetch of a host's robots.txt however many pages wait on it. The shared fetch is not tied to the first
    /// caller's token (its own time limit bounds it), so one caller giving up does not fail the others; each waits
    /// with its own token.
    /// </summary>
    private Task<Entry> GetAsync(string key, CancellationToken cancellationToken) =>
        cache.GetOrAdd(key, k => new Lazy<Task<Entry>>(() => LoadAsync(k, CancellationToken.None))).Value.WaitAsync(cancellationToken);

    private async Task<Entry> LoadAsync(string authority, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = await fetcher.FetchUnlimitedAsync(new FetchRequest(new Uri(authority + "/robots.txt")), options.MaxRobotsBytes, cancellationToken);
        if (result.Status == FetchStatus.Ok)
        {
            return new Entry(RobotsRules.Parse(Encoding.UTF8.GetString(result.Body!), ProductToken(options.UserAgent)), now + options.RobotsCacheTime, null);
        }

        if (result.StatusCode is >= 400 and < 500)
        {
            return new Entry(RobotsRules.AllowAll, now + options.RobotsCacheTime, null);
        }

        if (result.Status == FetchStatus.LimitExceeded && result.StatusCode is >= 200 and < 300)
        {
            // An oversized robots.txt: RFC 9309 reads the first 500 KiB; a bigger one is a mistake, and allows nothing to be assumed.
            return new Entry(RobotsRules.AllowAll, now + options.RobotsCacheTime, null);
        }

        return new Entry(RobotsRules.DisallowAll, now + RetryUnreachable,
            $"{authority}/robots.txt could not be read ({result.Error}), so no page of the host is fetched for now");
    }

    /// <summary>"Parallax/0.1 (...)" → "parallax", the token robots.txt groups name.</summary>
    internal static string ProductToken(string userAgent)
    {
        var end = userAgent.IndexOfAny(['/', ' ']);
        return (end < 0 ? userAgent : userAgent[..end]).ToLowerInvariant();
    }
}
