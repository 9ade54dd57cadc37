namespace Parallax.Bench.Extract.Peers;

/// <summary>The peers that `parallax bench extract --peers` runs beside our extractor, in the order they are reported.</summary>
internal static class ExtractionPeers
{
    /// <summary>Readability.js 0.6 on jsdom (a node child process, set up under <paramref name="repoRoot"/>/bench/peers), then SmartReader in-process.</summary>
    public static IReadOnlyList<IExtractionPeer> All(string repoRoot) =>
    [
        new ReadabilityJsPeer(repoRoot),
        new SmartReaderPeer(),
    ];
}
