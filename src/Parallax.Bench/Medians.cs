namespace Parallax.Bench;

/// <summary>The median every bench reports its timings and scores by.</summary>
internal static class Medians
{
    /// <summary>The middle value, or the mean of the two middle values; 0 for no values.</summary>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
