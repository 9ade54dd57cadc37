using Parallax.Core.Pipeline;
using Parallax.Core.Stories;

namespace Parallax.Bench.Stories;

/// <summary>One point of the tuning grid with its score on the tuning split.</summary>
internal sealed record TunedOptions(StoryOptions Options, ClusteringScore Score, int GridSize);

/// <summary>Runs the online clusterer over a benchmark stream and tunes its thresholds on a split.</summary>
internal static class StoryRuns
{
    /// <summary>
    /// Streams the pages' articles in the given order through one session, as `parallax analyze` does; returns each
    /// page's story (that of its first article; a page the pipeline refused stands alone, as its document is lost).
    /// </summary>
    public static int[] Cluster(IReadOnlyList<BenchPage> pages, StoryOptions options) => Cluster(pages, options, out _);

    /// <inheritdoc cref="Cluster(IReadOnlyList{BenchPage}, StoryOptions)"/>
    public static int[] Cluster(IReadOnlyList<BenchPage> pages, StoryOptions options, out ParallaxSession session)
    {
        session = new ParallaxPipelineBuilder().Configure(o => o with { Stories = options }).Build().CreateSession();
        var first = new string?[pages.Count];
        for (var i = 0; i < pages.Count; i++)
        {
            foreach (var article in pages[i].Articles)
            {
                var id = session.Add(article).ArticleId;
                first[i] ??= id;
            }
        }

        var labels = new int[pages.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = first[i] is { } id ? session.StoryOf(id) : -1 - i;
        }

        return labels;
    }

    /// <summary>
    /// Tuning on the tuning split only, in two steps. The join threshold is the "same story" decision that
    /// `parallax pairs` also makes, so it is chosen as a pair classifier: for each weight of names, the threshold with
    /// the best F1 over all same-topic pairs of the split (same event = positive), document frequencies from the split.
    /// Then, with that threshold, the merge and split thresholds are chosen by B-cubed F1 of the clustering; the best
    /// B-cubed F1 over the whole grid wins, ties to the first. The event-level check
    /// (<see cref="StoryOptions.LocalJoinThreshold"/>) is off during that grid and chosen last, strictest value first.
    /// </summary>
    public static TunedOptions Tune(
        IReadOnlyList<string> texts, IReadOnlyList<int> topics, IReadOnlyList<BenchPage> documents, IReadOnlyList<string> gold, StoryOptions start)
    {
        TunedOptions? best = null;
        var grid = 0;
        start = start with { LocalJoinThreshold = 0 };
        foreach (var entity in new[] { 2f, 3f, 4f })
        {
            var join = PairThreshold(texts, topics, gold, start with { EntityWeight = entity });
            foreach (var offset in new[] { 0.3, 0.45, 0.6 })
            {
                foreach (var split in new[] { 0.3, 0.35, 0.4, 0.45, 0.5 })
                {
                    var options = start with
                    {
                        JoinThreshold = join,
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

        // The event-level check last, on the best point: strictest first, so that where topics 1-22 cannot tell
        // values apart the stricter check (which keeps small one-region batches apart) wins the tie.
        var chosen = best!;
        TunedOptions? pick = null;
        foreach (var local in new[] { 0.22, 0.19, 0.16, 0.13, 0.10, 0.05, 0.0 })
        {
            var options = chosen.Options with { LocalJoinThreshold = local };
            var score = ClusteringMetrics.Score(Cluster(documents, options), gold);
            grid++;
            if (pick is null || score.BCubed.F1 > pick.Score.BCubed.F1 + 1e-12)
            {
                pick = new TunedOptions(options, score, 0);
            }
        }

        best = pick!;
        return best! with { GridSize = grid };
    }

    /// <summary>The similarity cut (0.06 to 0.40, step 0.01) with the best F1 over same-topic pairs.</summary>
    public static double PairThreshold(IReadOnlyList<string> texts, IReadOnlyList<int> topics, IReadOnlyList<string> gold, StoryOptions options)
    {
        var scorer = new SameStoryScorer(options);
        foreach (var text in texts)
        {
            scorer.Learn(text);
        }

        var pairs = new List<(double Similarity, bool Same)>();
        for (var a = 0; a < texts.Count; a++)
        {
            for (var b = a + 1; b < texts.Count; b++)
            {
                if (topics[a] == topics[b])
                {
                    pairs.Add((scorer.Score(texts[a], texts[b], learn: false).Similarity, gold[a] == gold[b]));
                }
            }
        }

        var positives = pairs.Count(p => p.Same);
        var (bestCut, bestF1) = (0.06, -1.0);
        for (var cut = 0.06; cut <= 0.401; cut += 0.01)
        {
            int tp = 0, fp = 0;
            foreach (var (similarity, same) in pairs)
            {
                if (similarity >= cut)
                {
                    tp += same ? 1 : 0;
                    fp += same ? 0 : 1;
                }
            }

            var f1 = tp == 0 ? 0 : new Prf((double)tp / (tp + fp), (double)tp / positives).F1;
            if (f1 > bestF1 + 1e-12)
            {
                (bestCut, bestF1) = (Math.Round(cut, 2), f1);
            }
        }

        return bestCut;
    }
}
