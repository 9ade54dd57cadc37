namespace Parallax.Core.Stories;

/// <summary>One distinct report as clustering sees it.</summary>
/// <param name="Title">The title, when known; its words count more (see <see cref="StoryOptions.TitleBoost"/>).</param>
/// <param name="Text">The body.</param>
/// <param name="Published">When it was published, if known; used to damp similarity across long gaps and to close old stories.</param>
/// <param name="Embedding">
/// The embedding of this report's passage as the model gave it in an earlier run (a store replaying its articles), or
/// null. Used in place of a model call wherever the cascade needs it, so the decisions are the earlier run's.
/// </param>
public sealed record StoryDocument(string? Title, string Text, DateTimeOffset? Published = null, float[]? Embedding = null);

/// <summary>An embedding the model computed for an article's passage (the article by the clusterer's number).</summary>
public readonly record struct ArticleEmbedding(int Article, float[] Vector);

/// <summary>Where a report went.</summary>
/// <param name="Article">The article number the clusterer gave it (0, 1, 2... in arrival order, copies included).</param>
/// <param name="Story">The story it is in now (after any merge this report caused).</param>
/// <param name="Similarity">Its similarity to the story it joined, or to the best candidate when it started one.</param>
/// <param name="Started">True when it started a new story.</param>
/// <param name="Merged">
/// Stories this report showed to be the same story, merged into <paramref name="Story"/> (or, when that story was
/// then split, into <paramref name="SplitFrom"/>); null when none.
/// </param>
/// <param name="SplitOff">A story split off the report's story because it turned out to be two; -1 when none.</param>
/// <param name="SplitFrom">
/// The story that was split (it keeps its first report); the report itself may have left with the split-off part,
/// so it is not always <paramref name="Story"/>. -1 when none.
/// </param>
/// <param name="Embedded">
/// The embeddings the model computed while placing this report: its own, and the first report's of a story it was
/// compared with (an earlier article); null when none. A store keeps them so that a replay needs no model call.
/// </param>
public readonly record struct StoryPlacement(
    int Article, int Story, double Similarity, bool Started, IReadOnlyList<int>? Merged = null, int SplitOff = -1, int SplitFrom = -1,
    IReadOnlyList<ArticleEmbedding>? Embedded = null);

/// <summary>A story related to another one: same topic, another event.</summary>
public readonly record struct RelatedStory(int Story, double Similarity);

/// <summary>
/// Online story clustering in arrival order. Each distinct report joins the most similar open story when the
/// shared decision (<see cref="StoryScoring"/>) says it is the same story, or starts one; copies are attached to
/// their original's story without changing it. After each join the story is compared with its neighbours and
/// merged with any that turn out to be the same story. Candidate stories come from an inverted index from
/// heavy features to open stories, so the cost of a report does not grow with the number of stories; open
/// stories are closed by age (published time) and by count, which bounds memory.
/// With an <see cref="ITextEmbedder"/>, the decision is a cascade: the lexical probability settles clear cases, and
/// only a report whose best candidates are in doubt is embedded (once), against those candidates' embeddings
/// (each story's once, then kept up to date). Without one (null), the decision is lexical only.
/// Not thread-safe: one instance per stream.
/// </summary>
public sealed partial class StoryClusterer : IStoryIndex
{
    // Merging is checked after every join; the few best-overlapping stories are where a duplicate story would be.
    private const int MergeCandidates = 4;

    // The most an embedding cosine can be: 1 for unit vectors, and a little more for their rounding.
    private const double MostEmbeddingCosine = 1.01;

    private readonly StoryOptions options;

    // A short report's rules: the options with its own lexical centre and no event-level check (StoryOptions.ShortJoinThreshold).
    private readonly StoryOptions shortOptions;
    private readonly DocumentFrequencies frequencies;
    private readonly ITextEmbedder? embedder;

    // Per article: the story it was put in (resolve through Find after merges), and for a copy its original.
    private readonly List<int> articleStory = [];
    private readonly List<int> articleOriginal = [];

    // Per story: union-find parent, first distinct report, counts.
    private readonly List<int> parent = [];
    private readonly List<int> firstReport = [];
    private readonly List<int> reportCount = [];

    private readonly OpenStoryIndex open;

    // The embeddings the model computed during the current Add, for its placement.
    private List<ArticleEmbedding>? computed;

    // Passages of the current Add the model embedded ahead, in parallel (PrefetchEmbeddings), by article; Embed takes them.
    private Dictionary<int, float[]>? prefetched;

    public StoryClusterer(StoryOptions? options = null, ITextEmbedder? embedder = null)
    {
        this.options = options ?? StoryOptions.Default;
        this.embedder = embedder;
        shortOptions = this.options with { JoinThreshold = this.options.ShortJoinThreshold, LocalJoinThreshold = 0 };
        open = new OpenStoryIndex(this.options);
        frequencies = new DocumentFrequencies(this.options.IdfPrior, this.options.MaxVocabulary, this.options.BackgroundDocuments);
    }

    /// <summary>
    /// Passages the cascade embedded so far (reports and stories' first reports), from the model or from a stored
    /// embedding (<see cref="StoryDocument.Embedding"/>); 0 without an embedder. The embedding allowance counts these,
    /// so a replay from stored embeddings decides as the run that stored them.
    /// </summary>
    public int Embedded { get; private set; }

    /// <summary>Of <see cref="Embedded"/>, the passages that were given a stored embedding instead of a model call.</summary>
    public int EmbeddedFromStore { get; private set; }

    /// <summary>Model calls made so far: <see cref="Embedded"/> less <see cref="EmbeddedFromStore"/>.</summary>
    public int ModelCalls => Embedded - EmbeddedFromStore;

    /// <summary>Reports the cascade embedded (the words left them in doubt and the model could change the answer).</summary>
    public int EmbeddedReports { get; private set; }

    /// <summary>Of those, the reports whose story the embedding changed (another story, or joining instead of starting one).</summary>
    public int ChangedByEmbedding { get; private set; }

    public StoryOptions Options => options;

    public int Articles => articleStory.Count;

    public int OpenStories => open.Count;

    /// <summary>Stories ever started, merged ones included (ids run 0..StoriesStarted-1).</summary>
    public int StoriesStarted => parent.Count;

    public int Vocabulary => frequencies.Vocabulary;

    /// <summary>Adds a distinct report: it joins the best open story or starts one.</summary>
    public StoryPlacement Add(StoryDocument document) => Add(document, into: -1);

    /// <summary>
    /// Adds the fuller version of a report already placed (the copy index made it the original of that report's
    /// group): it joins that report's story with its own content, without a search, so the story reads the original
    /// and not only the shorter or spun text that arrived first. A closed story takes it as a copy.
    /// </summary>
    public StoryPlacement AddInto(int article, StoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return open.ContainsKey(StoryOf(article)) ? Add(document, article) : AttachCopy(article, document.Published);
    }

    private StoryPlacement Add(StoryDocument document, int into)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tally = StoryFeatures.Count(document.Title, document.Text ?? string.Empty, options.TitleBoost);
        frequencies.AddDocument(tally.Keys);
        var vector = FeatureVector.Build(tally, frequencies, options);
        var local = FeatureVector.Build(tally, frequencies, options, streamOnly: true);
        var ticks = document.Published?.UtcTicks ?? 0;
        open.See(ticks);

        var article = articleStory.Count;
        computed = null;
        prefetched = null;
        string? passage = null;
        float[]? embedding = null;
        string Passage() => passage ??= EmbeddingPassage.Of(document.Title, document.Text ?? string.Empty, options.EmbeddingWords);
        float[] Embedding() => embedding ??= Embed(article, Passage(), document.Embedding);
        var isShort = embedder is not null && IsShort(Passage());
        var (best, similarity, joins) = into >= 0 ? (StoryOf(into), 1.0, true)
            : isShort ? BestStoryOfShort(vector, local, ticks, Embedding())
            : BestStory(vector, local, ticks, Embedding, embedder is null || IsUsable(document.Embedding) ? null : (article, Passage()));
        var member = new OpenStory.Member(article, vector, local, embedding, isShort);
        int story;
        bool started;
        if (best >= 0 && joins)
        {
            story = best;
            started = false;
            var state = open[story];
            state.Centroid.Add(vector);
            state.Centroid.Prune(options.MaxCentroidFeatures);
            state.Local.Add(local);
            state.Local.Prune(options.MaxCentroidFeatures);
            state.Widen(ticks);
            state.Remember(member, options.MaxSplitMembers);
            state.Embedding?.Add(article, embedding);
            reportCount[story]++;
        }
        else
        {
            story = parent.Count;
            started = true;
            parent.Add(story);
            firstReport.Add(article);
            reportCount.Add(1);
            var state = new OpenStory();
            state.Centroid.Add(vector);
            state.Local.Add(local);
            state.Widen(ticks);
            state.Remember(member, options.MaxSplitMembers);
            if (embedder is not null)
            {
                state.Embedding = new StoryEmbedding(article, Passage(), document.Embedding);
                state.Embedding.Add(article, embedding);
            }

            open[story] = state;
        }

        articleStory.Add(story);
        articleOriginal.Add(-1);
        var reports = reportCount[story];
        if (reports <= 8 || reports % 4 == 0)
        {
            // A large story's heaviest features settle; re-deriving them on every report would be wasted work.
            open.Reindex(story);
        }

        open.Touch(story);
        List<int>? merged = null;
        if (!started)
        {
            // A report that started a story was below the join threshold with every candidate, so its story
            // (that report alone) is below the higher merge threshold too: only a grown story can need merging.
            story = MergeNeighbours(story, ref merged);
        }

        var grown = story;
        (story, var splitOff) = SplitIfTwo(story, article);
        open.CloseOld();
        return new StoryPlacement(article, story, similarity, started, merged, splitOff, splitOff >= 0 ? grown : -1, computed);
    }

    /// <summary>
    /// Attaches a copy (duplicate, republication or spun copy) to its original's story. A copy is no new report:
    /// it changes neither the story's content nor the document frequencies.
    /// </summary>
    public StoryPlacement AttachCopy(int originalArticle, DateTimeOffset? published = null)
    {
        while (articleOriginal[originalArticle] >= 0)
        {
            originalArticle = articleOriginal[originalArticle];
        }

        var story = StoryOf(originalArticle);
        var article = articleStory.Count;
        articleStory.Add(story);
        articleOriginal.Add(originalArticle);
        if (open.TryGetValue(story, out var state))
        {
            state.Widen(published?.UtcTicks ?? 0);
            open.Touch(story);
        }

        return new StoryPlacement(article, story, 1, false);
    }

    /// <summary>The story an article is in now.</summary>
    public int StoryOf(int article)
    {
        var original = articleOriginal[article];
        return Find(articleStory[original >= 0 ? original : article]);
    }

    /// <summary>The first distinct report of a story (its arrival-order original).</summary>
    public int FirstReportOf(int story) => firstReport[Find(story)];

    public int ReportsIn(int story) => reportCount[Find(story)];

    public bool IsOpen(int story) => open.ContainsKey(Find(story));

    /// <summary>
    /// Open stories on the same topic but about another event, most similar first; never the story itself
    /// (nor, since copies live inside their original's story, any of its copies).
    /// </summary>
    public IReadOnlyList<RelatedStory> Related(int story)
    {
        story = Find(story);
        if (!open.TryGetValue(story, out var state))
        {
            return [];
        }

        var related = new List<RelatedStory>();
        foreach (var candidate in open.Candidates(state.Centroid.Top(options.QueryTerms), state.Centroid, story))
        {
            // Related = another event (below the merge threshold on everything) on the same topic (alike in words).
            var other = open[candidate];
            var time = state.TimeFactor(other, options);
            var similarity = state.Centroid.Cosine(other.Centroid) * time;
            var topic = state.Centroid.TopicCosine(other.Centroid) * time;
            if (StoryScoring.Related(similarity, topic, options))
            {
                related.Add(new RelatedStory(candidate, topic));
            }
        }

        related.Sort((a, b) => b.Similarity.CompareTo(a.Similarity));
        if (related.Count > options.MaxRelated)
        {
            related.RemoveRange(options.MaxRelated, related.Count - options.MaxRelated);
        }

        return related;
    }

    /// <summary>The similarity of a text to an open story under the shared decision (for explanations and tests).</summary>
    public double SimilarityTo(int story, StoryDocument document)
    {
        story = Find(story);
        if (!open.TryGetValue(story, out var state))
        {
            return 0;
        }

        var vector = FeatureVector.Build(StoryFeatures.Count(document.Title, document.Text, options.TitleBoost), frequencies, options);
        var probability = StoryScoring.Probability(state.Centroid.Cosine(vector), options);
        return StoryScoring.Timed(probability, state.TimeFactor(document.Published?.UtcTicks ?? 0, options), options);
    }

    /// <summary>An article's passage embedded: its stored embedding when it has one, else the model's (noted for the placement).</summary>
    private float[] Embed(int article, string passage, float[]? stored)
    {
        Embedded++;
        if (IsUsable(stored))
        {
            EmbeddedFromStore++;
            return stored;
        }

        var vector = prefetched is not null && prefetched.Remove(article, out var ahead) ? ahead : embedder!.Embed(passage);
        (computed ??= []).Add(new ArticleEmbedding(article, vector));
        return vector;
    }

    /// <summary>Whether a stored embedding stands in for a model call: one of this embedder's length (not another model's).</summary>
    private bool IsUsable([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] float[]? stored) => stored is not null && stored.Length == embedder!.Dimensions;

    private int Find(int story)
    {
        while (parent[story] != story)
        {
            parent[story] = parent[parent[story]];
            story = parent[story];
        }

        return story;
    }
}
