using System.Globalization;

namespace Parallax.Bench.Pipeline;

/// <summary>The figures of `parallax bench pipeline`, as plain lines on standard output, each with its target where the issue sets one.</summary>
internal sealed class PipelineReport(TextWriter output)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public void Stream(int sourceDocuments, string parallax)
    {
        output.WriteLine(string.Create(Inv,
            $"stream: SyntheticStream (seed 7) from the {sourceDocuments} ECB+ documents: each synthetic event rewrites one gold event's " +
            $"sentences with its own made-up names, numbers and words; 1 to 8 reports an event, about 300 events live at once, 2.5 s between " +
            $"articles from 2026-01-01; {SyntheticStreamRates()}. Written as JSON lines {{url, title, text, published, source}}, " +
            $"{StreamFiles.LinesPerFile:N0} a file, {StreamFiles.Sources} fictional publishers. Searches: {StreamFiles.SearchQueryCount:N0} queries of one or two words, " +
            $"each a made-up name from the titles or one of the {StreamFiles.CommonWordCount} most frequent words of the texts."));
        output.WriteLine($"parallax: {parallax} (each stage is its own child process: import, serve, worker)");
    }

    /// <returns>Whether the figures meet their targets (every article stored exactly once; the rate where one is set).</returns>
    public bool Ingest(IngestFigures figures, double? rateTarget)
    {
        var rateOk = rateTarget is null || figures.ArticlesPerSecond >= rateTarget;
        var target = rateTarget is null ? string.Empty : string.Create(Inv, $" (target >= {rateTarget:N0}/s: {(rateOk ? "met" : "MISSED")})");
        output.WriteLine(string.Create(Inv,
            $"{figures.Store}: {figures.Streamed:N0} articles in {figures.Seconds:N1} s end to end = {figures.ArticlesPerSecond:N0} articles/s{target}; " +
            $"peak memory {figures.PeakResidentBytes / 1048576.0:N0} MB (child's VmHWM); stored {figures.Stored:N0} articles in {figures.Stories:N0} stories, " +
            $"failed {figures.Failed:N0}; exactly once: {(figures.ExactlyOnce ? "yes" : "NO")}"));
        output.WriteLine($"  command said: {figures.Output}");
        if (figures.Stages is not null)
        {
            output.WriteLine($"  stages: {figures.Stages}");
        }

        return rateOk && figures.ExactlyOnce;
    }

    public void Reopen(ReopenFigures figures) => output.WriteLine(string.Create(Inv,
        $"  reopen{(figures.WithoutEmbeddings ? " without stored embeddings" : string.Empty)}: {figures.Seconds:N1} s end to end, " +
        $"peak memory {figures.PeakResidentBytes / 1048576.0:N0} MB; {figures.Note}"));

    /// <returns>Whether every endpoint answered without error (and, where the target applies, with p99 under 50 ms).</returns>
    public bool Load(int stored, PipelineRequest request, IReadOnlyList<EndpointFigures> endpoints, long serverPeakBytes, ReplayTiming replay, bool latencyTarget)
    {
        output.WriteLine(string.Create(Inv,
            $"serve ({stored:N0} articles stored): {request.Clients} clients for {request.Duration.TotalSeconds:N0} s; server peak memory {serverPeakBytes / 1048576.0:N0} MB; {replay.Describe()}"));
        var ok = true;
        foreach (var e in endpoints)
        {
            var verdict = e.MeetsTarget ? "p99 < 50 ms: yes" : "p99 < 50 ms: NO";
            output.WriteLine(string.Create(Inv,
                $"  {e.Endpoint,-26} requests {e.Requests,8:N0} ({e.Requests / request.Duration.TotalSeconds,6:N0}/s)  errors {e.Errors}  " +
                $"p50 {e.P50Ms,7:N1} ms  p95 {e.P95Ms,7:N1} ms  p99 {e.P99Ms,7:N1} ms  max {e.MaxMs,7:N1} ms  cold {e.ColdMs,7:N1} ms  " +
                $"cache hits {e.CacheHitRatio,4:P0} over {e.Addresses:N0} addresses  {verdict}"));
            ok &= e.Errors == 0 && e.Requests > 0 && (!latencyTarget || e.MeetsTarget);
        }

        return ok;
    }

    public void Note(string line) => output.WriteLine(line);

    public void PostgresSkipped(string why) => output.WriteLine($"PostgreSQL: skipped ({why}).");

    private static string SyntheticStreamRates() => string.Create(Inv,
        $"{Scale.SyntheticStream.ExactCopyRate:P0} exact and {Scale.SyntheticStream.NearCopyRate:P0} near copies of recent articles");
}
