namespace Parallax.Ingest.Feeds;

/// <summary>The syndication formats the reader knows; the name is what `feeds parse --json` prints.</summary>
public enum FeedFormat
{
    Rss2,
    Rdf,
    Atom,
    JsonFeed,
}

/// <summary>
/// One entry as Parallax reads it: text fields are plain text with entities decoded, links are absolute, and
/// <see cref="Id"/> is never empty (a stable id from the link or a hash of the content when the feed gives none).
/// <see cref="ContentHtml"/> keeps the markup of the full content, for an extraction stage that wants the paragraphs.
/// </summary>
public sealed record FeedEntry(
    string Id,
    string? Title,
    string? Link,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    string? Author,
    string? Summary,
    string? Content,
    string? ContentHtml = null)
{
    /// <summary>
    /// Whether the feed carries only a teaser, so the article page is worth fetching: no content at all, or one
    /// no longer than the summary.
    /// </summary>
    public bool OnlySummary => Link is not null && (Content is null || Content.Length < Math.Max(400, (Summary?.Length ?? 0) + 1));
}

/// <summary>
/// A parsed feed. <see cref="RefreshHint"/> is how often the publisher says it changes (RSS &lt;ttl&gt;,
/// sy:updatePeriod and sy:updateFrequency), for the polling schedule; null when it says nothing.
/// </summary>
public sealed record Feed(
    FeedFormat Format,
    string? Title,
    string? Link,
    string? Id,
    IReadOnlyList<FeedEntry> Entries,
    TimeSpan? RefreshHint = null);

/// <summary>A feed, or the reason the bytes are not one. Never both.</summary>
public sealed record FeedParseResult(Feed? Feed, string? Error)
{
    public static FeedParseResult Ok(Feed feed) => new(feed, null);

    public static FeedParseResult Fail(string reason) => new(null, reason);
}

/// <summary>The limits a feed is read under; the defaults sit far above real feeds and far below what hurts.</summary>
public sealed record FeedReaderOptions
{
    public static FeedReaderOptions Default { get; } = new();

    /// <summary>Feeds above this many bytes are refused before they are parsed.</summary>
    public int MaxBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Entries past this many are dropped (a feed of a million items is a mistake or an attack).</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>The deepest element nesting an XML feed may have.</summary>
    public int MaxDepth { get; init; } = 64;
}
