namespace Parallax.Core.Spin;

/// <summary>How strongly a text looks spun, and its body with the usual wording restored.</summary>
/// <param name="Score">0 (natural wording) to 1 (heavily spun).</param>
/// <param name="Spun">True when <paramref name="Score"/> is above the detector's threshold.</param>
/// <param name="Restored">The body with the usual wording put back, or null when not spun.</param>
public sealed record SpinResult(double Score, bool Spun, string? Restored)
{
    public static SpinResult Natural { get; } = new(0, false, null);
}
