using System.CommandLine;
using System.Globalization;
using Parallax.Core.Stories;

namespace Parallax.Bench.Stories;

internal static class ProbeCommand
{
    public static Command Create()
    {
        var command = new Command("probe", "scratch");
        command.SetAction((_, ct) => RunAsync(ct));
        return command;
    }

    private static async Task<int> RunAsync(CancellationToken ct)
    {
        var documents = await BenchData.ReadEcbPlusAsync(BenchPaths.BenchmarksRoot()!, ct);
        using var model = new Parallax.Embeddings.ArcticEmbedder();
        var embedder = new CachedEmbedder(model, Path.Combine(Path.GetTempPath(), "parallax-bench", "arctic-embed-xs.cache"));
        var baseOptions = StoryOptions.Default with { JoinThreshold = 0.19, MergeThreshold = 0.49, SplitThreshold = 0.4, EntityWeight = 3, LexicalSlope = 12.52, EmbeddingLexicalSlope = 9.98, EmbeddingSlope = 8.03, EmbeddingCenter = 0.863 };
        var inv = CultureInfo.InvariantCulture;
        foreach (var line in (Environment.GetEnvironmentVariable("PROBE") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var o = baseOptions;
            var useEmb = true;
            foreach (var kv in line.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var (k, v) = (kv.Split('=')[0], double.Parse(kv.Split('=')[1], inv));
                o = k switch
                {
                    "j" => o with { JoinThreshold = v },
                    "m" => o with { MergeThreshold = v },
                    "s" => o with { SplitThreshold = v },
                    "e" => o with { EntityWeight = (float)v },
                    "l" => o with { LocalJoinThreshold = v },
                    "c" => o with { EmbeddingCenter = v },
                    "es" => o with { EmbeddingSlope = v },
                    "el" => o with { EmbeddingLexicalSlope = v },
                    "lo" => o with { AmbiguousLow = v },
                    "hi" => o with { AmbiguousHigh = v },
                    "bg" => o with { BackgroundDocuments = v },
                    "tb" => o with { TitleBoost = (float)v },
                    _ => o,
                };
                if (k == "noemb")
                {
                    useEmb = false;
                }
            }

            double F(IEnumerable<EcbDocument> set)
            {
                var list = set.ToList();
                return ClusteringMetrics.Score(StoryRuns.Cluster(BenchStoriesCommand.Docs(list), o, useEmb ? embedder : null), list.Select(d => d.EventCluster).ToList()).BCubed.F1;
            }

            embedder.ResetCounts();
            var all = F(documents);
            var n = embedder.Requested;
            var shuffled = new List<double>();
            for (var seed = 1; seed <= 4; seed++)
            {
                var order = documents.ToArray();
                new Random(seed).Shuffle(order);
                shuffled.Add(F(order));
            }

            Console.WriteLine(string.Create(inv, $"{line,-40} train {F(documents.Where(d => d.Topic <= 22)):0.000} test {F(documents.Where(d => d.Topic >= 23)):0.000} all {all:0.000} shuf-min {shuffled.Min():0.000} emb {n}"));
        }

        return 0;
    }
}
