using Parallax.Core.Language;
using Parallax.Core.Spin;

namespace Parallax.Bench.Spin;

/// <summary>How many of a spinner's substitutions a restored text puts back.</summary>
/// <param name="Substitutions">Places where the spinner put other words for the original's (both sides non-empty),
/// found by aligning the original and the spun word sequences.</param>
/// <param name="Restored">Those whose original words all stand, in order and with nothing between them, between the
/// same anchors of the restored text.</param>
internal readonly record struct SubstitutionCount(int Substitutions, int Restored)
{
    public double Share => Substitutions == 0 ? 0 : (double)Restored / Substitutions;

    public static SubstitutionCount operator +(SubstitutionCount a, SubstitutionCount b) =>
        new(a.Substitutions + b.Substitutions, a.Restored + b.Restored);

    /// <summary>Counts the substitutions of <paramref name="spun"/> against <paramref name="original"/> that
    /// <paramref name="restored"/> puts back (case aside).</summary>
    public static SubstitutionCount Of(string original, string spun, string restored)
    {
        var o = WordTokenizer.LowerWords(original).ToArray();
        var s = WordTokenizer.LowerWords(spun).ToArray();
        var r = WordTokenizer.LowerWords(restored).ToArray();
        var spunMatch = TokenAlignment.Match(s, o);
        var restoredMatch = TokenAlignment.Match(r, o);

        // For each original word, the restored word matched to it (-1 when none).
        var inRestored = new int[o.Length];
        Array.Fill(inRestored, -1);
        for (var i = 0; i < restoredMatch.Length; i++)
        {
            if (restoredMatch[i] >= 0)
            {
                inRestored[restoredMatch[i]] = i;
            }
        }

        var (substitutions, restoredCount) = (0, 0);
        foreach (var run in TokenAlignment.Unmatched(spunMatch, o.Length))
        {
            if (run.CopyStart == run.CopyEnd || run.OriginalStart == run.OriginalEnd)
            {
                continue;
            }

            substitutions++;
            restoredCount += PutBack(run, inRestored) ? 1 : 0;
        }

        return new SubstitutionCount(substitutions, restoredCount);
    }

    // The run's original words are matched in the restored text one after another, and the anchors either side (where
    // matched) hold them in with no extra word.
    private static bool PutBack(UnmatchedRun run, int[] inRestored)
    {
        for (var j = run.OriginalStart; j < run.OriginalEnd; j++)
        {
            if (inRestored[j] < 0 || (j > run.OriginalStart && inRestored[j] != inRestored[j - 1] + 1))
            {
                return false;
            }
        }

        var before = run.OriginalStart == 0 ? -1 : inRestored[run.OriginalStart - 1];
        var after = run.OriginalEnd == inRestored.Length ? -1 : inRestored[run.OriginalEnd];
        return (before < 0 || inRestored[run.OriginalStart] == before + 1)
            && (after < 0 || after == inRestored[run.OriginalEnd - 1] + 1);
    }
}
