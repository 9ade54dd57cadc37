namespace Parallax.Core.Identity;

/// <summary>How many sampled anchors two texts share, and what share of each that is.</summary>
internal readonly record struct AnchorOverlap(int Shared, double AInB, double BInA)
{
    /// <summary>
    /// Merges two sorted anchor sets. When a set was cut to its smallest values, only anchors up to its largest kept
    /// value are comparable (a bottom-k sample), so both sides are counted up to that bound.
    /// </summary>
    public static AnchorOverlap Of(ReadOnlySpan<uint> a, bool aTruncated, ReadOnlySpan<uint> b, bool bTruncated)
    {
        var bound = uint.MaxValue;
        if (aTruncated && a.Length > 0)
        {
            bound = Math.Min(bound, a[^1]);
        }

        if (bTruncated && b.Length > 0)
        {
            bound = Math.Min(bound, b[^1]);
        }

        int i = 0, j = 0, shared = 0, countA = 0, countB = 0;
        while (i < a.Length && a[i] <= bound && j < b.Length && b[j] <= bound)
        {
            if (a[i] == b[j])
            {
                shared++;
                countA++;
                countB++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                countA++;
                i++;
            }
            else
            {
                countB++;
                j++;
            }
        }

        for (; i < a.Length && a[i] <= bound; i++)
        {
            countA++;
        }

        for (; j < b.Length && b[j] <= bound; j++)
        {
            countB++;
        }

        return new AnchorOverlap(shared, countA == 0 ? 0 : (double)shared / countA, countB == 0 ? 0 : (double)shared / countB);
    }
}
