namespace Parallax.Bench.Stories;

/// <summary>Precision, recall and F1 of one clustering against gold labels.</summary>
internal sealed record Prf(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => $"P {Precision:0.000}  R {Recall:0.000}  F1 {F1:0.000}";
}

/// <summary>B-cubed and pairwise scores of a clustering.</summary>
internal sealed record ClusteringScore(Prf BCubed, Prf Pairwise, int Items, int Clusters, int GoldClusters);

/// <summary>
/// B-cubed (Bagga and Baldwin 1998: per-item precision and recall, averaged over items) and pairwise
/// (same-cluster pairs) precision, recall and F1, both from the contingency table of predicted x gold clusters.
/// </summary>
internal static class ClusteringMetrics
{
    public static ClusteringScore Score<TPredicted, TGold>(IReadOnlyList<TPredicted> predicted, IReadOnlyList<TGold> gold)
        where TPredicted : notnull
        where TGold : notnull
    {
        if (predicted.Count != gold.Count)
        {
            throw new ArgumentException("one predicted label per gold label");
        }

        var joint = new Dictionary<(TPredicted, TGold), long>();
        var predictedSizes = new Dictionary<TPredicted, long>();
        var goldSizes = new Dictionary<TGold, long>();
        for (var i = 0; i < predicted.Count; i++)
        {
            joint[(predicted[i], gold[i])] = joint.GetValueOrDefault((predicted[i], gold[i])) + 1;
            predictedSizes[predicted[i]] = predictedSizes.GetValueOrDefault(predicted[i]) + 1;
            goldSizes[gold[i]] = goldSizes.GetValueOrDefault(gold[i]) + 1;
        }

        double n = predicted.Count;
        double bPrecision = 0, bRecall = 0, truePairs = 0;
        foreach (var ((p, g), count) in joint)
        {
            bPrecision += (double)count * count / predictedSizes[p];
            bRecall += (double)count * count / goldSizes[g];
            truePairs += count * (count - 1) / 2.0;
        }

        double predictedPairs = 0, goldPairs = 0;
        foreach (var size in predictedSizes.Values)
        {
            predictedPairs += size * (size - 1) / 2.0;
        }

        foreach (var size in goldSizes.Values)
        {
            goldPairs += size * (size - 1) / 2.0;
        }

        return new ClusteringScore(
            n == 0 ? new Prf(0, 0) : new Prf(bPrecision / n, bRecall / n),
            new Prf(predictedPairs == 0 ? 1 : truePairs / predictedPairs, goldPairs == 0 ? 1 : truePairs / goldPairs),
            predicted.Count, predictedSizes.Count, goldSizes.Count);
    }
}
