using System.Runtime.InteropServices;
using Parallax.Core.Language;

namespace Parallax.Core.Spin;

/// <summary>How often each form and lemma occurs in a text, and how many tokens it has.</summary>
internal readonly record struct DocumentCounts(
    Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Counts, int Words)
{
    public int Of(ReadOnlySpan<char> word) => Counts.TryGetValue(word, out var n) ? n : 0;
}

/// <summary>
/// One text as the spin models read it: its tokens, their lower-case words as found, the text's own vocabulary, the
/// sentence boundaries and the judged units (words and thesaurus phrases with candidates), in text order. Built once
/// per text and shared by the screen and the full reading, neither of which changes it.
/// </summary>
internal sealed record SpinText(
    string Text, List<TokenSpan> Tokens, string[] Words, DocumentCounts Document, bool[] SentenceStarts,
    List<SpinUnit> Units)
{
    // Bounds on work for enormous inputs: at most this many words are judged (the score settles long before).
    private const int MaxJudgedWords = 20_000;

    public static SpinText Read(SpinLexicon lexicon, string text)
    {
        var tokens = new List<TokenSpan>();
        foreach (var token in new WordTokenizer(text))
        {
            tokens.Add(token);
            if (tokens.Count >= MaxJudgedWords * 3)
            {
                break; // enough words to judge; the rest of an enormous text is left as it is
            }
        }

        // The text's own vocabulary, by lemma: every token counts once for its form and once for each lemma it may be
        // a form of ("said" counts for "said" and "say"). A spinner swaps each occurrence on its own, so the wording it
        // replaced usually still stands unspun elsewhere in the text, while its swaps rarely recur.
        var words = new string[tokens.Count];
        var document = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < tokens.Count; t++)
        {
            words[t] = Lower(text, tokens[t]);
            CollectionsMarshal.GetValueRefOrAddDefault(document, words[t], out _)++;
            if (words[t].Length is >= 2 and <= 40)
            {
                var analyses = lexicon.AnalysesOf(words[t]);
                foreach (var a in analyses)
                {
                    if (a.Lemma != words[t] && !SpinLexicon.SeenLemma(analyses, a))
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(document, a.Lemma, out _)++;
                    }
                }
            }
        }

        var units = new List<SpinUnit>();
        for (var i = 0; i < tokens.Count && units.Count < MaxJudgedWords;)
        {
            // Lower() writes every number as "0", so a token starting with a digit is lowered again.
            var (unitEnd, surface, analyses) = lexicon.NextUnit(
                text, tokens, i, char.IsDigit(text[tokens[i].Start]) ? null : words[i]);
            if (surface is not null)
            {
                var entry = lexicon.EntryOf(surface, analyses);
                if (entry.Candidates.Length > 0)
                {
                    units.Add(new SpinUnit(i, unitEnd, entry.Surface, entry.Candidates, entry.Lemmas));
                    if (unitEnd - i > 1)
                    {
                        // A multi-word unit counts for its phrase lemmas too ("loss of life").
                        foreach (var lemma in units[^1].Lemmas)
                        {
                            CollectionsMarshal.GetValueRefOrAddDefault(document, lemma, out _)++;
                        }
                    }
                }
            }

            i = unitEnd;
        }

        return new SpinText(text, tokens, words,
            new DocumentCounts(document.GetAlternateLookup<ReadOnlySpan<char>>(), tokens.Count),
            SentenceStartsOf(text, tokens), units);
    }

    /// <summary>Judged units that are not lone closed-class words: those the score and the share of swaps count.</summary>
    public int OpenUnits => Units.Count(u => !u.Closed);

    /// <summary>The word before a unit in <paramref name="words"/>, when nothing but spaces separates them.</summary>
    public string? Prev(SpinUnit unit, string[] words) =>
        unit.First > 0 && Adjacent(Text, Tokens[unit.First - 1], Tokens[unit.First]) ? words[unit.First - 1] : null;

    /// <summary>The word after a unit in <paramref name="words"/>, when nothing but spaces separates them.</summary>
    public string? Next(SpinUnit unit, string[] words) =>
        unit.End < Tokens.Count && Adjacent(Text, Tokens[unit.End - 1], Tokens[unit.End]) ? words[unit.End] : null;

    /// <summary>Whether the unit is capitalised inside a sentence (a name, or part of one).</summary>
    public bool AsName(SpinUnit unit) =>
        unit.First > 0 && !SentenceStarts[unit.First] && char.IsUpper(Text[Tokens[unit.First].Start]);

    // Neighbours count as context only when nothing but spaces separates them (the pair counts stop at punctuation).
    public static bool Adjacent(string text, TokenSpan left, TokenSpan right)
    {
        for (var k = left.Start + left.Length; k < right.Start; k++)
        {
            if (!char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    // Whether a sentence (or a line) starts at each token: the n-gram model knows sentence boundaries, and the words
    // beyond one are no context.
    private static bool[] SentenceStartsOf(string text, List<TokenSpan> tokens)
    {
        var starts = new bool[tokens.Count];
        for (var t = 1; t < tokens.Count; t++)
        {
            for (var k = tokens[t - 1].Start + tokens[t - 1].Length; k < tokens[t].Start && !starts[t]; k++)
            {
                starts[t] = text[k] is '.' or '!' or '?' or ';' or ':' or '\n';
            }
        }

        return starts;
    }

    private static string Lower(string text, TokenSpan token)
    {
        var word = token.In(text);
        return word.Length > 0 && char.IsDigit(word[0]) ? "0" : word.ToString().ToLowerInvariant();
    }
}
