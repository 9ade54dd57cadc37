using Parallax.Ingest.Fetch;
using Parallax.Ingest.Polling;

namespace Parallax.Ingest.Tests.Polling;

public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 12, 12, 0, 0, TimeSpan.Zero);
    private static readonly ScheduleOptions Options = new() { Jitter = 0 };

    private static SourceState Source(int errors = 0) =>
        new("s1", new Uri("https://news.example/feed.xml"), Now, ETag: "\"old\"", LastModified: "old-date", ConsecutiveErrors: errors, LastError: errors > 0 ? "earlier" : null);

    [Fact]
    public void Success_resets_the_error_streak_keeps_validators_and_waits_the_default_interval()
    {
        var next = PollSchedule.Next(Source(errors: 3), new PollOutcome(FetchStatus.Ok, 200, "\"new\"", "new-date"), Now, 0.5, Options);
        Assert.Equal(0, next.ConsecutiveErrors);
        Assert.Equal("\"new\"", next.ETag);
        Assert.Equal("new-date", next.LastModified);
        Assert.Equal(Now, next.LastSuccess);
        Assert.Equal(Now + Options.DefaultInterval, next.NextCheck);

        // The last error stays for the source's page, with its time; it is no longer current (errors = 0).
        Assert.Equal("earlier", next.LastError);
    }

    [Fact]
    public void A_304_without_validators_keeps_the_old_ones_and_a_200_without_them_drops_them()
    {
        var notModified = PollSchedule.Next(Source(), new PollOutcome(FetchStatus.NotModified, 304), Now, 0.5, Options);
        Assert.Equal("\"old\"", notModified.ETag);
        Assert.Equal("old-date", notModified.LastModified);
        var ok = PollSchedule.Next(Source(), new PollOutcome(FetchStatus.Ok, 200), Now, 0.5, Options);
        Assert.Null(ok.ETag);
    }

    [Fact]
    public void Max_age_and_ttl_set_the_interval_within_the_bounds()
    {
        Assert.Equal(Now + TimeSpan.FromHours(2), PollSchedule.Next(Source(), new PollOutcome(FetchStatus.Ok, MaxAge: TimeSpan.FromHours(2)), Now, 0.5, Options).NextCheck);
        Assert.Equal(Now + TimeSpan.FromMinutes(30), PollSchedule.Next(Source(), new PollOutcome(FetchStatus.Ok, MaxAge: TimeSpan.Zero), Now, 0.5, Options).NextCheck);
        Assert.Equal(Now + TimeSpan.FromMinutes(10), PollSchedule.Next(Source(), new PollOutcome(FetchStatus.Ok, RefreshHint: TimeSpan.FromMinutes(10)), Now, 0.5, Options).NextCheck);
        Assert.Equal(Now + Options.MinInterval, PollSchedule.Next(Source(), new PollOutcome(FetchStatus.Ok, RefreshHint: TimeSpan.FromMinutes(1)), Now, 0.5, Options).NextCheck);
        Assert.Equal(Now + Options.MaxInterval, PollSchedule.Next(Source(), new PollOutcome(FetchStatus.Ok, RefreshHint: TimeSpan.FromDays(365)), Now, 0.5, Options).NextCheck);
        Assert.Equal(Now + TimeSpan.FromHours(3), PollSchedule.Next(Source(), new PollOutcome(FetchStatus.Ok, MaxAge: TimeSpan.FromHours(3), RefreshHint: TimeSpan.FromHours(1)), Now, 0.5, Options).NextCheck);
    }

    [Fact]
    public void The_ttl_a_feed_gave_is_remembered_on_a_304()
    {
        var first = PollSchedule.Next(Source(), new PollOutcome(FetchStatus.Ok, RefreshHint: TimeSpan.FromHours(6)), Now, 0.5, Options);
        var second = PollSchedule.Next(first, new PollOutcome(FetchStatus.NotModified), Now, 0.5, Options);
        Assert.Equal(Now + TimeSpan.FromHours(6), second.NextCheck);
    }

    [Fact]
    public void Errors_back_off_exponentially_up_to_the_cap_and_keep_the_error()
    {
        var state = Source();
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 12; i++)
        {
            // random = 1: the full backoff, so the doubling shows.
            state = PollSchedule.Next(state, new PollOutcome(FetchStatus.HttpError, 500, Error: "the server answered 500"), Now, 1.0, Options);
            waits.Add(state.NextCheck - Now);
        }

        Assert.Equal(TimeSpan.FromMinutes(5), waits[0]);
        Assert.Equal(TimeSpan.FromMinutes(10), waits[1]);
        Assert.Equal(TimeSpan.FromMinutes(20), waits[2]);
        Assert.Equal(Options.MaxBackoff, waits[^1]);
        Assert.Equal(12, state.ConsecutiveErrors);
        Assert.Equal("the server answered 500", state.LastError);
        Assert.Equal(Now, state.LastErrorAt);
        Assert.Equal("\"old\"", state.ETag);
    }

    [Fact]
    public void Jitter_spreads_the_backoff_but_never_below_half()
    {
        var low = PollSchedule.Next(Source(2), new PollOutcome(FetchStatus.NetworkError, Error: "x"), Now, 0.0, Options).NextCheck - Now;
        var high = PollSchedule.Next(Source(2), new PollOutcome(FetchStatus.NetworkError, Error: "x"), Now, 0.999, Options).NextCheck - Now;
        Assert.Equal(TimeSpan.FromMinutes(10), low);
        Assert.True(high > TimeSpan.FromMinutes(19) && high <= TimeSpan.FromMinutes(20), high.ToString());
    }

    [Fact]
    public void Retry_after_is_never_undercut_and_is_capped()
    {
        var wait = PollSchedule.Next(Source(), new PollOutcome(FetchStatus.HttpError, 429, RetryAfter: TimeSpan.FromHours(3), Error: "429"), Now, 0, Options).NextCheck - Now;
        Assert.Equal(TimeSpan.FromHours(3), wait);
        var capped = PollSchedule.Next(Source(), new PollOutcome(FetchStatus.HttpError, 503, RetryAfter: TimeSpan.FromDays(90), Error: "503"), Now, 0, Options).NextCheck - Now;
        Assert.Equal(Options.MaxBackoff, capped);
    }

    [Fact]
    public void A_body_that_is_not_a_feed_is_an_error_and_does_not_store_its_validators()
    {
        var fetch = new FetchResult(new Uri("https://news.example/feed.xml"), FetchStatus.Ok, 200, Body: [1], ETag: "\"broken\"");
        var outcome = PollOutcome.From(fetch, Parallax.Ingest.Feeds.FeedParseResult.Fail("not well-formed XML"));
        Assert.False(outcome.IsSuccess);
        var next = PollSchedule.Next(Source(), outcome, Now, 0.5, Options);
        Assert.Equal(1, next.ConsecutiveErrors);
        Assert.Equal("the feed cannot be read: not well-formed XML", next.LastError);
        Assert.Equal("\"old\"", next.ETag);
    }

    [Fact]
    public void A_feed_that_moved_for_good_is_followed_and_a_failure_does_not_move_it()
    {
        var moved = new Uri("https://news.example/new-feed.xml");
        Assert.Equal(moved, PollSchedule.Next(Source(), new PollOutcome(FetchStatus.Ok, 200, MovedTo: moved), Now, 0.5, Options).FeedUrl);
        Assert.Equal(Source().FeedUrl, PollSchedule.Next(Source(), new PollOutcome(FetchStatus.HttpError, 404, Error: "gone", MovedTo: moved), Now, 0.5, Options).FeedUrl);
    }

    [Fact]
    public void Success_jitter_stays_within_its_fraction()
    {
        var options = new ScheduleOptions { Jitter = 0.1 };
        var early = PollSchedule.Next(Source(), new PollOutcome(FetchStatus.Ok), Now, 0, options).NextCheck - Now;
        var late = PollSchedule.Next(Source(), new PollOutcome(FetchStatus.Ok), Now, 1, options).NextCheck - Now;
        Assert.Equal(TimeSpan.FromMinutes(27), early);
        Assert.Equal(TimeSpan.FromMinutes(33), late);
    }
}
