namespace Parallax.Core.Stories;

/// <summary>
/// The "same story" decision, shared by clustering (report against story) and by pair scoring (text against
/// text): content similarity is the cosine of TF-IDF vectors with names and numbers weighted up, then damped
/// by the distance in time when both sides have a publication time.
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

    public static double Similarity(FeatureVector report, StoryCentroid story, double timeFactor) =>
        story.Cosine(report) * timeFactor;

    /// <summary>
    /// Same story: similar enough overall (idf with the general-English prior) and, weighted by the stream's own
    /// idf, still similar on what the articles at hand do not all share (<see cref="StoryOptions.LocalJoinThreshold"/>).
    /// </summary>
    public static bool SameStory(double similarity, double localSimilarity, StoryOptions options) =>
        similarity >= options.JoinThreshold && localSimilarity >= options.LocalJoinThreshold;

    /// <summary>Another event (not similar enough to merge) on the same topic (ordinary words alike enough).</summary>
    public static bool Related(double similarity, double topicSimilarity, StoryOptions options) =>
        similarity < options.MergeThreshold && topicSimilarity >= options.RelatedThreshold;
}
