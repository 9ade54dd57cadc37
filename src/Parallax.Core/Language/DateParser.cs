using System.Globalization;
using System.Text.RegularExpressions;

namespace Parallax.Core.Language;

/// <summary>
/// The one date parser: machine dates in metadata (ISO 8601 in its many spellings, RFC 1123, Unix seconds), written
/// dates in a visible dateline or a metadata line, and (through <see cref="DateFinder"/>) dates inside running text.
/// Written dates are read with the shared month table of <see cref="CalendarWords"/>. Stateless.
/// </summary>
public static partial class DateParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd", "yyyyMMdd",
        "yyyy-MM-dd'T'HH:mm", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd HH:mm", "r", "yyyy-MM-dd'T'HHmmssK",
        "yyyy-MM-dd'T'HH:mm:sszzz", "ddd, dd MMM yyyy HH:mm:ss zzz",
    ];

    private const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;

    /// <summary>A date a page gives machines (a meta tag, JSON-LD, a time element's datetime); null when unreadable or implausible.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > 64)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, Styles, out var exact))
        {
            return Plausible(exact);
        }

        if (text.Length is 10 or 13 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
        {
            var seconds = text.Length == 13 ? epoch / 1000 : epoch;
            return Plausible(DateTimeOffset.FromUnixTimeSeconds(seconds));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out var loose) ? Plausible(loose) : null;
    }

    /// <summary>
    /// The first full date written in a visible dateline ("November 19, 2019 11:04 PM", "19 Nov 2019", "2019-11-19"),
    /// as UTC midnight; null when the line holds no date with day, month and year.
    /// </summary>
    public static DateTimeOffset? FromDateline(string line) =>
        FirstFullDate(line) is { } date ? Plausible(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : null;

    /// <summary>
    /// The absolute date a metadata line of a text page names ("Published: July 4, 2025", "Friday, 4 July 2025 10:32
    /// GMT"), with its time when the line gives one; null without a four-digit year: relative times ("4 hours ago") and
    /// bare clock times cannot become dates without the page's own date, which a text page does not carry.
    /// </summary>
    public static DateTimeOffset? FromLine(string line)
    {
        if (!Year().IsMatch(line))
        {
            return null;
        }

        var text = Prefix().Replace(line, string.Empty).Trim().TrimEnd('.');
        var iso = IsoDate().Match(text);
        if (iso.Success && DateTimeOffset.TryParse(iso.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var isoDate))
        {
            return isoDate;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || DateTimeOffset.TryParse(TimeZoneWord().Replace(text, string.Empty).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            return date;
        }

        // "4 July 2025, 10:30" and other dates with trailing clutter: the day, month and year are enough.
        return FirstFullDate(text) is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
    }

    /// <summary>Dates and relative times in running text, resolved against <paramref name="reference"/> when given.</summary>
    public static List<DateMention> Find(string text, DateOnly? reference = null)
    {
        var tokens = new List<TokenSpan>();
        foreach (var token in new WordTokenizer(text))
        {
            tokens.Add(token);
        }

        var found = new List<DateMention>();
        DateFinder.Find(text, tokens, reference, found, new bool[tokens.Count]);
        return found;
    }

    private static DateOnly? FirstFullDate(string line)
    {
        foreach (var mention in Find(line))
        {
            if (mention is { Kind: DateKind.Absolute, Precision: DatePrecision.Day, Date: { } date })
            {
                return date;
            }
        }

        return null;
    }

    private static DateTimeOffset? Plausible(DateTimeOffset date) => date.Year is >= 1990 and <= 2100 ? date : null;

    [GeneratedRegex(@"\b(19|20)\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    [GeneratedRegex(@"^\s*((last\s+)?(updated|published|posted|modified|edited)\s*(on|at)?\s*:?\s*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b[A-Z]{2,5}\b$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeZoneWord();
}
