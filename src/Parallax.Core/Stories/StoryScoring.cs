namespace Parallax.Core.Stories;

/// <summary>
/// The "same story" decision, shared by clustering (report against story) and by pair scoring (text against text).
/// Content similarity is the cosine of TF-IDF vectors, turned into a calibrated probability of "same story" by a
/// logistic curve (<see cref="Probability(double, StoryOptions)"/>); where that is in doubt and an embedder is at
/// hand, the cosine of sentence embeddings is a second input (<see cref="Probability(double, double, StoryOptions)"/>).
/// Time damps only content that is not sure (<see cref="Timed"/>).
/// </summary>
public static class StoryScoring
{
    /// <summary>1 inside the grace period (or when a time is unknown), then an exponential decay.</summary>
    public static double TimeFactor(long ticks, long spanStart, long spanEnd, StoryOptions options)
    {
        if (ticks == 0 || spanStart == 0)
        {
            return 1;
        }

        var gap = ticks < spanStart ? spanStart - ticks : ticks > spanEnd ? ticks - spanEnd : 0;
        var excess = gap - options.TimeGrace.Ticks;
        return excess <= 0 ? 1 : Math.Exp(-excess / (double)options.TimeDecay.Ticks);
    }

    /// <summary>The lexical cosine of a report with a story (a centroid of one report for a pair).</summary>
    public static double Similarity(FeatureVector report, StoryCentroid story, double timeFactor) =>
        story.Cosine(report) * timeFactor;

    /// <summary>Calibrated probability of "same story" from the lexical cosine alone.</summary>
    public static double Probability(double cosine, StoryOptions options) =>
        Logistic(options.LexicalSlope * (cosine - options.JoinThreshold));

    /// <summary>Calibrated probability of "same story" from the lexical cosine and the embeddings' cosine.</summary>
    public static double Probability(double cosine, double embedding, StoryOptions options) =>
        Logistic((options.EmbeddingLexicalSlope * (cosine - options.JoinThreshold))
            + (options.EmbeddingSlope * (embedding - options.EmbeddingCenter)));

    /// <summary>Whether the lexical probability leaves the decision in doubt, so that an embedding is worth its cost.</summary>
    public static bool Ambiguous(double probability, StoryOptions options) =>
        probability >= options.AmbiguousLow && probability < options.AmbiguousHigh;

    /// <summary>
    /// Content sure of being the same story keeps its probability whatever the time gap (a follow-up weeks later);
    /// anything less is damped by the time factor, so a later development on the same topic becomes its own story.
    /// </summary>
    public static double Timed(double probability, double timeFactor, StoryOptions options) =>
        probability >= options.SureProbability ? probability : probability * timeFactor;

    /// <summary>
    /// Same story: probable enough overall and, weighted by the stream's own idf, still similar on what the articles
    /// at hand do not all share (<see cref="StoryOptions.LocalJoinThreshold"/>).
    /// </summary>
    public static bool SameStory(double probability, double localSimilarity, StoryOptions options) =>
        probability >= options.JoinProbability && localSimilarity >= options.LocalJoinThreshold;

    /// <summary>Another event (not similar enough to merge) on the same topic (ordinary words alike enough).</summary>
    public static bool Related(double similarity, double topicSimilarity, StoryOptions options) =>
        similarity < options.MergeThreshold && topicSimilarity >= options.RelatedThreshold;

    private static double Logistic(double logit) => 1 / (1 + Math.Exp(-logit));
}
