using Parallax.Ingest.Feeds;
using Parallax.Ingest.Fetch;

namespace Parallax.Ingest.Polling;

/// <summary>What one check of a source came to, as the schedule needs it: the fetch's status and headers, and whether the feed could be read.</summary>
public sealed record PollOutcome(
    FetchStatus Status,
    int? StatusCode = null,
    string? ETag = null,
    string? LastModified = null,
    TimeSpan? MaxAge = null,
    TimeSpan? RetryAfter = null,
    TimeSpan? RefreshHint = null,
    string? Error = null,
    Uri? MovedTo = null)
{
    public bool IsSuccess => Error is null && Status is FetchStatus.Ok or FetchStatus.NotModified;

    /// <summary>The outcome of a fetch and, when it returned a body, of reading it as a feed.</summary>
    public static PollOutcome From(FetchResult fetch, FeedParseResult? parsed)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        var error = fetch.Error ?? (fetch.Status == FetchStatus.Ok && parsed?.Error is { } reason ? $"the feed cannot be read: {reason}" : null);
        return new PollOutcome(fetch.Status, fetch.StatusCode, fetch.ETag, fetch.LastModified, fetch.MaxAge, fetch.RetryAfter,
            parsed?.Feed?.RefreshHint, error, fetch.MovedTo);
    }
}

/// <summary>
/// The polling decisions, pure: a source's state and what its check came to give its next state. No clock and no
/// randomness of its own (the caller passes <c>now</c> and a number in [0, 1)), so every rule is a unit test.
/// <list type="bullet">
/// <item>Success (200 or 304): the error streak ends; validators are kept for the next conditional GET (a 304 that
/// omits them keeps the old ones); the next check is after the longer of the feed's TTL / sy:updatePeriod and the
/// response's Cache-Control max-age (the TTL standing in for the default interval when the feed gives one), within
/// [MinInterval, MaxInterval].</item>
/// <item>Error (network, limits, 4xx/5xx, or a body that is not a feed): exponential backoff, BackoffBase × 2^(n-1) up
/// to MaxBackoff, with jitter; never sooner than Retry-After; the error is kept for display. Validators are not
/// updated from a response whose feed could not be read, so a broken feed is fetched in full again.</item>
/// </list>
/// </summary>
public static class PollSchedule
{
    public static SourceState Next(SourceState state, PollOutcome outcome, DateTimeOffset now, double random, ScheduleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(outcome);
        options ??= ScheduleOptions.Default;
        random = Math.Clamp(random, 0, 1);
        if (outcome.IsSuccess)
        {
            var hint = outcome.RefreshHint ?? state.RefreshHint;
            // The feed's own word (TTL, sy:updatePeriod) replaces the default; max-age is a floor on either.
            var interval = Clamp(Max(hint ?? options.DefaultInterval, outcome.MaxAge), options.MinInterval, options.MaxInterval);

            return state with
            {
                // A feed that moved for good (301, 308) is asked for at its new address from now on.
                FeedUrl = outcome.MovedTo ?? state.FeedUrl,
                NextCheck = now + Spread(interval, random, options.Jitter),
                ETag = outcome.ETag ?? (outcome.Status == FetchStatus.NotModified ? state.ETag : null),
                LastModified = outcome.LastModified ?? (outcome.Status == FetchStatus.NotModified ? state.LastModified : null),
                ConsecutiveErrors = 0,
                LastSuccess = now,
                RefreshHint = hint,
            };
        }

        var errors = state.ConsecutiveErrors + 1;
        var backoff = Backoff(errors, options);

        // Equal jitter: half the wait is fixed, half random, so retries spread out but never come early.
        var wait = backoff / 2 + backoff / 2 * random;
        if (outcome.RetryAfter is { } retryAfter)
        {
            wait = Max(wait, Clamp(retryAfter, TimeSpan.Zero, options.MaxBackoff));
        }

        return state with
        {
            NextCheck = now + wait,
            ConsecutiveErrors = errors,
            LastError = outcome.Error ?? $"the check failed ({outcome.Status})",
            LastErrorAt = now,
        };
    }

    /// <summary>The full backoff before jitter after <paramref name="errors"/> errors in a row.</summary>
    public static TimeSpan Backoff(int errors, ScheduleOptions options)
    {
        var doublings = Math.Min(Math.Max(errors - 1, 0), 30);
        var ticks = Math.Min(options.BackoffBase.Ticks * Math.Pow(2, doublings), options.MaxBackoff.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    private static TimeSpan Spread(TimeSpan interval, double random, double jitter) => interval * (1 + jitter * (2 * random - 1));

    private static TimeSpan Max(TimeSpan a, params TimeSpan?[] others)
    {
        foreach (var other in others)
        {
            if (other is { } value && value > a)
            {
                a = value;
            }
        }

        return a;
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
