using System.Text.RegularExpressions;

namespace Parallax.Core.Identity;

/// <summary>
/// Finds the publisher a republished article credits: "A message from X", "via X", "Source: X", "This article was first
/// published by X", "originally appeared in X", "republished from X" (not "courtesy of", which mostly credits photos).
/// Credit lines are short, so only short paragraphs and the first and last sentences of longer ones are read, and the
/// phrase must open the line, a sentence, a parenthesis or follow a dash. The name is the run of capitalised words after
/// it ("The Wall Street Journal", "RT", "example.com"), stopping at the first lower-case word or punctuation.
/// </summary>
public static partial class PublisherCredit
{
    private const int MaxCreditWords = 30;

    // Phrases that announce the original publisher, anchored at the start of a line, sentence or parenthesis.
    [GeneratedRegex(
        @"(?:^|[.!?(\[\u2014\u2013|]\s*|\s[-\u2014\u2013]\s)(?:(?:this|the)\s+(?:article|story|post|piece|report|column)\s+|it\s+)?(?:was\s+|is\s+|has\s+been\s+|had\s+been\s+)?" +
        @"(?:a\s+message\s+from|via|sources?\s*:|source\s*[-\u2014\u2013]|(?:first|originally)\s+(?:published|posted|appeared|ran|carried)\s+(?:by|on|in|at)|" +
        @"republished\s+(?:from|with\s+permission\s+(?:from|of)|courtesy\s+of)|reprinted\s+(?:from|with\s+permission\s+(?:from|of))|reproduced\s+(?:from|with\s+permission\s+(?:from|of))|" +
        @"published\s+with\s+permission\s+(?:from|of))\s+(?<name>\S.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex CreditPhrase();

    private static readonly System.Buffers.SearchValues<string> KeyWords = System.Buffers.SearchValues.Create(
        ["message", "via", "source", "published", "posted", "appeared", "ran ", "carried", "printed", "produced"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "&", "for", "de", "la", "le", "el", "du" };

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "the", "this", "that", "our", "my", "his", "her", "their", "its", "an", "a", "email", "e-mail", "twitter", "x",
        "facebook", "telegram", "whatsapp", "instagram", "video", "phone", "satellite", "getty", "shutterstock",
    };

    /// <summary>The publisher named in a credit line of <paramref name="text"/> (or its title), or null.</summary>
    public static string? Find(string? text, string? title = null)
    {
        if (!string.IsNullOrEmpty(title) && FindInLine(title) is { } fromTitle)
        {
            return fromTitle;
        }

        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Credit lines usually close an article, so the last line that names a publisher wins. Only lines holding one
        // of the phrases' key words reach the regular expression (most articles have none).
        string? found = null;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed.IndexOfAny(KeyWords) >= 0 && FindInLine(trimmed.ToString()) is { } name)
            {
                found = name;
            }
        }

        return found;
    }

    private static string? FindInLine(string line)
    {
        if (line.Length == 0)
        {
            return null;
        }

        if (CountWords(line) <= MaxCreditWords)
        {
            return Match(line);
        }

        // A long paragraph: only its first and last sentences can be credit lines.
        var firstEnd = line.IndexOfAny(['.', '!', '?']);
        if (firstEnd > 0 && Match(line[..(firstEnd + 1)]) is { } first)
        {
            return first;
        }

        var lastStart = line.AsSpan(0, Math.Max(0, line.Length - 2)).LastIndexOfAny(['.', '!', '?']);
        return lastStart > 0 && CountWords(line[(lastStart + 1)..]) <= MaxCreditWords ? Match(line[(lastStart + 1)..].Trim()) : null;
    }

    private static string? Match(string sentence)
    {
        try
        {
            var match = CreditPhrase().Match(sentence);
            return match.Success ? NameAt(match.Groups["name"].Value) : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>The run of capitalised words (with inner connectors) at the start of <paramref name="rest"/>.</summary>
    private static string? NameAt(string rest)
    {
        var words = new List<string>();
        foreach (var raw in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.TrimStart('"', '\'', '\u201C', '\u2018', '(', '@');
            var trimmed = word.TrimEnd('.', ',', ';', ':', ')', '"', '\'', '\u201D', '\u2019', '!', '?');
            if (trimmed.Length == 0)
            {
                break;
            }

            if (words.Count == 0 && trimmed.Equals("the", StringComparison.Ordinal))
            {
                // "first published by the Valley Courier": the lower-case article is not part of the name.
                continue;
            }

            if (char.IsUpper(trimmed[0]) || char.IsDigit(trimmed[0]) || LooksLikeDomain(trimmed))
            {
                words.Add(trimmed);
            }
            else if (words.Count > 0 && Connectors.Contains(trimmed))
            {
                words.Add(trimmed);
            }
            else
            {
                break;
            }

            // A name ends at punctuation ("Source: RT." or "via Reuters, AFP"): the first name is the publisher.
            if (trimmed.Length != word.Length || words.Count >= 6)
            {
                break;
            }
        }

        // Trailing connectors and dates are not part of the name: "RT on Friday" stops at "on", "Reuters Monday" drops "Monday".
        while (words.Count > 0 && (Connectors.Contains(words[^1]) || words.Count > 1 && NotNames.Contains(words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }

        return words.Count == 0 || words.Count == 1 && NotNames.Contains(words[0]) ? null : string.Join(' ', words);
    }

    private static bool LooksLikeDomain(string word)
    {
        var dot = word.LastIndexOf('.');
        return dot > 0 && dot < word.Length - 2 && word.AsSpan(dot + 1).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz") < 0;
    }

    private static int CountWords(string text)
    {
        var count = 0;
        foreach (var _ in new Language.WordTokenizer(text))
        {
            count++;
        }

        return count;
    }
}
