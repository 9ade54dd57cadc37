namespace Parallax.Core.Spin;

/// <summary>Scores spinning and restores the usual wording. PLACEHOLDER: being written.</summary>
public sealed class SpinAnalyzer
{
    public SpinResult Analyze(string text) => SpinResult.Natural;
}
