namespace Parallax.App.Web;

/// <summary>One run of a word diff: words both texts share, or words only the old or only the new text has.</summary>
public sealed record DiffRun(DiffKind Kind, string Text);

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>
/// A word diff of two texts for people, paragraph by paragraph: the spun wording against the restored one. Each
/// paragraph pair is aligned by the longest common subsequence of its words (spinning swaps words in place, so the
/// paragraphs line up); a pair too long for that is shown as removed and added whole rather than spending the memory.
/// </summary>
public static class WordDiff
{
    private const int MaxWordsPerParagraph = 2_000;

    public static IReadOnlyList<IReadOnlyList<DiffRun>> Paragraphs(string before, string after)
    {
        var a = Display.Paragraphs(before).ToList();
        var b = Display.Paragraphs(after).ToList();
        var result = new List<IReadOnlyList<DiffRun>>();
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            result.Add(Words(i < a.Count ? a[i] : string.Empty, i < b.Count ? b[i] : string.Empty));
        }

        return result;
    }

    public static IReadOnlyList<DiffRun> Words(string before, string after)
    {
        var a = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = after.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var runs = new List<DiffRun>();
        if (a.Length > MaxWordsPerParagraph || b.Length > MaxWordsPerParagraph)
        {
            Add(runs, DiffKind.Removed, string.Join(' ', a));
            Add(runs, DiffKind.Added, string.Join(' ', b));
            return runs;
        }

        // lengths[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Add(runs, DiffKind.Same, a[x]);
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                // The spun word first, then the restored one: "<del>stated</del> <ins>said</ins>".
                Add(runs, DiffKind.Removed, a[x++]);
            }
            else
            {
                Add(runs, DiffKind.Added, b[y++]);
            }
        }

        return runs;
    }

    /// <summary>Appends a word, joining it to the last run when that is of the same kind.</summary>
    private static void Add(List<DiffRun> runs, DiffKind kind, string word)
    {
        if (word.Length == 0)
        {
            return;
        }

        if (runs.Count > 0 && runs[^1].Kind == kind)
        {
            runs[^1] = runs[^1] with { Text = runs[^1].Text + " " + word };
        }
        else
        {
            runs.Add(new DiffRun(kind, word));
        }
    }
}
