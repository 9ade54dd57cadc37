using Parallax.Core.Pipeline;
using Parallax.Core.Stories;

namespace Parallax.Bench.Stories;

/// <summary>One point of the tuning grid with its score on the tuning split.</summary>
internal sealed record TunedOptions(StoryOptions Options, ClusteringScore Score, int GridSize, Calibration? Calibration = null);

/// <summary>Runs the online clusterer over a benchmark stream and tunes its thresholds on a split.</summary>
internal static class StoryRuns
{
    /// <summary>
    /// Streams the pages' articles in the given order through one session, as `parallax analyze` does; returns each
    /// page's story (that of its first article; a page the pipeline refused stands alone, as its document is lost).
    /// </summary>
    public static int[] Cluster(IReadOnlyList<BenchPage> pages, StoryOptions options, ITextEmbedder? embedder = null) =>
        Cluster(pages, options, embedder, out _);

    /// <inheritdoc cref="Cluster(IReadOnlyList{BenchPage}, StoryOptions, ITextEmbedder?)"/>
    public static int[] Cluster(IReadOnlyList<BenchPage> pages, StoryOptions options, ITextEmbedder? embedder, out ParallaxSession session)
    {
        var builder = new ParallaxPipelineBuilder().Configure(o => o with { Stories = options });
        if (embedder is not null)
        {
            builder.UseEmbedder(embedder);
        }

        session = builder.Build().CreateSession();
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
    /// Tuning on the tuning split only, in steps. The join threshold is the "same story" decision that `parallax
    /// pairs` also makes, so it is chosen as a pair classifier: for each weight of names, the lexical cut with the best
    /// F1 over all same-topic pairs of the split (same event = positive), each pair scored alone. The calibration
    /// (<see cref="PairStudy.Fit"/>) is fitted on the same pairs. Then the merge and split thresholds, and (with an
    /// embedder) a shift of the embedding's centre, are chosen by B-cubed F1 of the clustering; the best B-cubed F1
    /// over the whole grid wins, ties to the first. The event-level check (<see cref="StoryOptions.LocalJoinThreshold"/>)
    /// is off during that grid and chosen last, strictest value first.
    /// </summary>
    public static TunedOptions Tune(
        IReadOnlyList<EcbDocument> train, IReadOnlyList<BenchPage> documents, IReadOnlyList<string> gold, StoryOptions start, ITextEmbedder? embedder)
    {
        var texts = train.Select(d => d.Text).ToList();
        var topics = train.Select(d => d.Topic).ToList();
        TunedOptions? best = null;
        var grid = 0;
        start = start with { LocalJoinThreshold = 0 };
        // Names weigh 1.5, not tuned: a name already counts as a name word, as part of its run and as an ordinary word,
        // and at 3 (what topics 1-22 prefer) names carried most of every similarity, joining different developments
        // that share people or places. The bench prints the share they carry now.
        foreach (var entity in new[] { 1.5f })
        {
            var pairJoin = PairThreshold(texts, topics, gold, start with { EntityWeight = entity });
            var calibrated = start with { EntityWeight = entity, JoinThreshold = pairJoin };
            var calibration = PairStudy.Fit(train, calibrated, embedder);
            calibrated = calibrated with
            {
                LexicalSlope = Math.Round(calibration.LexicalSlope, 2),
                EmbeddingLexicalSlope = Math.Round(calibration.EmbeddingLexicalSlope, 2),
                EmbeddingSlope = Math.Round(calibration.EmbeddingSlope, 2),
                EmbeddingCenter = Math.Round(calibration.EmbeddingCenter, 3),
            };
            if (embedder is not null)
            {
                // The embedding is worth its cost only where it can change the verdict: where the lexical margin is
                // smaller than what an embedding cosine 0.1 off its centre can outweigh.
                var margin = calibration.EmbeddingSlope * 0.1 / calibration.EmbeddingLexicalSlope;
                var edge = Math.Round(1 / (1 + Math.Exp(calibration.LexicalSlope * margin)), 2);
                calibrated = calibrated with { AmbiguousLow = edge, AmbiguousHigh = Math.Round(1 - edge, 2) };
            }
            // The stream's idf (hundreds of articles) is not a lone pair's: the clusterer's cut is searched just
            // below the pair cut, where a larger collection puts the same pairs' cosines.
            foreach (var (join, shift) in JoinGrid(pairJoin, embedder is not null))
            {
                foreach (var offset in new[] { 0.3, 0.45, 0.6 })
                {
                    foreach (var split in new[] { 0.3, 0.4, 0.5 })
                    {
                        var options = calibrated with
                        {
                            JoinThreshold = join,
                            MergeThreshold = Math.Round(join + offset, 3),
                            SplitThreshold = split,
                            EmbeddingCenter = Math.Round(calibrated.EmbeddingCenter + shift, 3),
                        };
                        var score = ClusteringMetrics.Score(Cluster(documents, options, embedder), gold);
                        grid++;
                        if (best is null || score.BCubed.F1 > best.Score.BCubed.F1 + 1e-12)
                        {
                            best = new TunedOptions(options, score, 0, calibration);
                        }
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
            var score = ClusteringMetrics.Score(Cluster(documents, options, embedder), gold);
            grid++;
            if (pick is null || score.BCubed.F1 > pick.Score.BCubed.F1 + 1e-12)
            {
                pick = chosen with { Options = options, Score = score };
            }
        }

        return pick! with { GridSize = grid };
    }

    private static IEnumerable<(double Join, double Shift)> JoinGrid(double pairJoin, bool embeddings)
    {
        foreach (var join in new[] { pairJoin - 0.04, pairJoin - 0.02, pairJoin })
        {
            foreach (var shift in embeddings ? new[] { -0.03, 0.0, 0.03 } : [0.0])
            {
                yield return (Math.Round(join, 3), shift);
            }
        }
    }

    /// <summary>The similarity cut (0.06 to 0.40, step 0.01) with the best F1 over same-topic pairs.</summary>
    public static double PairThreshold(IReadOnlyList<string> texts, IReadOnlyList<int> topics, IReadOnlyList<string> gold, StoryOptions options)
    {
        var scorer = new SameStoryScorer(options);

        var pairs = new List<(double Similarity, bool Same)>();
        for (var a = 0; a < texts.Count; a++)
        {
            for (var b = a + 1; b < texts.Count; b++)
            {
                if (topics[a] == topics[b])
                {
                    pairs.Add((scorer.Explain(texts[a], texts[b]).Lexical, gold[a] == gold[b]));
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
