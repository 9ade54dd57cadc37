using Parallax.Core.Identity;

namespace Parallax.Data;

/// <summary>
/// Everything one ingested item changes, written in one transaction: the item marked done, its new articles, the copy
/// links and story memberships the session changed, merged stories, and the related stories and coverage comparison of
/// the stories touched. A crash before the commit leaves none of it; after, all of it.
/// </summary>
/// <param name="Item">The ingest item (created or updated to done).</param>
/// <param name="Articles">New articles, in arrival order, with ids the writer allocated (above every stored id).</param>
/// <param name="Links">The copy link of every article the session relinked (new ones included); CopyOf null makes it a distinct report.</param>
/// <param name="Moves">Every stored article that now sits in another story (merges, splits): membership changes only through these.</param>
/// <param name="Merges">Stories absorbed by another.</param>
/// <param name="Related">The related stories of each story touched, replacing what was stored for it.</param>
public sealed record PageWrite(
    ItemWrite Item,
    IReadOnlyList<NewArticle> Articles,
    IReadOnlyList<ArticleLink> Links,
    IReadOnlyList<ArticleMove> Moves,
    IReadOnlyList<StoryMerge> Merges,
    IReadOnlyList<StoryRelations> Related)
{
    /// <summary>The coverage comparison of each story touched whose comparison was made, replacing what was stored for it.</summary>
    public IReadOnlyList<StoryCoverageWrite> Coverage { get; init; } = [];

    /// <summary>
    /// The embeddings the model computed while the session took this item: of its new articles, or of earlier ones
    /// (a story's first report, embedded when a later report was first compared with it). Kept with those articles.
    /// </summary>
    public IReadOnlyList<ArticleEmbeddingWrite> Embeddings { get; init; } = [];
}

/// <summary>An article's embedding, as the model gave it (float32).</summary>
public sealed record ArticleEmbeddingWrite(long ArticleId, float[] Vector);

/// <summary>A story's coverage comparison as JSON text (GUIDE section 3, articles named by their stored ids).</summary>
public sealed record StoryCoverageWrite(long StoryId, string Json);

/// <summary>The ingest item a write completes.</summary>
/// <param name="Key">Its key (unique in the store).</param>
/// <param name="Error">Why part of it could not be used (a cut .gz kept partial), or null.</param>
public sealed record ItemWrite(string Key, long? SourceId, string? Url, string? Path, string? Error = null);

/// <summary>A new article with its place: its story (by the session's number + 1), and its source by id or by name.</summary>
/// <param name="SourceId">The source to store it under; when null, the source named <paramref name="SourceName"/> (created when new).</param>
/// <param name="SourceName">The source's name when <paramref name="SourceId"/> is null (the publisher, else the site's host).</param>
/// <param name="ExtractedSource">The publisher's name as extraction found it (the session reads it again on replay).</param>
public sealed record NewArticle(
    long Id,
    long? SourceId,
    string SourceName,
    string? ExtractedSource,
    string? Url,
    string? Path,
    string Title,
    string? Author,
    DateTimeOffset? Published,
    DateTimeOffset Fetched,
    string Text,
    IReadOnlyList<string> Boilerplate,
    string? Language,
    double SpinScore,
    bool Spun,
    string? RestoredText,
    long StoryId,
    bool Partial);

/// <summary>An article's copy link as the session has it now (resolved to the root original).</summary>
public sealed record ArticleLink(long ArticleId, long? CopyOf, CopyKind? Kind, double? Similarity, string? OriginalPublisher);

/// <summary>A stored article that the session placed in another story.</summary>
public sealed record ArticleMove(long ArticleId, long StoryId);

/// <summary>A story absorbed by another: its address leads to <paramref name="Into"/>.</summary>
public sealed record StoryMerge(long Absorbed, long Into);

/// <summary>A story's related stories, most similar first.</summary>
public sealed record StoryRelations(long StoryId, IReadOnlyList<(long StoryId, double Similarity)> Related);

/// <summary>
/// What a session needs of a stored article to be rebuilt by replay, in arrival order, with where the store has it.
/// </summary>
/// <param name="Embedding">Its stored embedding as written (float32 little-endian), or null when it was never embedded.</param>
public sealed record ReplayArticle(
    long Id,
    string Title,
    string Text,
    string? ExtractedSource,
    DateTimeOffset? Published,
    bool Spun,
    string? RestoredText,
    long StoryId,
    long? CopyOf,
    byte[]? Embedding = null);
