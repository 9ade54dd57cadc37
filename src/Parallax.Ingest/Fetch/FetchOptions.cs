namespace Parallax.Ingest.Fetch;

/// <summary>
/// The limits and manners of every fetch. The defaults suit a news reader polling thousands of feeds: a feed or an
/// article page is well under a few megabytes and answers in seconds. A plain record, checked by <see cref="Problems"/>.
/// </summary>
public sealed record FetchOptions
{
    public static FetchOptions Default { get; } = new();

    /// <summary>Who is asking, with a way to find out more, as polite crawlers say.</summary>
    public string UserAgent { get; init; } = "Parallax/0.1 (self-hosted news reader; +https://github.com/parallax-news/parallax)";

    /// <summary>The most bytes read from the wire for one response, and the most a compressed body may inflate to.</summary>
    public long MaxBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>The whole fetch, redirects, headers and body included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait for the next bytes of a body (or for the headers) before the fetch is called stalled.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Redirects followed before giving up; each hop's address is checked again.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Loopback addresses (127.0.0.0/8, ::1) are refused unless this is set, as tests with a local server do.</summary>
    public bool AllowLoopback { get; init; }

    /// <summary>Private, link-local, CGNAT and other non-public addresses are refused unless this is set (a feed on the LAN).</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>Fetches to one host at the same time.</summary>
    public int MaxPerHost { get; init; } = 2;

    /// <summary>Fetches in flight at the same time, all hosts together.</summary>
    public int MaxConcurrent { get; init; } = 16;

    /// <summary>How long a host's robots.txt is trusted before it is fetched again.</summary>
    public TimeSpan RobotsCacheTime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>robots.txt past this many bytes is read up to here (as RFC 9309 allows: at least 500 KiB).</summary>
    public int MaxRobotsBytes { get; init; } = 512 * 1024;

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            yield return "Fetch.UserAgent must name the fetcher.";
        }

        foreach (var (name, value) in new (string, long)[] { (nameof(MaxBytes), MaxBytes), (nameof(MaxPerHost), MaxPerHost), (nameof(MaxConcurrent), MaxConcurrent), (nameof(MaxRobotsBytes), MaxRobotsBytes) })
        {
            if (value <= 0)
            {
                yield return $"Fetch.{name} must be positive, not {value}.";
            }
        }

        if (MaxRedirects < 0)
        {
            yield return $"Fetch.MaxRedirects must not be negative, not {MaxRedirects}.";
        }

        foreach (var (name, value) in new[] { (nameof(TotalTimeout), TotalTimeout), (nameof(StallTimeout), StallTimeout), (nameof(ConnectTimeout), ConnectTimeout) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"Fetch.{name} must be positive, not {value}.";
            }
        }
    }

    public FetchOptions Validate()
    {
        var problems = string.Join(" ", Problems());
        return problems.Length == 0 ? this : throw new ArgumentOutOfRangeException(nameof(FetchOptions), problems);
    }
}
