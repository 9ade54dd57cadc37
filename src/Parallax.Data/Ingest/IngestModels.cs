using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;

namespace Parallax.Data.Ingest;

/// <summary>
/// One item to ingest: a page to extract, or articles already extracted (a JSON line, a feed entry with its full text).
/// </summary>
/// <param name="Key">What makes it the same item again (content hash, archive record id...): an item whose key is stored
/// as done is not ingested twice.</param>
/// <param name="Path">Where it came from, as shown to a person (a file, FILE#record, FILE:line, a URL).</param>
/// <param name="Page">The page to extract, or null when <paramref name="Articles"/> are given.</param>
/// <param name="Articles">Articles already extracted, or null for a page.</param>
/// <param name="SourceId">The source to store its articles under (a feed's); null: by the publisher's name.</param>
/// <param name="Url">Where it was published, when known.</param>
/// <param name="Fetched">When it was fetched; default: when it is stored.</param>
/// <param name="PartialReason">Why the input was cut short (a truncated .gz), or null; its articles are marked partial.</param>
public sealed record IngestSubmission(
    string Key,
    string Path,
    PageInput? Page = null,
    IReadOnlyList<ExtractedArticle>? Articles = null,
    long? SourceId = null,
    string? Url = null,
    DateTimeOffset? Fetched = null,
    string? PartialReason = null);

/// <summary>A submission with the per-article work done (any thread), ready for the one writer; or why it cannot be used.</summary>
public sealed record PreparedSubmission(IngestSubmission Submission, IReadOnlyList<PreparedArticle> Articles, string? Error, string? Detail = null);

/// <summary>What became of an item.</summary>
public enum IngestResult
{
    /// <summary>Its articles are stored.</summary>
    Stored,

    /// <summary>The store had it already (a re-run after a kill); nothing was written.</summary>
    AlreadyStored,

    /// <summary>It could not be used; the reason is stored with the item.</summary>
    Failed,
}

/// <summary>What ingesting one item did.</summary>
/// <param name="ArticleIds">The stored ids of its articles, in page order.</param>
/// <param name="Updates">What each article changed in the session (copy links, stories), in order.</param>
/// <param name="Error">Why it failed, for <see cref="IngestResult.Failed"/>.</param>
/// <param name="Detail">Technical detail of an unexpected failure (for --verbose).</param>
public sealed record IngestOutcome(string Key, string Path, IngestResult Result, IReadOnlyList<long> ArticleIds, IReadOnlyList<SessionUpdate> Updates, string? Error, string? Detail = null);

/// <summary>
/// How the session was rebuilt from the store when it was opened: the stored articles replayed in arrival order.
/// </summary>
/// <param name="Articles">Articles replayed.</param>
/// <param name="Elapsed">How long the replay took.</param>
/// <param name="StoryMismatches">Articles the replay placed in another story than the store holds (0 when the store matches the engine).</param>
/// <param name="LinkMismatches">Articles whose copy link the replay found different from the stored one.</param>
public sealed record ReplayReport(long Articles, TimeSpan Elapsed, long StoryMismatches, long LinkMismatches)
{
    /// <summary>Replayed articles that came with a stored embedding.</summary>
    public long StoredEmbeddings { get; init; }

    /// <summary>Passages the cascade took from a stored embedding instead of the model.</summary>
    public long EmbeddingsFromStore { get; init; }

    /// <summary>Embedding model calls the replay made (passages with no stored embedding; 0 without a model).</summary>
    public long ModelCalls { get; init; }

    /// <summary>
    /// Threads the runtime created from the lowered replay thread that kept its lower priority because the process may
    /// not raise a priority (see <see cref="LowPriorityThread"/>); 0 when every one was put back.
    /// </summary>
    public int ThreadsLeftLowered { get; init; }
}
