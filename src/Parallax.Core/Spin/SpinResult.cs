namespace Parallax.Core.Spin;

/// <summary>How strongly a text looks spun, and its body with the usual wording restored.</summary>
/// <param name="Score">0 (natural wording) to 1 (heavily spun).</param>
/// <param name="Spun">True when <paramref name="Score"/> is above the detector's threshold, or when the text is a spun
/// copy restored from its original with at least one swap.</param>
/// <param name="Restored">The body with the usual wording put back, or null when not spun.</param>
/// <param name="Swaps">For a spun copy restored from its original: every swapped place (spun phrase, original phrase,
/// where it stands in the copy's text); null otherwise.</param>
/// <param name="RestoredFrom">The id of the original the copy was restored from, or null.</param>
/// <param name="SwappedShare">For a copy restored from its original: the measured share of swapped words, 0..1; null
/// otherwise.</param>
public sealed record SpinResult(
    double Score, bool Spun, string? Restored, IReadOnlyList<SpinSwap>? Swaps = null, string? RestoredFrom = null,
    double? SwappedShare = null)
{
    public static SpinResult Natural { get; } = new(0, false, null);

    /// <summary>This result with the restoration read against the copy's original, <paramref name="originalId"/>.</summary>
    public SpinResult FromOriginal(CopyRestorationResult restoration, string originalId)
    {
        ArgumentNullException.ThrowIfNull(restoration);
        var swapped = restoration.Swaps.Count > 0;
        return this with
        {
            Spun = Spun || swapped,
            Restored = swapped ? restoration.Restored : Restored,
            Swaps = restoration.Swaps,
            RestoredFrom = originalId,
            SwappedShare = restoration.SwappedShare,
        };
    }
}
