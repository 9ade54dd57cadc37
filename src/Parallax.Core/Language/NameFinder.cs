using System.Collections.Frozen;

namespace Parallax.Core.Language;

/// <summary>
/// Finds capitalised names: runs of capitalised words standing one space apart, with connectors inside ("Bank of
/// England") and titles or initials with their full stop ("Mr. Doe", "John F. Kennedy"). A sentence's first word is
/// capitalised for that reason alone, so it starts a name only when the same word is capitalised elsewhere inside a
/// sentence, or when a capitalised word follows it and it is not an ordinary opener (a function word in any
/// language, a date word, an adverb in -ly, a plural like "Officials"). A title the text also writes in lower case
/// stays ("Pope Francis ... the pope"). Stateless.
/// </summary>
internal static class NameFinder
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Connectors = Set(
        "of de du des la le von van der den da di del dos das al el bin ibn y");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = Set(
        "mr mrs ms dr prof st sen rep gov gen col lt sgt capt maj adm rev jr sr");

    /// <summary>Capitalised words that open sentences without being names, and are no function words.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Openers = Set(
        "yesterday today tomorrow tonight meanwhile however separately earlier later last next still instead overall " +
        "officials police witnesses residents authorities critics analysts experts sources reports according asked " +
        "speaking writing following despite amid after before during under over across");

    public static void Find(string text, List<TokenSpan> tokens, TokenFlags[] flags, HashSet<int> midCapitals,
        List<NameRun> into, Span<char> scratch)
    {
        var t = 0;
        while (t < tokens.Count)
        {
            if (!IsNameWord(text, tokens, flags, t) || IsCalendar(text, tokens, t))
            {
                t++;
                continue;
            }

            var start = t;
            var end = t;
            var k = t + 1;
            while (k < tokens.Count)
            {
                var gap = Gap(text, tokens, k);
                var spaced = gap is " " or "\u00A0";
                var stop = gap is ". " && (Titles.Contains(tokens[k - 1].In(text)) || tokens[k - 1].Length == 1);
                if (!(spaced || stop) || flags[k].HasFlag(TokenFlags.SentenceInitial) && !stop)
                {
                    break;
                }

                if (IsNameWord(text, tokens, flags, k))
                {
                    end = k++;
                    continue;
                }

                if (spaced && Connectors.Contains(tokens[k].In(text)) && k + 1 < tokens.Count && Gap(text, tokens, k + 1) is " "
                    && IsNameWord(text, tokens, flags, k + 1) && char.IsLower(text[tokens[k].Start]))
                {
                    end = k + 1;
                    k += 2;
                    continue;
                }

                break;
            }

            if (flags[start].HasFlag(TokenFlags.SentenceInitial) && !midCapitals.Contains(Hash(tokens[start].In(text))))
            {
                if (end == start || Ordinary(text, tokens[start]))
                {
                    start++;
                }
            }

            // A lone initial or title is no name.
            if (start <= end && !(start == end && (tokens[start].Length == 1 || Titles.Contains(tokens[start].In(text)))))
            {
                var first = tokens[start];
                var last = tokens[end];
                into.Add(new NameRun(first.Start, last.Start + last.Length, Key(text.AsSpan(first.Start, last.Start + last.Length - first.Start), scratch), start, end - start + 1));
            }

            t = end + 1;
        }
    }

    /// <summary>The hash the finder's word sets use: the word's case-insensitive hash.</summary>
    public static int Hash(ReadOnlySpan<char> word) => string.GetHashCode(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsNameWord(string text, List<TokenSpan> tokens, TokenFlags[] flags, int t)
    {
        var f = flags[t];
        if (!f.HasFlag(TokenFlags.Capitalised) || f.HasFlag(TokenFlags.Number))
        {
            return false;
        }

        var word = tokens[t].In(text);
        if (f.HasFlag(TokenFlags.StopWord))
        {
            // Titles are stop words for the spin analyser, but start names here.
            return Titles.Contains(word);
        }

        if (f.HasFlag(TokenFlags.AllCaps) && (t > 0 && flags[t - 1].HasFlag(TokenFlags.AllCaps) || t + 1 < flags.Length && flags[t + 1].HasFlag(TokenFlags.AllCaps)))
        {
            // "DETAILS TO FOLLOW": a line in capitals is shouting, not a run of acronyms.
            return false;
        }

        // A single capital is an initial only when a full stop follows it ("F. Kennedy"), else a pronoun or a letter.
        return word.Length > 1 || End(tokens[t]) < text.Length && text[End(tokens[t])] == '.';
    }

    private static bool IsCalendar(string text, List<TokenSpan> tokens, int t) =>
        CalendarWords.Weekday(tokens[t].In(text)) > 0 || CalendarWords.Month(tokens[t].In(text)) > 0;

    private static bool Ordinary(string text, TokenSpan token)
    {
        var word = token.In(text);
        foreach (var list in StopLists.All)
        {
            // Any language's: a text too short to tell its language still opens sentences with "The" or "Le".
            if (list.Contains(word))
            {
                return true;
            }
        }

        return Openers.Contains(word) || word.EndsWith("ly", StringComparison.Ordinal)
            || CalendarWords.Weekday(word) > 0 || CalendarWords.Month(word) > 0;
    }

    /// <summary>Lower case, full stops dropped, one space between words, a final possessive "'s" dropped.</summary>
    internal static string Key(ReadOnlySpan<char> name, Span<char> scratch)
    {
        if (name.Length > scratch.Length)
        {
            name = name[..scratch.Length];
        }

        var n = 0;
        var space = false;
        foreach (var c in name)
        {
            if (c == '.')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = n > 0;
                continue;
            }

            if (space)
            {
                scratch[n++] = ' ';
                space = false;
            }

            scratch[n++] = char.ToLowerInvariant(c);
        }

        if (n > 2 && scratch[n - 1] == 's' && scratch[n - 2] is '\'' or '\u2019')
        {
            n -= 2;
        }

        return new string(scratch[..n]);
    }

    private static ReadOnlySpan<char> Gap(string text, List<TokenSpan> tokens, int t) =>
        text.AsSpan(End(tokens[t - 1]), tokens[t].Start - End(tokens[t - 1]));

    private static int End(TokenSpan token) => token.Start + token.Length;

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
