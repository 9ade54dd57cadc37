using System.Text;
using Parallax.Core.Language;

namespace Parallax.Data.Sql;

/// <summary>
/// The plain-text extract a search hit shows: about <see cref="Words"/> words of the article's text around the place
/// where most of the searched words meet, cut at words, with "…" where the text goes on.
/// </summary>
/// <remarks>
/// Both stores search with their own index but make the extract here, from the start of the text they return with the
/// hit. FTS5's snippet() tokenised each hit's whole text again inside SQLite, about four fifths of a search's cost at
/// 1,000,000 articles; this reads the same words the way the indexes do (letters and digits, case and accents
/// folded), so both databases show the same extract.
/// </remarks>
public static class SearchSnippet
{
    /// <summary>How many words an extract holds.</summary>
    public const int Words = 24;

    /// <summary>How much of the text a store returns for its extract (a match further in gives the text's start).</summary>
    public const int TextPrefix = 20_000;

    /// <summary>Words shown before the first searched word, so that the extract reads as part of a sentence.</summary>
    private const int Lead = 4;

    /// <summary>The extract of <paramref name="text"/> for the searched <paramref name="words"/> (lower case, as the store's search reads them).</summary>
    public static string Of(string? text, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var searched = words.Select(w => WordFolding.Fold(w)).Distinct(StringComparer.Ordinal).ToList();
        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return string.Empty;
        }

        // Which searched word each token is (-1 for none), then the window that holds the most distinct searched words,
        // the earliest among equals.
        var hits = Hits(text, tokens, searched);
        var best = 0;
        var bestCount = 0;
        var seen = new bool[searched.Count];
        for (var start = 0; start < hits.Length && bestCount < searched.Count; start++)
        {
            if (hits[start] < 0)
            {
                continue;
            }

            Array.Clear(seen);
            var count = 0;
            for (var i = start; i < Math.Min(hits.Length, start + Words - Lead); i++)
            {
                if (hits[i] >= 0 && !seen[hits[i]])
                {
                    seen[hits[i]] = true;
                    count++;
                }
            }

            if (count > bestCount)
            {
                (best, bestCount) = (start, count);
            }
        }

        var first = bestCount == 0 ? 0 : Math.Max(0, best - Lead);
        var last = Math.Min(tokens.Count, first + Words) - 1;
        var from = first == 0 ? 0 : tokens[first].Start;
        var to = last == tokens.Count - 1 ? text.Length : tokens[last].Start + tokens[last].Length;
        var extract = string.Join(' ', text[from..to].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return (first > 0 ? "…" : string.Empty) + extract + (last < tokens.Count - 1 ? "…" : string.Empty);
    }

    /// <summary>
    /// For each token, the index of the searched word it is, or -1. Only a token as long as some searched word is folded
    /// (folding keeps a word's length but for rare letters), and an ASCII one without a new string.
    /// </summary>
    private static int[] Hits(string text, List<(int Start, int Length)> tokens, List<string> searched)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < searched.Count; i++)
        {
            index[searched[i]] = i;
        }

        var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var lengths = searched.Select(w => w.Length).ToHashSet();
        var longest = lengths.Max();
        Span<char> lower = stackalloc char[Math.Min(longest, 256)];
        var hits = new int[tokens.Count];
        for (var t = 0; t < tokens.Count; t++)
        {
            var (start, length) = tokens[t];
            var word = text.AsSpan(start, length);
            hits[t] = -1;
            if (!lengths.Contains(length))
            {
                continue;
            }

            if (length <= lower.Length && Ascii.IsValid(word))
            {
                word.ToLowerInvariant(lower);
                hits[t] = lookup.TryGetValue(lower[..length], out var i) ? i : -1;
            }
            else
            {
                hits[t] = index.TryGetValue(WordFolding.Fold(word), out var i) ? i : -1;
            }
        }

        return hits;
    }

    /// <summary>The runs of letters and digits (what both indexes take as words, and a search's words), as start and length.</summary>
    internal static List<(int Start, int Length)> Tokens(string text)
    {
        var tokens = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add((start, i - start));
                start = -1;
            }
        }

        return tokens;
    }
}
