using System.IO.Compression;
using System.Text.Json;
using Parallax.Bench.Extract;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;
using Xunit.Abstractions;

namespace Parallax.Bench.Tests.Extract;

/// <summary>
/// The extractor on a few real pages of ../shared/benchmarks/article-extraction, scored with the benchmark's metric.
/// Passes with a note when the benchmark is not next to the repository (a fresh clone without ../shared).
/// </summary>
public sealed class BenchmarkPagesTests(ITestOutputHelper output)
{
    private static string RepoRoot() => TestRepository.Root() ?? Directory.GetCurrentDirectory();

    [SharedDataFact("benchmarks/article-extraction/ground-truth.json")]
    public async Task Three_benchmark_pages_score_a_high_F1()
    {
        var dir = Path.GetFullPath(Path.Combine(RepoRoot(), ExtractionBenchData.DefaultRelativeDir));
        var truthFile = Path.Combine(dir, "ground-truth.json");
        if (!File.Exists(truthFile))
        {
            output.WriteLine($"skipped: no benchmark at {dir}");
            return;
        }

        using var truth = JsonDocument.Parse(await File.ReadAllTextAsync(truthFile));
        var extractor = new HtmlExtractor();
        var scores = new List<PageScore>();

        // The first three pages in id order: a fixed sample, not a chosen one.
        foreach (var entry in truth.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal).Take(3))
        {
            await using var gz = new GZipStream(File.OpenRead(Path.Combine(dir, "html", entry.Name + ".html.gz")), CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            await gz.CopyToAsync(bytes);
            var extraction = extractor.Extract(new PageInput(entry.Name, PageFormat.Html, bytes.ToArray()));
            var text = string.Join("\n\n", extraction.Articles.Select(a => a.Text));
            var score = ExtractionMetric.Score(entry.Name, entry.Value.GetProperty("articleBody").GetString()!, text);
            output.WriteLine($"{entry.Name}: F1 {score.F1:0.000}");
            scores.Add(score);
        }

        var summary = ExtractionMetric.Summarize(scores);
        Assert.True(summary.F1 >= 0.9, $"F1 {summary.F1:0.000} on three benchmark pages");
        Assert.All(scores, s => Assert.True(s.F1 >= 0.8, $"{s.Id}: F1 {s.F1:0.000}"));
    }
}
