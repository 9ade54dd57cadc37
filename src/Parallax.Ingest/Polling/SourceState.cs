namespace Parallax.Ingest.Polling;

/// <summary>
/// What polling knows about one source between checks: when to check next, the validators for a conditional GET,
/// the error streak for backoff, and the last error for the source's page. Plain data; the store persists it.
/// </summary>
public sealed record SourceState(
    string SourceId,
    Uri FeedUrl,
    DateTimeOffset NextCheck,
    string? ETag = null,
    string? LastModified = null,
    int ConsecutiveErrors = 0,
    string? LastError = null,
    DateTimeOffset? LastErrorAt = null,
    DateTimeOffset? LastSuccess = null,
    TimeSpan? RefreshHint = null);

/// <summary>The polling cadence. Defaults: every 30 minutes, never more often than every 5, backing off to a day.</summary>
public sealed record ScheduleOptions
{
    public static ScheduleOptions Default { get; } = new();

    /// <summary>How often a feed that says nothing about itself is checked.</summary>
    public TimeSpan DefaultInterval { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>No feed is checked more often, whatever its max-age says (max-age=0 is common and means nothing for polling).</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>No healthy feed waits longer than this, whatever its TTL says.</summary>
    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The wait after the first error; it doubles with each error in a row.</summary>
    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait after errors (and the longest Retry-After honoured).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Random spread, as a fraction of the wait, so that sources added together do not poll together for ever.</summary>
    public double Jitter { get; init; } = 0.1;

    public IEnumerable<string> Problems()
    {
        if (MinInterval <= TimeSpan.Zero || DefaultInterval < MinInterval || MaxInterval < DefaultInterval)
        {
            yield return "Schedule intervals must be positive, with MinInterval <= DefaultInterval <= MaxInterval.";
        }

        if (BackoffBase <= TimeSpan.Zero || MaxBackoff < BackoffBase)
        {
            yield return "Schedule.BackoffBase must be positive and no longer than MaxBackoff.";
        }

        if (Jitter is < 0 or > 0.5)
        {
            yield return $"Schedule.Jitter must be between 0 and 0.5, not {Jitter}.";
        }
    }
}
