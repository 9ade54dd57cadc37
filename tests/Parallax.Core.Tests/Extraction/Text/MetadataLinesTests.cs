using Parallax.Core.Extraction.Text;

namespace Parallax.Core.Tests.Extraction.Text;

public sealed class MetadataLinesTests
{
    [Theory]
    [InlineData("Published: July 4, 2025", "2025-07-04")]
    [InlineData("Friday, 4 July 2025 10:32 GMT", "2025-07-04")]
    [InlineData("Updated 12 Mar 2024", "2024-03-12")]
    [InlineData("2025-07-04T10:30:00Z", "2025-07-04")]
    [InlineData("By Marta Kovalenko | 14 March 2025", "2025-03-14")]
    public void Absolute_dates_are_read(string line, string expected)
    {
        Assert.Equal(expected, MetadataLines.DateOf(line)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("4 hours ago")]
    [InlineData("Yesterday")]
    [InlineData("10:32 GMT")]
    [InlineData("Friday")]
    public void Relative_times_and_bare_clock_times_give_no_date(string line)
    {
        // Without the page's own date these cannot become a calendar date.
        Assert.Null(MetadataLines.DateOf(line));
    }
}
