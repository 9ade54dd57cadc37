namespace Parallax.Core.Stories;

/// <summary>
/// Document frequencies of features, maintained as reports arrive, for inverse-document-frequency weights.
/// Bounded: when the table outgrows its limit, features seen in a single document (typos, one-off names) are
/// dropped, which only makes them look as rare as they are.
/// </summary>
public sealed class DocumentFrequencies(int idfPrior, int maxVocabulary)
{
    private Dictionary<ulong, int> counts = new();

    public long Documents { get; private set; }

    public int Vocabulary => counts.Count;

    public void AddDocument(Dictionary<ulong, FeatureTally>.KeyCollection features)
    {
        Documents++;
        foreach (var key in features)
        {
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _);
            count++;
        }

        if (counts.Count > maxVocabulary)
        {
            Prune();
        }
    }

    /// <summary>ln((N + prior + 1) / (df + 1)): near zero for features in every document, large for rare ones.</summary>
    public float Idf(ulong key)
    {
        counts.TryGetValue(key, out var df);
        return (float)Math.Log((Documents + idfPrior + 1.0) / (df + 1.0));
    }

    private void Prune()
    {
        var kept = new Dictionary<ulong, int>(counts.Count / 2);
        foreach (var (key, count) in counts)
        {
            if (count > 1)
            {
                kept[key] = count;
            }
        }

        counts = kept;
    }
}
