using Parallax.Core.Stories;

namespace Parallax.Bench.Stories;

/// <summary>Spearman's correlation of one similarity with the three-level gold.</summary>
internal sealed record GradedFigure(string Similarity, double Spearman);

/// <summary>The graded-pairs study: which pairs, how each similarity ranks them, and how many went to the model.</summary>
internal sealed record PairStudyFigures(int Pairs, int SameEvent, int SameTopic, int OtherTopic, int Embedded, IReadOnlyList<GradedFigure> Figures, double NameShare);

/// <summary>Logistic fits of "same event" on pairs of the tuning split (the calibration the options ship).</summary>
internal sealed record Calibration(double LexicalSlope, double EmbeddingLexicalSlope, double EmbeddingSlope, double EmbeddingCenter, int Pairs);

/// <summary>
/// ECB+ pairs with a three-level gold (same event 2, same topic and another event 1, another topic 0), and the
/// logistic fits behind the calibrated similarity.
/// </summary>
internal static class PairStudy
{
    /// <summary>
    /// Deterministic sample: for every document in file order, with one seeded generator (seed 12), one partner of
    /// the same event, one of the same topic's other event and one of another topic, each drawn uniformly.
    /// </summary>
    public static List<(int A, int B, int Gold)> Sample(IReadOnlyList<EcbDocument> documents, int seed = 12)
    {
        var random = new Random(seed);
        var pairs = new List<(int, int, int)>();
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var same = new List<int>();
            var topic = new List<int>();
            var other = new List<int>();
            for (var j = 0; j < documents.Count; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var e = documents[j];
                (e.EventCluster == d.EventCluster ? same : e.Topic == d.Topic ? topic : other).Add(j);
            }

            foreach (var (list, gold) in new[] { (same, 2), (topic, 1), (other, 0) })
            {
                if (list.Count > 0)
                {
                    pairs.Add((i, list[random.Next(list.Count)], gold));
                }
            }
        }

        return pairs;
    }

    /// <summary>The `pairs` similarity (with the cascade), its lexical part alone, the embeddings alone, and a plain TF-IDF cosine.</summary>
    public static PairStudyFigures Run(IReadOnlyList<EcbDocument> documents, StoryOptions options, CachedEmbedder? embedder)
    {
        var pairs = Sample(documents);
        var gold = pairs.Select(p => (double)p.Gold).ToArray();
        var tfidf = AverageLinkBaseline.Vectorise(documents.Select(d => d.Text).ToList());
        var lexical = new SameStoryScorer(options);
        var full = new SameStoryScorer(options, embedder, embedAlways: true);
        var before = embedder?.Requested ?? 0;
        var figures = new List<GradedFigure>
        {
            new("parallax pairs (calibrated, words + embedding)", Spearman(pairs.Select(p => full.Score(documents[p.A].Text, documents[p.B].Text).Similarity).ToArray(), gold)),
        };
        var embedded = (embedder?.Requested ?? 0) - before;
        figures.Add(new("lexical part alone (no embedder)", Spearman(pairs.Select(p => lexical.Score(documents[p.A].Text, documents[p.B].Text).Similarity).ToArray(), gold)));
        if (embedder is not null)
        {
            figures.Add(new("embedding cosine alone (arctic-embed-xs)", Spearman(pairs.Select(p => EmbeddingCosine(documents[p.A].Text, documents[p.B].Text, options, embedder)).ToArray(), gold)));
        }

        figures.Add(new("plain TF-IDF cosine (smooth idf over the 982)", Spearman(pairs.Select(p => (double)AverageLinkBaseline.Dot(tfidf[p.A], tfidf[p.B])).ToArray(), gold)));

        // How much of the lexical similarity names carry, on the pairs where it matters: same topic (gold 1 and 2).
        var shares = pairs.Where(p => p.Gold > 0).Select(p => lexical.Explain(documents[p.A].Text, documents[p.B].Text).NameShare).ToList();
        return new PairStudyFigures(pairs.Count, pairs.Count(p => p.Gold == 2), pairs.Count(p => p.Gold == 1), pairs.Count(p => p.Gold == 0), embedded, figures, shares.Average());
    }

    public static double EmbeddingCosine(string a, string b, StoryOptions options, ITextEmbedder embedder)
    {
        var (ta, ba) = SameStoryScorer.SplitTitle(a);
        var (tb, bb) = SameStoryScorer.SplitTitle(b);
        return EmbeddingPassage.Cosine(
            embedder.Embed(EmbeddingPassage.Of(ta, ba, options.EmbeddingWords)), embedder.Embed(EmbeddingPassage.Of(tb, bb, options.EmbeddingWords)));
    }

    /// <summary>
    /// Fits the calibration on the tuning split: all same-topic pairs plus the sampled other-topic pairs, "same event"
    /// as the outcome. The lexical slope with the centre fixed at the join threshold; then lexical and embedding
    /// cosines together (Newton's method on the log-likelihood), written as slopes and the embedding's centre.
    /// </summary>
    public static Calibration Fit(IReadOnlyList<EcbDocument> train, StoryOptions options, ITextEmbedder? embedder)
    {
        var scorer = new SameStoryScorer(options);
        var rows = new List<(double Lexical, double Semantic, bool Same)>();
        var cross = Sample(train).Where(p => p.Gold == 0).ToList();
        void AddPair(int a, int b)
        {
            var lex = scorer.Explain(train[a].Text, train[b].Text).Lexical;
            var sem = embedder is null ? 0 : EmbeddingCosine(train[a].Text, train[b].Text, options, embedder);
            rows.Add((lex, sem, train[a].EventCluster == train[b].EventCluster));
        }

        for (var a = 0; a < train.Count; a++)
        {
            for (var b = a + 1; b < train.Count; b++)
            {
                if (train[a].Topic == train[b].Topic)
                {
                    AddPair(a, b);
                }
            }
        }

        foreach (var (a, b, _) in cross)
        {
            AddPair(a, b);
        }

        var j = options.JoinThreshold;
        var slope = Newton(rows.Select(r => new[] { r.Lexical - j }).ToList(), rows.Select(r => r.Same).ToList(), intercept: false)[0];
        if (embedder is null)
        {
            return new Calibration(slope, options.EmbeddingLexicalSlope, options.EmbeddingSlope, options.EmbeddingCenter, rows.Count);
        }

        // logit = b0 + b1 (L - J) + b2 E  =  b1 (L - J) + b2 (E - centre), centre = -b0 / b2.
        var w = Newton(rows.Select(r => new[] { r.Lexical - j, r.Semantic }).ToList(), rows.Select(r => r.Same).ToList(), intercept: true);
        return new Calibration(slope, w[1], w[2], -w[0] / w[2], rows.Count);
    }

    /// <summary>Logistic regression by Newton's method (a tiny ridge keeps it finite on separable data).</summary>
    internal static double[] Newton(List<double[]> x, List<bool> y, bool intercept)
    {
        var k = x[0].Length + (intercept ? 1 : 0);
        var w = new double[k];
        double[] Row(double[] r) => intercept ? [1.0, .. r] : r;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var gradient = new double[k];
            var hessian = new double[k, k];
            for (var i = 0; i < x.Count; i++)
            {
                var r = Row(x[i]);
                var logit = 0.0;
                for (var a = 0; a < k; a++)
                {
                    logit += w[a] * r[a];
                }

                var p = 1 / (1 + Math.Exp(-logit));
                for (var a = 0; a < k; a++)
                {
                    gradient[a] += ((y[i] ? 1 : 0) - p) * r[a];
                    for (var b = 0; b < k; b++)
                    {
                        hessian[a, b] += p * (1 - p) * r[a] * r[b];
                    }
                }
            }

            for (var a = 0; a < k; a++)
            {
                gradient[a] -= 1e-3 * w[a];
                hessian[a, a] += 1e-3;
            }

            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var a = 0; a < k; a++)
            {
                w[a] += step[a];
                change += Math.Abs(step[a]);
            }

            if (change < 1e-8)
            {
                break;
            }
        }

        return w;
    }

    /// <summary>Spearman's rho: Pearson's correlation of the ranks, ties given their average rank.</summary>
    public static double Spearman(double[] x, double[] y)
    {
        var rx = Ranks(x);
        var ry = Ranks(y);
        double mx = rx.Average(), my = ry.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }

        return sxx <= 0 || syy <= 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            for (var t = i; t <= j; t++)
            {
                ranks[order[t]] = (i + j) / 2.0;
            }

            i = j + 1;
        }

        return ranks;
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++)
            {
                if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c]))
                {
                    pivot = r;
                }
            }

            for (var t = 0; t < n; t++)
            {
                (m[c, t], m[pivot, t]) = (m[pivot, t], m[c, t]);
            }

            (v[c], v[pivot]) = (v[pivot], v[c]);
            for (var r = 0; r < n; r++)
            {
                if (r != c && m[c, c] != 0)
                {
                    var f = m[r, c] / m[c, c];
                    for (var t = 0; t < n; t++)
                    {
                        m[r, t] -= f * m[c, t];
                    }

                    v[r] -= f * v[c];
                }
            }
        }

        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = m[i, i] == 0 ? 0 : v[i] / m[i, i];
        }

        return x;
    }
}
