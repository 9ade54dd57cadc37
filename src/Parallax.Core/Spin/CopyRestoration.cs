using Parallax.Core.Language;

namespace Parallax.Core.Spin;

/// <summary>One place where a spun copy's wording differs from its original's.</summary>
/// <param name="Spun">The copy's words there (empty where the spinner dropped words).</param>
/// <param name="Original">The original's words there (empty where the spinner added words).</param>
/// <param name="Span">Where <paramref name="Spun"/> stands in the copy's text (zero length for a dropped word).</param>
public sealed record SpinSwap(string Spun, string Original, TextSpan Span);

/// <summary>A character range of a text: [Start, Start + Length).</summary>
public readonly record struct TextSpan(int Start, int Length);

/// <summary>A spun copy read against its original.</summary>
/// <param name="Restored">The copy with the original's wording at every swapped place (punctuation between the swapped
/// words included); everything the two share stays as the copy has it.</param>
/// <param name="Swaps">Every swapped place, in the copy's order.</param>
/// <param name="SwappedShare">The measured share of swapped words: word positions in swapped places (the longer side of
/// each) over all word positions of the copy's text and its swaps, 0..1.</param>
public sealed record CopyRestorationResult(string Restored, IReadOnlyList<SpinSwap> Swaps, double SwappedShare);

/// <summary>
/// Restores a spun copy from its original, when both are known (a copy linked to its original): the two word
/// sequences are aligned (<see cref="TokenAlignment"/>), and the unmatched runs between anchors are the swapped places.
/// Words are compared case-blind, so a case change alone is no swap.
/// </summary>
public static class CopyRestoration
{
    // A run of more words than this that only one side has is a passage the other text lacks (a paragraph the copy cut
    // or added), not a spinner's swap: it stays as the copy has it and is no swap. Spinners drop or add a word or two.
    private const int MaxOneSidedWords = 8;

    public static CopyRestorationResult Restore(string copy, string original)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(original);
        var copyTokens = Tokens(copy);
        var originalTokens = Tokens(original);
        var copyWords = copyTokens.ConvertAll(t => t.In(copy).ToString().ToLowerInvariant()).ToArray();
        var originalWords = originalTokens.ConvertAll(t => t.In(original).ToString().ToLowerInvariant()).ToArray();
        var match = TokenAlignment.Match(copyWords, originalWords);
        var runs = TokenAlignment.Unmatched(match, originalWords.Length);

        var swaps = new List<SpinSwap>(runs.Count);
        var restored = new System.Text.StringBuilder(original.Length + 16);
        var copyAt = 0;
        var swappedPositions = 0;
        var passageWords = 0;
        foreach (var run in runs)
        {
            var (copyWordsThere, originalWordsThere) = (run.CopyEnd - run.CopyStart, run.OriginalEnd - run.OriginalStart);
            if (Math.Min(copyWordsThere, originalWordsThere) == 0 && Math.Max(copyWordsThere, originalWordsThere) > MaxOneSidedWords)
            {
                passageWords += copyWordsThere;
                continue;
            }

            // The text between the anchors on either side of the run: a copy's gap is replaced by the original's, so
            // the restored text has the original's spacing and punctuation there too.
            var copyGap = Gap(copy, copyTokens, run.CopyStart, run.CopyEnd);
            var originalGap = Gap(original, originalTokens, run.OriginalStart, run.OriginalEnd);
            restored.Append(copy, copyAt, copyGap.Start - copyAt).Append(original, originalGap.Start, originalGap.Length);
            copyAt = copyGap.Start + copyGap.Length;

            var spunSpan = Words(copyTokens, run.CopyStart, run.CopyEnd, copyGap.Start);
            var originalSpan = Words(originalTokens, run.OriginalStart, run.OriginalEnd, originalGap.Start);
            swaps.Add(new SpinSwap(
                copy.Substring(spunSpan.Start, spunSpan.Length), original.Substring(originalSpan.Start, originalSpan.Length), spunSpan));
            swappedPositions += Math.Max(run.CopyEnd - run.CopyStart, run.OriginalEnd - run.OriginalStart);
        }

        restored.Append(copy, copyAt, copy.Length - copyAt);
        var matched = copyWords.Length - runs.Sum(r => r.CopyEnd - r.CopyStart) + passageWords;
        var positions = matched + swappedPositions;
        return new CopyRestorationResult(restored.ToString(), swaps, positions == 0 ? 0 : (double)swappedPositions / positions);
    }

    private static List<TokenSpan> Tokens(string text)
    {
        var tokens = new List<TokenSpan>();
        foreach (var token in new WordTokenizer(text))
        {
            tokens.Add(token);
        }

        return tokens;
    }

    // The characters between the token before `first` and the token at `end` (the text's edges where there is none).
    private static TextSpan Gap(string text, List<TokenSpan> tokens, int first, int end)
    {
        var start = first > 0 ? tokens[first - 1].Start + tokens[first - 1].Length : 0;
        var stop = end < tokens.Count ? tokens[end].Start : text.Length;
        return new TextSpan(start, stop - start);
    }

    // The words [first, end) of a run, from its first word's start to its last word's end; an empty run is the point
    // just after the anchor before it.
    private static TextSpan Words(List<TokenSpan> tokens, int first, int end, int gapStart)
    {
        if (first == end)
        {
            return new TextSpan(gapStart, 0);
        }

        var start = tokens[first].Start;
        return new TextSpan(start, tokens[end - 1].Start + tokens[end - 1].Length - start);
    }
}
