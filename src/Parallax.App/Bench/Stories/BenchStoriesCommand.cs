using System.CommandLine;
using System.Diagnostics;
using Parallax.Core.Stories;

namespace Parallax.App.Bench.Stories;

/// <summary>`parallax bench stories`: story clustering on ECB+ and headlines, copy and spin figures, scale.</summary>
internal static class BenchStoriesCommand
{
    public static Command Create()
    {
        var command = new Command("stories", "Story clustering, copy and spin benchmark.");
        command.SetAction((result, cancellationToken) => RunAsync(cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var benchmarks = BenchData.BenchmarksRoot();
        if (benchmarks is null)
        {
            await Console.Error.WriteLineAsync("parallax: ../shared/benchmarks not found next to the repository; nothing to measure.");
            return 2;
        }

        var documents = await BenchData.ReadEcbPlusAsync(benchmarks, cancellationToken);
        var train = documents.Where(d => d.Topic <= 22).ToList();
        var test = documents.Where(d => d.Topic >= 23).ToList();
        var watch = Stopwatch.StartNew();
        var tuned = StoryRuns.Tune(Docs(train), Gold(train), StoryOptions.Default);
        Console.WriteLine($"tuned in {watch.Elapsed.TotalSeconds:0.0}s over {tuned.GridSize}: {tuned.Options} train {tuned.Score.BCubed}");
        foreach (var (name, set) in new[] { ("test", test), ("all", documents.ToList()) })
        {
            var score = ClusteringMetrics.Score(StoryRuns.Cluster(Docs(set), tuned.Options), Gold(set));
            Console.WriteLine($"{name}: B3 {score.BCubed} pair {score.Pairwise} clusters {score.Clusters}/{score.GoldClusters}");
            if (Environment.GetEnvironmentVariable("PARALLAX_DIAG") is not null)
            {
                var labels = StoryRuns.Cluster(Docs(set), tuned.Options);
                foreach (var g in labels.Select((l, i) => (l, set[i].EventCluster)).GroupBy(x => x.l))
                {
                    var parts = g.GroupBy(x => x.EventCluster).Select(x => $"{x.Key}x{x.Count()}");
                    Console.WriteLine($"  {g.Key}: {string.Join(' ', parts)}");
                }
            }
        }

        watch.Restart();
        var baseline = AverageLinkBaseline.Build(train.Select(d => d.Text).ToList());
        var (bestT, bestF) = (0.0, -1.0);
        for (var t = 0.02; t < 0.9; t += 0.01)
        {
            var f = ClusteringMetrics.Score(baseline.Cut(t), Gold(train)).BCubed.F1;
            if (f > bestF)
            {
                (bestT, bestF) = (t, f);
            }
        }

        Console.WriteLine($"baseline tuned t={bestT:0.00} train F1 {bestF:0.000} in {watch.Elapsed.TotalSeconds:0.0}s");
        foreach (var (name, set) in new[] { ("test", test), ("all", documents.ToList()) })
        {
            var b = AverageLinkBaseline.Build(set.Select(d => d.Text).ToList());
            var score = ClusteringMetrics.Score(b.Cut(bestT), Gold(set));
            Console.WriteLine($"baseline {name}: B3 {score.BCubed} pair {score.Pairwise}");
        }

        return 0;
    }

    private static List<StoryDocument> Docs(IEnumerable<EcbDocument> set) => set.Select(d => new StoryDocument(null, d.Text)).ToList();

    private static List<string> Gold(IEnumerable<EcbDocument> set) => set.Select(d => d.EventCluster).ToList();
}
