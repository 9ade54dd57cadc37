using System.Text.RegularExpressions;

namespace Parallax.Core.Identity;

/// <summary>
/// Finds the publisher a republished article credits: "A message from X", "via X", "Source: X", "This article was first
/// published by X", "originally appeared in X", "republished from X", "courtesy of X". Credit lines are short, so only
/// short paragraphs and the first and last sentences of longer ones are read; the name is the run of capitalised words
/// after the phrase ("The Wall Street Journal", "RT", "example.com"), stopping at the first lower-case word.
/// </summary>
public static partial class PublisherCredit
{
    private const int MaxCreditWords = 30;

    // Phrases that announce the original publisher, anchored at the start of a line, sentence or parenthesis.
    [GeneratedRegex(
        @"(?:^|[.!?(\[\u2014\u2013|]\s*|\s[-\u2014\u2013]\s)(?:this\s+(?:article|story|post|piece|report)\s+(?:was\s+|is\s+|has\s+been\s+)?|it\s+was\s+)?" +
        @"(?:a\s+message\s+from|messages?\s+from|via|sources?\s*:|source\s*[-\u2014\u2013]|(?:was\s+)?(?:first|originally)\s+(?:published|posted|appeared|ran|carried)\s+(?:by|on|in|at)|" +
        @"republished\s+(?:from|with\s+permission\s+(?:from|of)|courtesy\s+of)|reprinted\s+(?:from|with\s+permission\s+(?:from|of))|reproduced\s+(?:from|with\s+permission\s+(?:from|of))|" +
        @"courtesy\s+of|published\s+with\s+permission\s+(?:from|of)|credit\s*:)\s+(?<name>\S.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex CreditPhrase();

    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "&", "for", "de", "la", "le", "el", "du" };

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "today", "yesterday",
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

        // Last paragraphs first: credit lines usually close an article; then the opening ones.
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            if (FindInLine(lines[i]) is { } name)
            {
                return name;
            }
        }

        return null;
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
