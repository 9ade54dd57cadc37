using Parallax.Core.Identity;
using Parallax.Core.Stories;

namespace Parallax.Core.Pipeline;

/// <summary>
/// A stream of articles going through identity and stories one at a time, in arrival order: each
/// <see cref="Add"/> links copies, re-roots originals, places the article in a story and says what changed.
/// The growing state sits behind <see cref="ICopyIndex"/> and <see cref="IStoryIndex"/> (in memory by default), so
/// `analyze`, `serve` and the benchmarks run this same code. The session itself keeps only a few numbers per article,
/// never its text. Not thread-safe: one writer; prepare articles on any thread (<see cref="ParallaxPipeline.Prepare(string, Extraction.ExtractedArticle, IReadOnlyList{string})"/>).
/// </summary>
public sealed class ParallaxSession
{
    private readonly ICopyIndex copies;
    private readonly IStoryIndex stories;
    private readonly Dictionary<string, int> indexOfId = new(StringComparer.Ordinal);
    private readonly List<string> ids = [];

    // Per article, by arrival index: its number in the story index, and whether it is a copy now.
    private readonly List<int> storyArticle = [];
    private readonly List<bool> isCopy = [];

    internal ParallaxSession(ICopyIndex copies, IStoryIndex stories)
    {
        this.copies = copies;
        this.stories = stories;
    }

    /// <summary>Articles added so far.</summary>
    public int Count => ids.Count;

    /// <summary>
    /// Adds an article. <paramref name="id"/> defaults to a1, a2, ... in arrival order.
    /// </summary>
    /// <exception cref="ArgumentException">The id was used before in this session.</exception>
    public SessionUpdate Add(PreparedArticle article, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        var index = ids.Count;
        id ??= $"a{index + 1}";
        if (!indexOfId.TryAdd(id, index))
        {
            throw new ArgumentException($"An article with id '{id}' is already in this session.", nameof(id));
        }

        ids.Add(id);
        var extracted = article.Article;
        var links = copies.Add(new CopyCandidate(
            id, extracted.Title ?? string.Empty, article.Text, extracted.Source, extracted.Published,
            article.Spin.Spun ? article.Spin.Restored : null));

        var changes = new List<SessionChange>();
        CopyLink? own = null;
        foreach (var link in links)
        {
            if (link.CopyId == id)
            {
                own = link;
            }
        }

        StoryPlacement placement;
        if (own is not null)
        {
            changes.Add(new CopyLinked(id, own.OriginalId, own.Kind, own.Similarity));
            placement = stories.AttachCopy(storyArticle[indexOfId[own.OriginalId]], extracted.Published);
        }
        else if (links.Count > 0)
        {
            // The newcomer is the fuller (or earlier, unspun) version of a group already in a story: it joins that story
            // with its own content (the story should read the original, not only the shorter or spun text that came
            // first), and the former original becomes its copy.
            string? formerRoot = null;
            foreach (var link in links)
            {
                var other = indexOfId[link.CopyId];
                if (!isCopy[other])
                {
                    formerRoot ??= link.CopyId;
                }
            }

            formerRoot ??= links[0].CopyId;
            changes.Add(new OriginalRerooted(id, formerRoot));
            foreach (var link in links)
            {
                var other = indexOfId[link.CopyId];
                changes.Add(new CopyLinked(link.CopyId, id, link.Kind, link.Similarity));
                if (!isCopy[other])
                {
                    changes.Add(new ReportBecameCopy(link.CopyId, id));
                    isCopy[other] = true;
                }
            }

            placement = stories.AddInto(storyArticle[indexOfId[formerRoot]], new StoryDocument(extracted.Title, article.ComparedText, extracted.Published, article.Embedding));
        }
        else
        {
            placement = stories.Add(new StoryDocument(extracted.Title, article.ComparedText, extracted.Published, article.Embedding));
        }

        changes.Add(placement.Started
            ? new StoryStarted(id, placement.Story)
            : new StoryJoined(id, placement.Story, placement.Similarity));
        // A merge happens before a split, into the story that may then be split.
        var grown = placement.SplitFrom >= 0 ? placement.SplitFrom : placement.Story;
        foreach (var absorbed in placement.Merged ?? [])
        {
            changes.Add(new StoriesMerged(id, grown, absorbed));
        }

        if (placement.SplitOff >= 0)
        {
            changes.Add(new StorySplit(id, placement.SplitFrom, placement.SplitOff));
        }

        storyArticle.Add(placement.Article);
        isCopy.Add(own is not null);
        return new SessionUpdate(id, placement.Story, changes) { Embedded = Embeddings(placement.Embedded) };
    }

    /// <summary>The placement's new embeddings by article id (the story index numbers articles in arrival order, as this session does).</summary>
    private IReadOnlyList<ComputedEmbedding> Embeddings(IReadOnlyList<ArticleEmbedding>? computed)
    {
        if (computed is null || computed.Count == 0)
        {
            return [];
        }

        var named = new List<ComputedEmbedding>(computed.Count);
        foreach (var (article, vector) in computed)
        {
            var index = storyArticle.BinarySearch(article);
            if (index >= 0)
            {
                named.Add(new ComputedEmbedding(ids[index], vector));
            }
        }

        return named;
    }

    /// <summary>The link of an article to its root original; null when it is a distinct report or unknown.</summary>
    public CopyLink? LinkOf(string id) => copies.LinkOf(id);

    /// <summary>An article's publisher: its original's for a copy, else the one its text credits, else its source.</summary>
    public string? PublisherOf(string id) => copies.PublisherOf(id);

    /// <summary>The story an article is in now.</summary>
    /// <exception cref="KeyNotFoundException">No article with this id was added.</exception>
    public int StoryOf(string id) => stories.StoryOf(storyArticle[indexOfId[id]]);

    /// <summary>Stories on the same topic about another event, most similar first.</summary>
    public IReadOnlyList<RelatedStory> Related(int story) => stories.Related(story);
}
