namespace Parallax.Core.Stories;

/// <summary>
/// Document frequencies of features, maintained as reports arrive, for inverse-document-frequency weights.
/// Bounded: when the table outgrows its limit, features seen in a single document (typos, one-off names) are
/// dropped, which only makes them look as rare as they are. In a long stream the features seen twice or more can
/// fill the table too (every event brings its own name runs and figures); the pruning then also drops the rarest of
/// those, so that it leaves room for a quarter of the limit: without that it would copy the whole table again on
/// every report once the features seen twice alone exceed the limit.
/// </summary>
/// <param name="idfPrior">Pseudo-documents added to the collection size.</param>
/// <param name="maxVocabulary">Entries kept before single-use ones are pruned.</param>
/// <param name="backgroundDocuments">
/// How many ordinary documents the background frequencies count as (<see cref="StoryOptions.BackgroundDocuments"/>):
/// a feature with background share b adds b x this to its document frequency, and this to the collection size.
/// </param>
public sealed class DocumentFrequencies(int idfPrior, int maxVocabulary, double backgroundDocuments = 0)
{
    private Dictionary<ulong, int> counts = new();

    public long Documents { get; private set; }

    public int Vocabulary => counts.Count;

    /// <summary>How many times the table was pruned (each prune copies it once).</summary>
    public int Prunes { get; private set; }

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

    /// <summary>
    /// ln((N + B + prior + 1) / (df + B x background + 1)), B = background documents: the stream's counts blended
    /// with general English, as if B ordinary documents had been seen before the stream. Common words ("president",
    /// "school") weigh little even in a handful of articles; rare names and figures weigh a lot; over a long stream
    /// its own counts take over. With B = 0 this is the stream's own idf (<see cref="StreamIdf"/>).
    /// </summary>
    public float Idf(ulong key, float background = 0f)
    {
        counts.TryGetValue(key, out var df);
        return (float)Math.Log((Documents + backgroundDocuments + idfPrior + 1.0) / (df + (backgroundDocuments * background) + 1.0));
    }

    /// <summary>
    /// ln((N + prior + 1) / (df + 1)), the stream alone: what the articles at hand share weighs little. In a small
    /// batch about one region ("Russia" and "Ukraine" in every article) only this sees that the shared names are the
    /// batch's topic, not one event's; clustering uses it as a second, event-level check.
    /// </summary>
    public float StreamIdf(ulong key)
    {
        counts.TryGetValue(key, out var df);
        return (float)Math.Log((Documents + idfPrior + 1.0) / (df + 1.0));
    }

    private void Prune()
    {
        // The smallest cut that leaves at most three quarters of the limit: 1 (single-use only) unless the features seen
        // more often fill the table themselves. Counts above the histogram's range are never cut.
        const int Range = 64;
        Span<int> histogram = stackalloc int[Range + 1];
        foreach (var count in counts.Values)
        {
            histogram[Math.Min(count, Range)]++;
        }

        var room = maxVocabulary - (maxVocabulary / 4);
        var cut = 1;
        var kept = counts.Count - histogram[0] - histogram[1];
        while (kept > room && cut < Range - 1)
        {
            cut++;
            kept -= histogram[cut];
        }

        var pruned = new Dictionary<ulong, int>(kept);
        foreach (var (key, count) in counts)
        {
            if (count > cut)
            {
                pruned[key] = count;
            }
        }

        counts = pruned;
        Prunes++;
    }
}
