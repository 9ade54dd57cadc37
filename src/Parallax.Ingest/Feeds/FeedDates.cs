using System.Globalization;
using System.Text.RegularExpressions;
using Parallax.Core.Language;

namespace Parallax.Ingest.Feeds;

/// <summary>
/// Reads the dates feeds give, which are RFC 822 in RSS (with named zones such as EST or PDT, two-digit years, a
/// missing or wrong day name, "+0000" offsets), RFC 3339 in Atom and JSON Feed, and anything at all in the wild.
/// RFC 822 spellings are normalised here; everything else goes to the shared <see cref="DateParser"/>. A date that
/// cannot be read is null, never an error: the entry is kept without it.
/// </summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+00:00",
        ["UTC"] = "+00:00",
        ["GMT"] = "+00:00",
        ["Z"] = "+00:00",
        ["EST"] = "-05:00",
        ["EDT"] = "-04:00",
        ["CST"] = "-06:00",
        ["CDT"] = "-05:00",
        ["MST"] = "-07:00",
        ["MDT"] = "-06:00",
        ["PST"] = "-08:00",
        ["PDT"] = "-07:00",
        ["BST"] = "+01:00",
        ["CET"] = "+01:00",
        ["CEST"] = "+02:00",
        ["EET"] = "+02:00",
        ["EEST"] = "+03:00",
        ["IST"] = "+05:30",
        ["JST"] = "+09:00",
        ["AEST"] = "+10:00",
        ["AEDT"] = "+11:00",
    };

    private static readonly string[] Rfc822Formats =
    [
        "d MMM yyyy H:mm:ss zzz", "d MMM yyyy H:mm zzz", "d MMM yy H:mm:ss zzz", "d MMM yy H:mm zzz",
        "d MMMM yyyy H:mm:ss zzz", "d MMMM yyyy H:mm zzz", "d MMM yyyy H:mm:ss", "d MMM yyyy H:mm", "d MMM yy H:mm:ss", "d MMM yyyy", "d MMMM yyyy",
    ];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 80)
        {
            return null;
        }

        var text = Space().Replace(value.Trim(), " ");
        if (Rfc822(text) is { } rfc)
        {
            return rfc;
        }

        return DateParser.Parse(text) ?? DateParser.FromLine(text);
    }

    private static DateTimeOffset? Rfc822(string text)
    {
        var match = Rfc822Shape().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var zone = match.Groups["zone"].Value;
        string offset;
        if (zone.Length == 0)
        {
            offset = "";
        }
        else if (Zones.TryGetValue(zone, out var named))
        {
            offset = " " + named;
        }
        else if (NumericZone().Match(zone) is { Success: true } numeric)
        {
            offset = $" {numeric.Groups[1].Value}{numeric.Groups[2].Value.PadLeft(2, '0')}:{(numeric.Groups[3].Success ? numeric.Groups[3].Value : "00")}";
        }
        else
        {
            // An unknown zone name: the time is still the publisher's, read as UTC rather than lost.
            offset = " +00:00";
        }

        var core = $"{match.Groups["day"].Value} {match.Groups["month"].Value} {match.Groups["year"].Value}" +
            (match.Groups["time"].Success ? " " + match.Groups["time"].Value : "") + offset;
        return DateTimeOffset.TryParseExact(core, Rfc822Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var date) && date.Year is >= 1990 and <= 2100
            ? date
            : null;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Space();

    // Day name optional (and often wrong), so it is matched loosely and ignored.
    [GeneratedRegex(@"^(?:[A-Za-z]{2,9},?\s*)?(?<day>\d{1,2})[\s-](?<month>[A-Za-z]{3,9})\.?[\s-](?<year>\d{4}|\d{2})(?:\s+(?<time>\d{1,2}:\d{2}(?::\d{2})?))?(?:\s*(?<zone>[A-Za-z]{1,5}|(?:GMT|UTC)?[+-]\d{1,2}:?\d{0,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Shape();

    [GeneratedRegex(@"^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericZone();
}
