namespace Parallax.Core.Stories;

/// <summary>The verdict on a pair of texts.</summary>
/// <param name="Similarity">The calibrated probability (0 to 1) that the two texts report the same story.</param>
/// <param name="SameStory">Whether clustering would put the second text in a story made of the first.</param>
public sealed record SameStoryVerdict(double Similarity, bool SameStory);

/// <summary>A verdict with its inputs.</summary>
/// <param name="Lexical">Cosine of the two texts' weighted word vectors.</param>
/// <param name="Semantic">Cosine of their embeddings, when the cascade consulted them.</param>
/// <param name="NameShare">The part of the lexical cosine carried by name features (0 when nothing is shared).</param>
public sealed record SameStoryExplanation(SameStoryVerdict Verdict, double Lexical, double? Semantic, double NameShare = 0);

/// <summary>
/// Scores pairs of texts with the clustering decision: the first text becomes a one-report story (a centroid of
/// one vector) and the second is scored against it by <see cref="StoryScoring"/>, exactly as a new report is
/// scored against an open story, cascade included (the embedder, when given, is asked only when the lexical
/// probability is in doubt). A verdict depends on the pair and the shipped data alone: document frequencies are
/// the general-English prior plus the two texts themselves, never other pairs, so adding a line to a file changes
/// no other line's verdict. Thread-safe.
/// </summary>
/// <param name="embedAlways">
/// Consult the embedder on every pair, not only where the words leave the verdict in doubt: a pair costs two
/// passages, not a stream, and one calibrated curve for all pairs keeps the similarity graded the same way
/// everywhere. The verdict is the cascade's wherever the words are clear, since both curves agree there.
/// </param>
public sealed class SameStoryScorer(StoryOptions? options = null, ITextEmbedder? embedder = null, bool embedAlways = false)
{
    private readonly StoryOptions options = options ?? StoryOptions.Default;

    /// <summary>
    /// The event-level check (<see cref="StoryOptions.LocalJoinThreshold"/>) weighs words by what a batch of articles
    /// shares; two texts alone are no batch (every shared word would look common), so a pair always passes it.
    /// </summary>
    private const double PairLocalSimilarity = 1;

    /// <summary>Scores a pair.</summary>
    public SameStoryVerdict Score(string a, string b) => Explain(a, b).Verdict;

    /// <summary>Scores a pair and says how: the lexical cosine, and the embeddings' cosine when they were consulted.</summary>
    public SameStoryExplanation Explain(string a, string b)
    {
        var (titleA, bodyA) = SplitTitle(a ?? string.Empty);
        var (titleB, bodyB) = SplitTitle(b ?? string.Empty);
        var tallyA = StoryFeatures.Count(titleA, bodyA, options.TitleBoost);
        var tallyB = StoryFeatures.Count(titleB, bodyB, options.TitleBoost);
        var frequencies = new DocumentFrequencies(options.IdfPrior, options.MaxVocabulary, options.BackgroundDocuments);
        frequencies.AddDocument(tallyA.Keys);
        frequencies.AddDocument(tallyB.Keys);

        var vectorA = FeatureVector.Build(tallyA, frequencies, options);
        var vectorB = FeatureVector.Build(tallyB, frequencies, options);
        var story = new StoryCentroid();
        story.Add(vectorA);
        var cosine = StoryScoring.Similarity(vectorB, story, timeFactor: 1);
        var probability = StoryScoring.Probability(cosine, options);
        double? semantic = null;
        if (embedder is not null && (embedAlways || StoryScoring.Ambiguous(probability, options)))
        {
            semantic = EmbeddingPassage.Cosine(
                embedder.Embed(EmbeddingPassage.Of(titleA, bodyA, options.EmbeddingWords)),
                embedder.Embed(EmbeddingPassage.Of(titleB, bodyB, options.EmbeddingWords)));
            probability = StoryScoring.Probability(cosine, semantic.Value, options);
        }

        return new SameStoryExplanation(
            new SameStoryVerdict(probability, StoryScoring.SameStory(probability, PairLocalSimilarity, options)), cosine, semantic,
            vectorA.NameShare(vectorB));
    }

    /// <summary>
    /// A text "may start with its title line": a first line of at most 30 words, followed by more text, is taken
    /// as the title.
    /// </summary>
    public static (string? Title, string Body) SplitTitle(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        var newline = trimmed.IndexOf('\n');
        if (newline <= 0)
        {
            return (null, text);
        }

        var first = trimmed[..newline].Trim();
        var rest = trimmed[(newline + 1)..].Trim();
        if (first.IsEmpty || rest.IsEmpty || first.Count(' ') >= 30)
        {
            return (null, text);
        }

        return (first.ToString(), rest.ToString());
    }
}
