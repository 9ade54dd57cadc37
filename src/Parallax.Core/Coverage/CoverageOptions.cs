namespace Parallax.Core.Coverage;

/// <summary>
/// The settings of the coverage stage. The thresholds were tuned on ECB+ topics 1-22 (`parallax bench coverage`
/// reports topics 23-45); the bounds keep a story of any size to a bounded time.
/// </summary>
public sealed record CoverageOptions
{
    public static CoverageOptions Default { get; } = new();

    /// <summary>Similarity from which two claims that pass every slot check are one shared claim.</summary>
    public double SameClaimThreshold { get; init; } = 0.42;

    /// <summary>Similarity from which two claims that differ in a slot are one statement in conflict.</summary>
    public double ConflictThreshold { get; init; } = 0.42;

    /// <summary>
    /// True: a shared claim holds at most one sentence per article. False: groups join by average linkage
    /// (<see cref="AverageLink"/>), and a report that states a claim twice has both sentences in it.
    /// </summary>
    public bool OneSentencePerArticle { get; init; } = true;

    /// <summary>Mean similarity two groups' pairs need to join when <see cref="OneSentencePerArticle"/> is false.</summary>
    public double AverageLink { get; init; } = 0.3;

    /// <summary>
    /// Similarity from which a conflict read from one word or one name (a negation, another source, another actor)
    /// is kept; below it the pair is two statements, not one in conflict.
    /// </summary>
    public double StrongConflictThreshold { get; init; } = 0.5;

    /// <summary>Below this the words say "different claims" plainly and the model is not asked.</summary>
    public double AmbiguousLow { get; init; } = 0.2;

    /// <summary>From this the words say "same claim" plainly and the model is not asked.</summary>
    public double AmbiguousHigh { get; init; } = 0.42;

    /// <summary>The model's cosine that counts as nothing in common (arctic-embed-xs gives two related but different news sentences about 0.7 to 0.8, so only the cosine above this says "same meaning").</summary>
    public double CosineFloor { get; init; } = 0.7;

    /// <summary>The model's cosine that counts as the same meaning.</summary>
    public double CosineCeiling { get; init; } = 0.95;

    /// <summary>Similarity from which two quotes of one speaker are renderings of one statement.</summary>
    public double QuoteThreshold { get; init; } = 0.25;

    /// <summary>Similarity from which the only quotes one speaker has in two articles are one statement in two renderings.</summary>
    public double SoleQuoteThreshold { get; init; } = 0.1;

    /// <summary>Similarity from which two quotes whose speaker one outlet leaves unclear are still one statement (near-verbatim).</summary>
    public double UnattributedQuoteThreshold { get; init; } = 0.6;

    /// <summary>Reports compared per story; the rest are listed as left out (a 1,000-report story stays bounded).</summary>
    public int MaxReports { get; init; } = 200;

    /// <summary>
    /// Sentences the model may embed per story (its cost per sentence is fixed, so the budget bounds the time); 0, the
    /// default, decides on words alone. Measured by `parallax bench coverage --embeddings`: the model moves ECB+
    /// alignment F1 by +0.002 (0.820 to 0.822) at about 30 ms per sentence, which would make `analyze` of 181 pages
    /// with 30 multi-report stories take a minute instead of seconds.
    /// </summary>
    public int MaxEmbeddings { get; init; }

    /// <summary>What is wrong with these options, one sentence each; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SameClaimThreshold is <= 0 or > 1)
        {
            problems.Add($"Coverage.SameClaimThreshold must lie in (0, 1], not {SameClaimThreshold}.");
        }

        if (ConflictThreshold <= 0 || ConflictThreshold > SameClaimThreshold)
        {
            problems.Add($"Coverage.ConflictThreshold must lie in (0, SameClaimThreshold], not {ConflictThreshold}.");
        }

        if (MaxReports < 2)
        {
            problems.Add($"Coverage.MaxReports must be 2 or more, not {MaxReports}.");
        }

        if (MaxEmbeddings < 0)
        {
            problems.Add($"Coverage.MaxEmbeddings must be 0 (words alone) or more, not {MaxEmbeddings}.");
        }

        if (CosineCeiling <= CosineFloor)
        {
            problems.Add("Coverage.CosineCeiling must be above Coverage.CosineFloor.");
        }

        return problems;
    }
}
