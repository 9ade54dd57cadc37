using System.Text.RegularExpressions;

namespace Parallax.Core.Extraction.Text;

/// <summary>What one line looks like on its own, before its neighbours are taken into account.</summary>
public enum LineShape
{
    /// <summary>Running text: long, or a full sentence of some length.</summary>
    Body,

    /// <summary>A short full sentence ("He declined to comment."): body inside an article, boilerplate outside.</summary>
    ShortSentence,

    /// <summary>A short line without sentence punctuation: a title, a source name, a subheading or a label.</summary>
    Short,

    /// <summary>A relative time ("4 hours ago") or an absolute date or time.</summary>
    Time,

    /// <summary>"By Jane Doe".</summary>
    Byline,

    /// <summary>"- Source Name", as aggregators write the outlet under a listing item.</summary>
    DashSource,

    /// <summary>"Source: Name" or "via Name" on a line of its own.</summary>
    LabelSource,

    /// <summary>Menus, share and subscribe appeals, promos, section headers, empty comment boxes, legal lines.</summary>
    Chrome,

    /// <summary>An editorial marker in capitals ("DETAILS TO FOLLOW", "BREAKING").</summary>
    Marker,
}

/// <summary>The final class of a line, once the page's structure is known.</summary>
public enum TextLineClass
{
    Title,
    Body,

    /// <summary>Source name, time, date or byline: read into the article's fields, kept out of its body.</summary>
    Metadata,
    Boilerplate,
}

/// <summary>Classifies one line by its shape and its words. Stateless.</summary>
internal static partial class LineShapes
{
    /// <summary>The longest line (in words) that may still be a title, a source or a metadata line.</summary>
    public const int MaxTitleWords = 30;

    public static LineShape Classify(ReadOnlySpan<char> line, in LineFeatures f)
    {
        if (f.Words == 0)
        {
            // Rules, bullets and stray symbols.
            return LineShape.Chrome;
        }

        // A byline may carry a date ("By Jane Doe | 4 July 2025"): it is still the byline.
        if (IsByline(f))
        {
            return LineShape.Byline;
        }

        if (IsTime(line, f))
        {
            return LineShape.Time;
        }

        if (f.LeadingDash && f.Words <= 6 && !f.EndsLikeSentence && f.NotNameLike <= 1)
        {
            return LineShape.DashSource;
        }

        if ((f.FirstWord & WordKind.SourceLabel) != 0 && f.Words is >= 2 and <= 7 && !f.EndsLikeSentence &&
            (f.ColonAfterFirstWord || char.IsLower(line[0]) || line.StartsWith("Via ", StringComparison.Ordinal)) && f.NotNameLike <= 1)
        {
            return LineShape.LabelSource;
        }

        if (f.AllCaps && f.Words <= 6 && f.Marker > 0)
        {
            return LineShape.Marker;
        }

        if (IsChrome(f))
        {
            return LineShape.Chrome;
        }

        if (IsBody(f))
        {
            return LineShape.Body;
        }

        return f.EndsWithPeriod && f.Words >= 3 ? LineShape.ShortSentence : LineShape.Short;
    }

    /// <summary>A short line made of time words and numbers, anchored by "ago", a day word, a month with a number or a numeric date.</summary>
    private static bool IsTime(ReadOnlySpan<char> line, in LineFeatures f)
    {
        if (f.Words > 16)
        {
            return false;
        }

        var calendarDate = f.Month > 0 && f.Numeric > 0 || NumericDate().IsMatch(line);
        var anchored = calendarDate || f.Ago > 0 && (f.TimeUnit > 0 || f.Numeric > 0) || f.DayWord > 0 || f.Weekday > 0 && f.Numeric > 0;
        if (!anchored)
        {
            return false;
        }

        // A dateline may name its outlet or place beside the date when separators set them apart:
        // "November 20, 2019 / 1:07 AM / Valemont Daily".
        if (calendarDate && line.IndexOfAny("/|·•@—–") >= 0)
        {
            return f.NonTime <= Math.Min(3, f.Words / 2);
        }

        // Otherwise at most one other word ("Updated", a place), and not a third of the line.
        return f.NonTime <= 1 && f.NonTime * 3 <= f.Words;
    }

    private static bool IsByline(in LineFeatures f) =>
        f.StartsWithBy && f.Words is >= 2 and <= 10 && !f.EndsWithPeriod && f.NotNameLike <= 1;

    /// <summary>
    /// Chrome is recognised by what it asks of the reader or names of the site, never by one site's wording:
    /// menus, legal lines, short labels made of navigation words, calls to action, appeals, empty states.
    /// </summary>
    private static bool IsChrome(in LineFeatures f)
    {
        if (f.Separators >= 2 && f.Words <= 20 && f.Reporting == 0)
        {
            return true;
        }

        if (f.HasCopyrightSign && f.Words <= 25)
        {
            return true;
        }

        if (f.Terminal == ':' && f.Words <= 12 && (f.Nav + f.Cta + f.Person + f.Owner > 0 || f.Words <= 3))
        {
            return true;
        }

        // A caption's credit: "Photo: Valemont Daily", "Image: Getty Images / staff".
        if ((f.FirstWord & WordKind.Media) != 0 && f.ColonAfterFirstWord && f.Words <= 8)
        {
            return true;
        }

        if (f.EndsWithEllipsis && f.Words <= 6)
        {
            return true;
        }

        // Short labels built from navigation and call-to-action words: "Related Articles", "Comments", "Be the first to comment".
        var siteWords = f.Nav + f.Cta + f.EmptyState;
        if (f.Words <= 6 && f.Nav + f.Cta > 0 && !f.EndsWithPeriod && siteWords * 2 >= f.Words &&
            (siteWords + f.Stop + f.Person + f.Owner) * 4 >= f.Words * 3)
        {
            return true;
        }

        if (f.Reporting > 0)
        {
            // A reporting verb makes it a sentence about someone, even if it quotes an appeal.
            return false;
        }

        // An imperative call to action: "Try Our AI Features", "Share this article", "Sign up for our newsletter".
        // The first word itself ("Share", "Watch") is not counted as evidence: "Share prices fell" is news.
        var siteNouns = f.Nav - ((f.FirstWord & WordKind.Nav) != 0 ? 1 : 0) + f.Owner + f.Appeal - ((f.FirstWord & WordKind.Appeal) != 0 ? 1 : 0);
        if ((f.FirstWord & WordKind.Cta) != 0 && f.Words <= 40 &&
            (f.Words <= 3 || f.Person > 0 || (f.Words <= 25 && siteNouns > 0)))
        {
            return true;
        }

        // A consent banner addressed to the reader: "This website uses cookies to improve your experience."
        if (f.Words <= 60 && f.Person > 0 && f.Consent > 0)
        {
            return true;
        }

        // An appeal that speaks to the reader: "If you value our journalism, please consider a donation."
        return f.Words <= 50 && f.Person > 0 && f.Appeal > 0 && f.Appeal + f.Person + f.Owner + f.Cta >= 3;
    }

    private static bool IsBody(in LineFeatures f)
    {
        // A headline in Title Case is not running text, whatever its length or its question mark.
        var titleCase = f.Words <= 20 && f.Capitalised * 5 >= f.Words * 4 && !f.EndsWithPeriod;
        if (titleCase)
        {
            return false;
        }

        return f.Words >= 20
               || f.Words >= 8 && f.EndsWithPeriod
               || f.Words >= 12 && f.EndsLikeSentence
               || f.Sentences >= 1 && f.Words >= 8 && f.EndsLikeSentence;
    }

    /// <summary>
    /// A proper name on its own: a few words, each capitalised (or a connector like "of"), no sentence end.
    /// Navigation words are allowed ("Harbourton News"): a line made only of them was already read as chrome.
    /// </summary>
    public static bool IsNameLike(in LineFeatures f) =>
        f.Words is >= 1 and <= 5 && f.NotNameLike == 0 && !f.EndsLikeSentence && f.Terminal != ':' && f.TimeUnit == 0;

    /// <summary>Shaped like a headline: a few words to a long sentence's worth, not ending like a label.</summary>
    public static bool IsTitleShaped(in LineFeatures f) =>
        f.Words is >= 2 and <= MaxTitleWords && f.Length <= 300 && !f.EndsWithEllipsis;

    /// <summary>A line that says who, when or from where: a time, a byline or a source line.</summary>
    public static bool IsMetadata(LineShape shape) =>
        shape is LineShape.Time or LineShape.Byline or LineShape.DashSource or LineShape.LabelSource;

    /// <summary>"Related Articles", "Comments", "More stories": a short chrome line that opens another part of the page.</summary>
    public static bool IsSectionHeader(TextLine line) =>
        line.Features.SectionBreak > 0 && line.Features.Words <= 4;

    /// <summary>Chrome inside an article (a share bar, a photo credit, "Read also: ..."), not a section header.</summary>
    public static bool IsInlineChrome(TextLine line) =>
        line.Shape == LineShape.Chrome && !IsSectionHeader(line);

    [GeneratedRegex(@"\b(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b|\b\d{1,2}:\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();
}
