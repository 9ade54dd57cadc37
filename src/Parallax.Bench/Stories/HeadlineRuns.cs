using System.Globalization;
using Parallax.Core.Pipeline;
using Parallax.Core.Stories;

namespace Parallax.Bench.Stories;

/// <summary>The UCI headline sample in `bench stories`: title-only reports, the short-report path of the session.</summary>
internal static class HeadlineRuns
{
    /// <summary>
    /// The headline sample, streamed in time order, title only: once with the shipped options (tuned on ECB+), and
    /// once with the short-report lexical centre and the embedding centre re-tuned for headlines on the first 44 stories of the file (the file is grouped by
    /// story), reported on the other 43 and on all.
    /// </summary>
    public static async Task<List<SetFigures>> RunAsync(
        string benchmarks, StoryOptions options, ParallaxPipeline pipeline, ITextEmbedder? embedder, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(benchmarks, BenchData.HeadlinesFolder, "uci_news_aggregator_first6366.csv")))
        {
            return [];
        }

        var inFileOrder = await BenchData.ReadHeadlinesAsync(benchmarks, cancellationToken);
        var storyRank = new Dictionary<string, int>();
        foreach (var h in inFileOrder)
        {
            storyRank.TryAdd(h.Story, storyRank.Count);
        }

        var all = inFileOrder.OrderBy(h => h.Published).ToList();
        var tuning = all.Where(h => storyRank[h.Story] < 44).ToList();
        var rest = all.Where(h => storyRank[h.Story] >= 44).ToList();
        ClusteringScore Score(List<Headline> set, StoryOptions o)
        {
            var docs = set.Select((h, i) => BenchPages.FromTitle($"h{i}", h.Title, h.Publisher, h.Published, pipeline)).ToList();
            return ClusteringMetrics.Score(StoryRuns.Cluster(docs, o, embedder), set.Select(h => h.Story).ToList());
        }

        // Titles are short reports: their lexical centre (StoryOptions.ShortJoinThreshold) and the embedding's centre.
        StoryOptions For(double join, double centre) => options with { ShortJoinThreshold = join, EmbeddingCenter = centre };
        var (bestJoin, bestCentre, bestF1) = (options.ShortJoinThreshold, options.EmbeddingCenter, -1.0);
        for (var join = 0.0; join <= 0.401; join += 0.02)
        {
            foreach (var shift in embedder is null ? [0.0] : new[] { -0.04, -0.02, 0.0, 0.02 })
            {
                var centre = Math.Round(options.EmbeddingCenter + shift, 3);
                var f1 = Score(tuning, For(Math.Round(join, 2), centre)).BCubed.F1;
                if (f1 > bestF1 + 1e-12)
                {
                    (bestJoin, bestCentre, bestF1) = (Math.Round(join, 2), centre, f1);
                }
            }
        }

        var headlineOptions = For(bestJoin, bestCentre);
        var tuned = string.Create(CultureInfo.InvariantCulture, $"short join {bestJoin}, embedding centre {bestCentre} tuned on stories 1-44");
        return
        [
            new SetFigures($"UCI headlines, all {all.Count}", "time order, shipped options", Score(all, options)),
            new SetFigures($"UCI headlines, stories 45-87 ({rest.Count})", $"time order, {tuned}", Score(rest, headlineOptions)),
            new SetFigures($"UCI headlines, all {all.Count}", $"time order, {tuned}", Score(all, headlineOptions)),
        ];
    }
}
