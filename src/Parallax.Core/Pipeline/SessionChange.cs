using Parallax.Core.Identity;

namespace Parallax.Core.Pipeline;

/// <summary>
/// One thing an article changed when it was added to a session. Stories are numbered by the session's story index
/// (stable: a merge keeps the older number); a front end maps them to its own ids.
/// </summary>
public abstract record SessionChange(string ArticleId);

/// <summary>The article is a copy (duplicate, republication or spun copy) of an earlier article, or was relinked.</summary>
public sealed record CopyLinked(string ArticleId, string OriginalId, CopyKind Kind, double Similarity) : SessionChange(ArticleId);

/// <summary>The newcomer is a fuller or earlier version of an existing group: it is now the group's original.</summary>
public sealed record OriginalRerooted(string ArticleId, string FormerOriginalId) : SessionChange(ArticleId);

/// <summary>An article that stood as a distinct report is now a copy of the newcomer.</summary>
public sealed record ReportBecameCopy(string ArticleId, string OriginalId) : SessionChange(ArticleId);

/// <summary>The article started a new story.</summary>
public sealed record StoryStarted(string ArticleId, int Story) : SessionChange(ArticleId);

/// <summary>The article joined an existing story (a copy joins its original's).</summary>
public sealed record StoryJoined(string ArticleId, int Story, double Similarity) : SessionChange(ArticleId);

/// <summary>The article showed stories to be one: <paramref name="Absorbed"/> is now part of <paramref name="Story"/>.</summary>
public sealed record StoriesMerged(string ArticleId, int Story, int Absorbed) : SessionChange(ArticleId);

/// <summary>
/// The article's story turned out to be two: <paramref name="Story"/> keeps its first report and part of its reports,
/// the rest is now <paramref name="NewStory"/>. The article may be in either (<see cref="SessionUpdate.Story"/> says which).
/// </summary>
public sealed record StorySplit(string ArticleId, int Story, int NewStory) : SessionChange(ArticleId);

/// <summary>What adding one article changed: its id, the story it is in now, and each change in order.</summary>
public sealed record SessionUpdate(string ArticleId, int Story, IReadOnlyList<SessionChange> Changes)
{
    /// <summary>
    /// The embeddings the model computed for this step (the article's passage, or an earlier article's when its story
    /// was first compared by embedding): a store keeps them with those articles, so a replay gives them back
    /// (<see cref="PreparedArticle.Embedding"/>) instead of calling the model again.
    /// </summary>
    public IReadOnlyList<ComputedEmbedding> Embedded { get; init; } = [];
}

/// <summary>An embedding the model computed for an article's passage (unit length, the embedder's dimensions).</summary>
public sealed record ComputedEmbedding(string ArticleId, float[] Vector);
