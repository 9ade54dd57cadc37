using Parallax.Ingest.Feeds;

namespace Parallax.Ingest.Tests.Feeds;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Wed, 12 Mar 2025 09:15:00 GMT", "2025-03-12T09:15:00+00:00")]
    [InlineData("Wed, 12 Mar 2025 09:15:00 +0000", "2025-03-12T09:15:00+00:00")]
    [InlineData("Wed, 12 Mar 2025 09:15:00 PDT", "2025-03-12T09:15:00-07:00")]
    [InlineData("Mon, 12 Mar 2025 09:15:00 EST", "2025-03-12T09:15:00-05:00")]
    [InlineData("12 Mar 2025 9:15 +0530", "2025-03-12T09:15:00+05:30")]
    [InlineData("Wed, 12 Mar 25 09:15:00 Z", "2025-03-12T09:15:00+00:00")]
    [InlineData("Wednesday, 12 March 2025 09:15:00 GMT", "2025-03-12T09:15:00+00:00")]
    [InlineData("2025-03-12T09:15:00Z", "2025-03-12T09:15:00+00:00")]
    [InlineData("2025-03-12T09:15:00.123+02:00", "2025-03-12T09:15:00+02:00")]
    [InlineData("2025-03-12", "2025-03-12T00:00:00+00:00")]
    [InlineData("12 Mar 2025 09:15:00 XYZ", "2025-03-12T09:15:00+00:00")]
    public void Feed_dates_in_their_many_spellings(string input, string expected)
    {
        var date = FeedDates.Parse(input);
        Assert.NotNull(date);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date.Value.AddTicks(-(date.Value.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, date.Value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sometime last week")]
    [InlineData("32 Foo 2025 99:99:99")]
    [InlineData("Wed, 12 Mar 1850 09:15:00 GMT")]
    public void Unreadable_dates_are_null(string? input) => Assert.Null(FeedDates.Parse(input));
}
