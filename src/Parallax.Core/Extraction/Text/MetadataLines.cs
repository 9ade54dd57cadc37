using System.Globalization;
using System.Text.RegularExpressions;

namespace Parallax.Core.Extraction.Text;

/// <summary>Reads the values out of metadata lines: a source name, an absolute date, an author.</summary>
internal static partial class MetadataLines
{
    /// <summary>The source a source-shaped line names ("- Russia Today", "Source: Valemont Daily", "Valemont Daily").</summary>
    public static string? SourceOf(TextLine line)
    {
        var text = line.Text.AsSpan();
        switch (line.Shape)
        {
            case LineShape.DashSource:
                return Clean(text[1..]);
            case LineShape.LabelSource:
                var colon = text.IndexOf(':');
                if (colon >= 0)
                {
                    return Clean(text[(colon + 1)..]);
                }

                var space = text.IndexOf(' ');
                return space < 0 ? null : Clean(text[(space + 1)..]);
            case LineShape.Short:
                return Clean(text);
            default:
                return null;
        }
    }

    /// <summary>The author a byline names ("By Jane Doe and Tom Roe" gives "Jane Doe and Tom Roe").</summary>
    public static string? AuthorOf(TextLine line)
    {
        if (line.Shape != LineShape.Byline)
        {
            return null;
        }

        var text = line.Text.AsSpan(2);
        var cut = text.IndexOfAny('|', '•', '·');
        return Clean(cut >= 0 ? text[..cut] : text);
    }

    /// <summary>
    /// The absolute date a line names, or null. A line needs a four-digit year: relative times ("4 hours ago")
    /// and bare clock times cannot become dates without the page's own date, which a text page does not carry.
    /// </summary>
    public static DateTimeOffset? DateOf(string line)
    {
        var year = Year().Match(line);
        if (!year.Success)
        {
            return null;
        }

        var text = Prefix().Replace(line, string.Empty).Trim().TrimEnd('.');
        var iso = IsoDate().Match(text);
        if (iso.Success && DateTimeOffset.TryParse(iso.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var isoDate))
        {
            return isoDate;
        }

        foreach (var candidate in new[] { text, TimeZoneWord().Replace(text, string.Empty).Trim() })
        {
            if (DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return date;
            }
        }

        // "4 July 2025, 10:30" and other dates with trailing clutter: the day, month and year are enough.
        var dmy = DayMonthYear().Match(text);
        if (dmy.Success && DateTimeOffset.TryParse(dmy.Value.Replace(",", string.Empty), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var day))
        {
            return day;
        }

        return null;
    }

    private static string? Clean(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim().Trim(" -–—:,;[]()").Trim();
        return trimmed.IsEmpty ? null : trimmed.ToString();
    }

    [GeneratedRegex(@"\b(19|20)\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    [GeneratedRegex(@"^\s*((last\s+)?(updated|published|posted|modified|edited)\s*(on|at)?\s*:?\s*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b[A-Z]{2,5}\b$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZoneWord();

    [GeneratedRegex(@"(\d{1,2}\s+[A-Za-z]{3,9},?\s+(19|20)\d{2})|([A-Za-z]{3,9}\.?\s+\d{1,2},?\s+(19|20)\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();
}
