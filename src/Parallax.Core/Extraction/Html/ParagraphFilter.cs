using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Parallax.Core.Language;

namespace Parallax.Core.Extraction.Html;

/// <summary>Why a written paragraph is not part of the article body, or <see cref="None"/>.</summary>
internal enum DropReason
{
    None,
    Title,
    LinksOnly,
    Dateline,
    Byline,
    Chrome,
    Teaser,
    Promo,
}

/// <summary>
/// Line-level rules for what survives block selection but is not body text: the title repeated as a heading,
/// lines that are only links, datelines and bylines ("By Jane Doe - 11/18/19 11:04 PM"), and short lines of page
/// chrome ("Comments", "Tags", "Share"). Judged from the line's shape and words, not from any one site's strings.
/// </summary>
internal static partial class ParagraphFilter
{
    /// <summary>Datelines and bylines are short; a long line with a date in it is a sentence.</summary>
    private const int MaxMetaLineChars = 100;

    private static readonly FrozenSet<string> ChromeWords = new[]
    {
        "comments", "comment", "tags", "tag", "share", "shares", "advertisement", "advertisements", "anzeige", "publicidad",
        "publicité", "pubblicità", "publicidade", "реклама", "related", "print", "email", "e-mail", "tweet", "facebook", "twitter",
        "whatsapp", "pinterest", "linkedin", "reddit", "subscribe", "newsletter", "copyright", "©", "permalink", "sponsored",
        "loading", "menu", "search", "login", "close", "x", "advertising", "ad", "topics", "more",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static DropReason Judge(WrittenParagraph paragraph, string? title)
    {
        var text = paragraph.Text;
        if (paragraph.Tag == "h1" || (title is not null && paragraph.Tag.Length == 2 && paragraph.Tag[0] == 'h' && Same(text, title)))
        {
            return DropReason.Title;
        }

        // An embedded post's attribution ("— Jane Doe (@jane) November 18, 2019") belongs to the quoted post.
        if (text.Contains("(@", StringComparison.Ordinal))
        {
            return DropReason.None;
        }

        // A bare address written out is something the author chose to show, unlike a headline linking elsewhere.
        if (paragraph.LinkChars * 10 >= NonSpace(text) * 8 && text.Length < 200 && !text.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return DropReason.LinksOnly;
        }

        // "Related: ...", "READ MORE: ..." lines point to other stories through their links.
        if (text.Length < 250 && TeaserLead().IsMatch(text) && paragraph.LinkChars * 10 >= NonSpace(text) * 4)
        {
            return DropReason.Teaser;
        }

        if (text.Length < 300 && PromoAsk().IsMatch(text) && PromoWhat().IsMatch(text))
        {
            return DropReason.Promo;
        }

        if (text.Length > MaxMetaLineChars)
        {
            return DropReason.None;
        }

        if (GalleryCounter().IsMatch(text))
        {
            return DropReason.Chrome;
        }

        if (IsChrome(text))
        {
            return DropReason.Chrome;
        }

        if (Byline().IsMatch(text))
        {
            return DropReason.Byline;
        }

        var words = CountWords(text);
        if (words <= 14 && (Time().IsMatch(text) || NumericDate().IsMatch(text) || (Year().IsMatch(text) && NamesMonth(text))))
        {
            return DropReason.Dateline;
        }

        return DropReason.None;
    }

    private static bool Same(string text, string title)
    {
        var a = text.AsSpan().Trim();
        var b = title.AsSpan().Trim();
        return a.Equals(b, StringComparison.OrdinalIgnoreCase) || (b.Length > 20 && b.StartsWith(a, StringComparison.OrdinalIgnoreCase) && a.Length > b.Length * 2 / 3);
    }

    /// <summary>The name in a byline ("By Jane Doe - 11/18/19" gives "Jane Doe"), or null when the line is not one.</summary>
    public static string? BylineName(string line)
    {
        var match = Byline().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var name = line[match.Groups[1].Length..].TrimStart();
        var end = name.IndexOfAny(['|', '-', '–', '—', '•', ',']);
        return (end < 0 ? name : name[..end]).Trim();
    }

    /// <summary>One to four words, one of which is a word of page chrome.</summary>
    private static bool IsChrome(string text)
    {
        var words = 0;
        var chrome = false;
        foreach (var range in text.AsSpan().Split(' '))
        {
            var word = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value).Trim(":|•·-–—()[]!.…");
            if (word.IsEmpty)
            {
                continue;
            }

            words++;
            if (ChromeWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                chrome = true;
            }
        }

        // "Share prices fell." is a sentence, not a share button: three words or more ending a sentence are prose.
        var sentence = words >= 3 && text.TrimEnd() is [.., '.' or '!' or '?'] && !text.TrimEnd().EndsWith("...", StringComparison.Ordinal);
        return chrome && words <= 4 && !sentence;
    }

    /// <summary>Characters other than whitespace: what the writer counts as link text.</summary>
    private static int NonSpace(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                count++;
            }
        }

        return count;
    }

    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    [GeneratedRegex(@"^\s*(related|read more|see more|read also|also read|see also|more|watch|listen|recommended|leia também|leia mais|veja também|lee también|lire aussi|à lire aussi|mehr zum thema|lesen sie auch|leggi anche|читайте также)\s*[:|»>–—-]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TeaserLead();

    [GeneratedRegex(@"\b(sign up|signup|subscribe|register)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromoAsk();

    [GeneratedRegex(@"\b(newsletters?|inbox|e-?mail alerts?|delivered)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromoWhat();

    [GeneratedRegex(@"^(image|photo|picture|slide|foto|imagem|imagen|bild|immagine)\s+\d+\s+(of|/|de|von|di|sur)\s+\d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GalleryCounter();

    [GeneratedRegex(@"^(By|Por|Von|Par|Di|Door|Av|Автор)\s+\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){0,3}\s*($|[,|\-–—•]|and\b|y\b|e\b|und\b|et\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(@"\b\d{1,2}[:h]\d{2}\b\s*(am|pm|a\.m\.|p\.m\.|uhr|h\b|[A-Z]{2,4}\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Time();

    [GeneratedRegex(@"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(19|20)\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    /// <summary>Whether a word of the text names a month, in any language of the shared month table.</summary>
    private static bool NamesMonth(string text)
    {
        foreach (var token in new WordTokenizer(text))
        {
            if (CalendarWords.Month(token.In(text)) > 0)
            {
                return true;
            }
        }

        return false;
    }
}
