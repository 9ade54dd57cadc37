using Parallax.Core.Language;

namespace Parallax.Core.Tests.Language;

/// <summary>The one date parser, as extraction uses it: metadata lines of text pages, datelines, machine dates.</summary>
public sealed class DateParserTests
{
    [Theory]
    [InlineData("Published: July 4, 2025", "2025-07-04")]
    [InlineData("Friday, 4 July 2025 10:32 GMT", "2025-07-04")]
    [InlineData("Updated 12 Mar 2024", "2024-03-12")]
    [InlineData("2025-07-04T10:30:00Z", "2025-07-04")]
    [InlineData("By Marta Kovalenko | 14 March 2025", "2025-03-14")]
    public void Absolute_dates_are_read(string line, string expected)
    {
        Assert.Equal(expected, DateParser.FromLine(line)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("4 hours ago")]
    [InlineData("Yesterday")]
    [InlineData("10:32 GMT")]
    [InlineData("Friday")]
    public void Relative_times_and_bare_clock_times_give_no_date(string line)
    {
        // Without the page's own date these cannot become a calendar date.
        Assert.Null(DateParser.FromLine(line));
    }

    [Theory]
    [InlineData("November 19, 2019 11:04 PM", "2019-11-19")]
    [InlineData("Posted 19 Nov. 2019 by the desk", "2019-11-19")]
    [InlineData("2019-11-19", "2019-11-19")]
    [InlineData("19. November 2019", "2019-11-19")]
    [InlineData("le 19 novembre 2019", "2019-11-19")]
    [InlineData("November 2019", null)]
    [InlineData("Page 19 of 2019", null)]
    [InlineData("March 3, 1850", null)]
    public void Datelines_give_their_day_at_utc_midnight(string line, string? expected)
    {
        Assert.Equal(expected, DateParser.FromDateline(line)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2024-03-06T09:30:00+01:00", "2024-03-06T08:30:00Z")]
    [InlineData("Wed, 06 Mar 2024 09:30:00 GMT", "2024-03-06T09:30:00Z")]
    [InlineData("20240306", "2024-03-06T00:00:00Z")]
    [InlineData("1709717400", "2024-03-06T09:30:00Z")]
    [InlineData("soon", null)]
    [InlineData("1800-01-01", null)]
    public void Machine_dates_are_read_in_their_many_spellings(string value, string? expected)
    {
        Assert.Equal(expected, DateParser.Parse(value)?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }
}
