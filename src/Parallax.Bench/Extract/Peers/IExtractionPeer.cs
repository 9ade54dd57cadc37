namespace Parallax.Bench.Extract.Peers;

/// <summary>One page of the extraction benchmark, already decompressed.</summary>
internal sealed record BenchPage(string Id, string Html, string? Url);

/// <summary>What a peer made of the pages: one text per page (empty when it failed), seconds per pass, peak memory.</summary>
internal sealed record PeerRun(string Name, IReadOnlyList<string> Texts, IReadOnlyList<double> PassSeconds, long? PeakMemoryBytes, string? Error);

/// <summary>Another extractor run on the same pages in the same invocation, for comparison.</summary>
internal interface IExtractionPeer
{
    string Name { get; }
    Task<PeerRun> RunAsync(IReadOnlyList<BenchPage> pages, int passes, CancellationToken cancellationToken);
}
