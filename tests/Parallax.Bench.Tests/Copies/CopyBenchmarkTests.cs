using Parallax.Bench.Copies;
using Parallax.Bench.Stories;
using Parallax.Core.Spin;
using Spectre.Console;
using Xunit.Abstractions;

namespace Parallax.Bench.Tests.Copies;

[Collection(nameof(CopyBenchmarkTests))]
public sealed class CopyBenchmarkTests(ITestOutputHelper output)
{
    /// <summary>A quick run on the first ECB+ topics (all their articles, so same-event articles are present).</summary>
    [SharedDataFact("benchmarks/story-clustering/ecbplus")]
    public async Task Sample_run_links_spun_copies_and_no_two_different_articles()
    {
        var documents = await LoadAsync(maxTopic: 8);
        if (documents is null)
        {
            return;
        }

        var result = CopyBenchmark.Run(documents, rates: [0.3]);
        Print(result);
        var at30 = Assert.Single(result.Spin);
        Assert.True(at30.LinkedShare >= 0.9, $"linked {at30.LinkedShare:F3}");
        Assert.Equal(0, at30.WrongLinksOtherEvent);
        Assert.Equal(0, result.OriginalPairs.Count(p => !p.SameEvent));
        Assert.True(result.Sanity.Exact >= 0.99 && result.Sanity.Near >= 0.95, $"{result.Sanity}");
        Assert.True(result.Sanity.Contained >= 0.9 && result.Sanity.Fuller >= 0.9, $"{result.Sanity}");
    }

    /// <summary>The whole benchmark (all 982 articles, 10/30/50%, with and without restoration): PARALLAX_COPY_BENCH=full.</summary>
    [SharedDataFact("benchmarks/story-clustering/ecbplus")]
    public async Task Full()
    {
        if (Environment.GetEnvironmentVariable("PARALLAX_COPY_BENCH") != "full")
        {
            output.WriteLine("Set PARALLAX_COPY_BENCH=full to run the whole copy benchmark.");
            return;
        }

        var documents = await LoadAsync(maxTopic: int.MaxValue);
        Assert.NotNull(documents);
        var analyzer = Environment.GetEnvironmentVariable("PARALLAX_COPY_BENCH_RESTORE") == "0" ? null : SpinAnalyzer.CreateDefault();
        Print(CopyBenchmark.Run(documents, analyzer));
    }

    /// <summary>Speed and memory of the index alone on a synthetic stream: PARALLAX_COPY_SCALE=100000 (default 20,000).</summary>
    [SharedDataFact("benchmarks/story-clustering/ecbplus")]
    public async Task Scale()
    {
        var documents = await LoadAsync(maxTopic: int.MaxValue);
        if (documents is null)
        {
            return;
        }

        var count = int.TryParse(Environment.GetEnvironmentVariable("PARALLAX_COPY_SCALE"), out var n) ? n : 20_000;
        var figures = CopyBenchmark.RunScale(documents, count);
        output.WriteLine($"{figures.Articles} articles: {figures.ArticlesPerSecond:F0}/s, {figures.BytesPerArticle:F0} bytes/article, " +
            $"peak working set {figures.PeakWorkingSetBytes / (1 << 20)} MiB, {figures.Links} links");
        Assert.True(figures.Links >= count / 10, "the exact and near copies in the stream must be linked");
        Assert.True(figures.BytesPerArticle < 4096, $"{figures.BytesPerArticle:F0} bytes per article");
    }

    private async Task<IReadOnlyList<CopyBenchDocument>?> LoadAsync(int maxTopic)
    {
        var benchmarks = TestRepository.BenchmarksRoot();
        if (benchmarks is null)
        {
            output.WriteLine("../shared/benchmarks not found: nothing to measure.");
            return null;
        }

        var documents = new List<CopyBenchDocument>();
        foreach (var doc in await BenchData.ReadEcbPlusAsync(benchmarks, CancellationToken.None))
        {
            if (doc.Topic <= maxTopic)
            {
                documents.Add(new CopyBenchDocument(doc.Id, doc.EventCluster, doc.Text));
            }
        }

        return documents;
    }

    private void Print(CopyBenchmarkResult result)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;
        CopyBenchmark.Print(result, console);
        output.WriteLine(writer.ToString());
    }
}

/// <summary>
/// The copy benchmarks run alone: <see cref="CopyBenchmarkTests.Scale"/> measures the managed heap's growth, and the
/// tests beside it grew the same heap (a clean-clone CI run read 4,171 bytes per article, 664 when run alone).
/// </summary>
[CollectionDefinition(nameof(CopyBenchmarkTests), DisableParallelization = true)]
public sealed class CopyBenchmarkCollection;
