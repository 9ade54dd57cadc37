using System.Runtime.InteropServices;

namespace Parallax.Core.Spin;

/// <summary>A run of tokens left unmatched between two anchors: copy tokens [CopyStart, CopyEnd) stand where the
/// original has [OriginalStart, OriginalEnd). Either side may be empty (a word dropped or added).</summary>
public readonly record struct UnmatchedRun(int CopyStart, int CopyEnd, int OriginalStart, int OriginalEnd);

/// <summary>
/// A diff over two word sequences: which tokens of one match tokens of the other in order. Patience style, so that
/// long texts stay fast and the anchors are the ones a person would pick: words that occur once in both sides of a
/// stretch anchor it (their longest increasing run), matches grow from anchors word by word in both directions, and a
/// stretch with no such word left is aligned by a plain longest common subsequence when small enough.
/// </summary>
public static class TokenAlignment
{
    // A stretch without unique anchors is aligned cell by cell only up to this many cells (beyond, it stays unmatched:
    // by then both sides differ almost entirely anyway).
    private const long MaxTableCells = 250_000;

    /// <summary>For every token of <paramref name="copy"/>, the index of its match in <paramref name="original"/>, or -1.</summary>
    public static int[] Match(string[] copy, string[] original)
    {
        var match = new int[copy.Length];
        Array.Fill(match, -1);
        Align(copy, original, 0, copy.Length, 0, original.Length, match);
        return match;
    }

    /// <summary>The runs left unmatched, in copy order, from a match made by <see cref="Match"/>.</summary>
    public static List<UnmatchedRun> Unmatched(int[] match, int originalLength)
    {
        var runs = new List<UnmatchedRun>();
        var (copyFrom, originalFrom) = (0, 0);
        for (var i = 0; i <= match.Length; i++)
        {
            var j = i < match.Length ? match[i] : originalLength;
            if (i < match.Length && j < 0)
            {
                continue;
            }

            if (i > copyFrom || j > originalFrom)
            {
                runs.Add(new UnmatchedRun(copyFrom, i, originalFrom, j));
            }

            (copyFrom, originalFrom) = (i + 1, j + 1);
        }

        return runs;
    }

    private static void Align(string[] a, string[] b, int a0, int a1, int b0, int b1, int[] match)
    {
        // Common start and end first: most of a copy matches word for word.
        while (a0 < a1 && b0 < b1 && a[a0] == b[b0])
        {
            match[a0++] = b0++;
        }

        while (a0 < a1 && b0 < b1 && a[a1 - 1] == b[b1 - 1])
        {
            match[--a1] = --b1;
        }

        if (a0 == a1 || b0 == b1)
        {
            return;
        }

        var anchors = UniqueAnchors(a, b, a0, a1, b0, b1);
        if (anchors.Count == 0)
        {
            if ((long)(a1 - a0) * (b1 - b0) <= MaxTableCells)
            {
                CommonSubsequence(a, b, a0, a1, b0, b1, match);
            }

            return;
        }

        var (pa, pb) = (a0, b0);
        foreach (var (i, j) in anchors)
        {
            Align(a, b, pa, i, pb, j, match);
            match[i] = j;
            (pa, pb) = (i + 1, j + 1);
        }

        Align(a, b, pa, a1, pb, b1, match);
    }

    // Words that occur exactly once in both stretches, paired, reduced to their longest run increasing on both sides.
    private static List<(int A, int B)> UniqueAnchors(string[] a, string[] b, int a0, int a1, int b0, int b1)
    {
        var counts = new Dictionary<string, (int InA, int PosA, int InB, int PosB)>(StringComparer.Ordinal);
        for (var i = a0; i < a1; i++)
        {
            ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, a[i], out _);
            c = (c.InA + 1, i, c.InB, c.PosB);
        }

        for (var j = b0; j < b1; j++)
        {
            ref var c = ref CollectionsMarshal.GetValueRefOrNullRef(counts, b[j]);
            if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref c))
            {
                c = (c.InA, c.PosA, c.InB + 1, j);
            }
        }

        var pairs = new List<(int A, int B)>();
        foreach (var c in counts.Values)
        {
            if (c.InA == 1 && c.InB == 1)
            {
                pairs.Add((c.PosA, c.PosB));
            }
        }

        pairs.Sort((x, y) => x.A.CompareTo(y.A));
        return LongestIncreasing(pairs);
    }

    // Patience sorting: the longest subsequence of pairs (ordered by A) whose B increases too.
    private static List<(int A, int B)> LongestIncreasing(List<(int A, int B)> pairs)
    {
        var tails = new List<int>();
        var previous = new int[pairs.Count];
        for (var k = 0; k < pairs.Count; k++)
        {
            var (lo, hi) = (0, tails.Count);
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (pairs[tails[mid]].B < pairs[k].B)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            previous[k] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count)
            {
                tails.Add(k);
            }
            else
            {
                tails[lo] = k;
            }
        }

        var result = new List<(int A, int B)>(tails.Count);
        for (var k = tails.Count > 0 ? tails[^1] : -1; k >= 0; k = previous[k])
        {
            result.Add(pairs[k]);
        }

        result.Reverse();
        return result;
    }

    private static void CommonSubsequence(string[] a, string[] b, int a0, int a1, int b0, int b1, int[] match)
    {
        var (n, m) = (a1 - a0, b1 - b0);
        var table = new int[(n + 1) * (m + 1)];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                table[(i * (m + 1)) + j] = a[a0 + i] == b[b0 + j]
                    ? table[((i + 1) * (m + 1)) + j + 1] + 1
                    : Math.Max(table[((i + 1) * (m + 1)) + j], table[(i * (m + 1)) + j + 1]);
            }
        }

        var (x, y) = (0, 0);
        while (x < n && y < m)
        {
            if (a[a0 + x] == b[b0 + y])
            {
                match[a0 + x] = b0 + y;
                (x, y) = (x + 1, y + 1);
            }
            else if (table[((x + 1) * (m + 1)) + y] >= table[(x * (m + 1)) + y + 1])
            {
                x++;
            }
            else
            {
                y++;
            }
        }
    }
}
