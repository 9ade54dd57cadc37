namespace Parallax.Core.Stories;

/// <summary>The verdict on a pair of texts.</summary>
/// <param name="Similarity">0 (nothing in common) to 1 (same content).</param>
/// <param name="SameStory">Whether clustering would put the second text in a story made of the first.</param>
public sealed record SameStoryVerdict(double Similarity, bool SameStory);

/// <summary>
/// Scores pairs of texts with the clustering decision: the first text becomes a one-report story (a centroid of
/// one vector) and the second is scored against it by <see cref="StoryScoring"/>, exactly as a new report is
/// scored against an open story. Document frequencies come from the texts the scorer has seen
/// (<see cref="Learn"/>), plus the two texts themselves.
/// </summary>
public sealed class SameStoryScorer
{
    private readonly StoryOptions options;
    private readonly DocumentFrequencies frequencies;

    public SameStoryScorer(StoryOptions? options = null)
    {
        this.options = options ?? StoryOptions.Default;
        frequencies = new DocumentFrequencies(this.options.IdfPrior, this.options.MaxVocabulary, this.options.BackgroundDocuments);
    }

    /// <summary>Counts a text in the document frequencies (for example every text of a pairs file, before scoring).</summary>
    public void Learn(string text)
    {
        var (title, body) = SplitTitle(text);
        frequencies.AddDocument(StoryFeatures.Count(title, body, options.TitleBoost).Keys);
    }

    /// <summary>Scores a pair. Texts not learned before are counted now, so a lone pair is weighted by itself.</summary>
    public SameStoryVerdict Score(string a, string b, bool learn = true)
    {
        var (titleA, bodyA) = SplitTitle(a ?? string.Empty);
        var (titleB, bodyB) = SplitTitle(b ?? string.Empty);
        var tallyA = StoryFeatures.Count(titleA, bodyA, options.TitleBoost);
        var tallyB = StoryFeatures.Count(titleB, bodyB, options.TitleBoost);
        if (learn)
        {
            frequencies.AddDocument(tallyA.Keys);
            frequencies.AddDocument(tallyB.Keys);
        }

        var story = new StoryCentroid();
        story.Add(FeatureVector.Build(tallyA, frequencies, options));
        var similarity = StoryScoring.Similarity(FeatureVector.Build(tallyB, frequencies, options), story, timeFactor: 1);
        var local = new StoryCentroid();
        local.Add(FeatureVector.Build(tallyA, frequencies, options, streamOnly: true));
        var localSimilarity = StoryScoring.Similarity(FeatureVector.Build(tallyB, frequencies, options, streamOnly: true), local, timeFactor: 1);
        return new SameStoryVerdict(similarity, StoryScoring.SameStory(similarity, localSimilarity, options));
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
