using Parallax.Core.Stories;

namespace Parallax.App.Bench.Stories;

/// <summary>One point of the tuning grid with its score on the tuning split.</summary>
internal sealed record TunedOptions(StoryOptions Options, ClusteringScore Score, int GridSize);

/// <summary>Runs the online clusterer over a benchmark stream and tunes its thresholds on a split.</summary>
internal static class StoryRuns
{
    /// <summary>Streams the documents in the given order through one clusterer; returns each one's story.</summary>
    public static int[] Cluster(IReadOnlyList<StoryDocument> documents, StoryOptions options)
    {
        var clusterer = new StoryClusterer(options);
        foreach (var document in documents)
        {
            clusterer.Add(document);
        }

        var labels = new int[documents.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = clusterer.StoryOf(i);
        }

        return labels;
    }

    /// <summary>
    /// Grid search on the tuning split only (585 points): the weight of names, the join threshold, the merge threshold
    /// (as an offset above the join threshold) and the split threshold; the best B-cubed F1 wins, ties to the first.
    /// </summary>
    public static TunedOptions Tune(IReadOnlyList<StoryDocument> documents, IReadOnlyList<string> gold, StoryOptions start)
    {
        TunedOptions? best = null;
        var grid = 0;
        foreach (var entity in new[] { 2f, 3f, 4f })
        {
            for (var join = 0.06; join <= 0.301; join += 0.02)
            {
                foreach (var offset in new[] { 0.3, 0.45, 0.6 })
                {
                    foreach (var split in new[] { 0.3, 0.35, 0.4, 0.45, 0.5 })
                    {
                        var options = start with
                        {
                            JoinThreshold = Math.Round(join, 3),
                            MergeThreshold = Math.Round(join + offset, 3),
                            SplitThreshold = split,
                            EntityWeight = entity,
                        };
                        var score = ClusteringMetrics.Score(Cluster(documents, options), gold);
                        grid++;
                        if (best is null || score.BCubed.F1 > best.Score.BCubed.F1 + 1e-12)
                        {
                            best = new TunedOptions(options, score, 0);
                        }
                    }
                }
            }
        }

        return best! with { GridSize = grid };
    }
}
