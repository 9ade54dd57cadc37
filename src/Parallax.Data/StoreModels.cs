using Parallax.Core.Identity;

namespace Parallax.Data;

/// <summary>A publisher, with its feed when it has one, and the state of polling that feed.</summary>
/// <param name="Id">Stable id: the address is /sources/{id}.</param>
/// <param name="Name">The publisher's name as shown.</param>
/// <param name="SiteUrl">The publisher's home page, when known.</param>
/// <param name="FeedUrl">The feed polled for it; null for a source met only through imported pages.</param>
/// <param name="Added">When the source was added (or first met).</param>
/// <param name="NextCheck">When the feed is due to be polled next (backoff included); null when it has no feed.</param>
/// <param name="LastChecked">When the feed was last polled, successfully or not.</param>
/// <param name="ETag">The feed's last ETag, for a conditional GET.</param>
/// <param name="LastModified">The feed's last Last-Modified header, as sent, for a conditional GET.</param>
/// <param name="LastError">Why the last poll failed; null after a success.</param>
/// <param name="LastErrorAt">When the last poll failed.</param>
/// <param name="ErrorCount">Polls failed in a row (the backoff exponent); 0 after a success.</param>
public sealed record SourceRecord(
    long Id,
    string Name,
    string? SiteUrl,
    string? FeedUrl,
    DateTimeOffset Added,
    DateTimeOffset? NextCheck,
    DateTimeOffset? LastChecked,
    string? ETag,
    string? LastModified,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int ErrorCount,
    TimeSpan? RefreshHint = null);

/// <summary>A source to add; a feed source is due for its first poll at once unless <paramref name="NextCheck"/> says otherwise.</summary>
public sealed record NewSource(string Name, string? SiteUrl = null, string? FeedUrl = null, DateTimeOffset? NextCheck = null);

/// <summary>The outcome of one poll of a source's feed.</summary>
/// <param name="CheckedAt">When the poll ran.</param>
/// <param name="NextCheck">When to poll next (the poller has applied Cache-Control, Retry-After, TTL and backoff).</param>
/// <param name="ETag">The ETag to send next time (null keeps none).</param>
/// <param name="LastModified">The Last-Modified to send next time (null keeps none).</param>
/// <param name="Error">Why the poll failed, or null on success (a 304 is a success); a failure adds one to the error count.</param>
/// <param name="FeedUrl">The feed's new address after a permanent redirect (301, 308), or null where it stays; an
/// address another source already polls is not taken (the two would be one feed polled twice).</param>
/// <param name="RefreshHint">The feed's own refresh interval (TTL, sy:updatePeriod), kept for checks answered by a 304;
/// null keeps the one stored.</param>
public sealed record SourceCheck(
    DateTimeOffset CheckedAt,
    DateTimeOffset NextCheck,
    string? ETag,
    string? LastModified,
    string? Error,
    string? FeedUrl = null,
    TimeSpan? RefreshHint = null);

/// <summary>What a source's page shows beside its articles.</summary>
/// <param name="Articles">Articles stored from it.</param>
/// <param name="Stories">Stories it has an article in.</param>
/// <param name="ReportedFirst">Stories whose earliest article (by publication time, else arrival; copies count, since a
/// republisher may be first with a story) is its.</param>
/// <param name="Copies">Its own articles that are copies of another article.</param>
/// <param name="CopiedElsewhere">Articles of other sources that copy (duplicate, republish or spin) one of its articles.</param>
/// <param name="SpunElsewhere">Of those, spun copies.</param>
public sealed record SourceStats(long Articles, long Stories, long ReportedFirst, long Copies, long CopiedElsewhere, long SpunElsewhere);

/// <summary>A source with its figures and its latest articles.</summary>
public sealed record SourceDetail(SourceRecord Source, SourceStats Stats, ResultPage<ArticleSummary> Articles);

/// <summary>One article as lists show it (no text).</summary>
public sealed record ArticleSummary(
    long Id,
    long SourceId,
    string SourceName,
    string? Url,
    string Title,
    DateTimeOffset? Published,
    DateTimeOffset Fetched,
    string? Language,
    bool Spun,
    long? CopyOf,
    CopyKind? CopyKind,
    string? OriginalPublisher,
    long StoryId);

/// <summary>One stored article, whole.</summary>
/// <param name="Id">Stable id: the address is /articles/{id}; ids grow in arrival order.</param>
/// <param name="SourceId">The source it was stored under.</param>
/// <param name="SourceName">That source's name.</param>
/// <param name="ExtractedSource">The publisher's name as extraction found it on the page, or null.</param>
/// <param name="Url">Where it was published, when known.</param>
/// <param name="Path">The input it came from (a file, an archive record, a feed entry).</param>
/// <param name="Title">Its title (may be empty).</param>
/// <param name="Author">Its author, when known.</param>
/// <param name="Published">When it was published, when known (UTC, to the millisecond).</param>
/// <param name="Fetched">When it arrived in the store.</param>
/// <param name="Text">The clean body; paragraphs separated by a blank line.</param>
/// <param name="Boilerplate">Blocks of its page removed as not part of any article.</param>
/// <param name="Language">Its language (ISO 639), when known.</param>
/// <param name="SpinScore">0 to 1: how spun its wording looks.</param>
/// <param name="Spun">Whether it was judged spun.</param>
/// <param name="RestoredText">For a spun article, the body with the usual wording restored.</param>
/// <param name="CopyOf">The original it copies (never itself a copy), or null for a distinct report.</param>
/// <param name="CopyKind">How it copies the original.</param>
/// <param name="CopySimilarity">0 to 1: how alike it is to the original.</param>
/// <param name="OriginalPublisher">The publisher of its original, or the one its text credits.</param>
/// <param name="StoryId">The story it is in now.</param>
/// <param name="Partial">The input was cut short: the text may stop mid-way.</param>
public sealed record ArticleRecord(
    long Id,
    long SourceId,
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
    long? CopyOf,
    CopyKind? CopyKind,
    double? CopySimilarity,
    string? OriginalPublisher,
    long StoryId,
    bool Partial);

/// <summary>How the story list is ordered.</summary>
public enum StoryRanking
{
    /// <summary>Most recently updated first.</summary>
    Recent,

    /// <summary>Most distinct sources first, then most recent.</summary>
    Sources,

    /// <summary>Most articles within the growth window first, then most recent.</summary>
    Growth,
}

/// <summary>A request for the story list: order, filters and paging.</summary>
/// <param name="Ranking">The order.</param>
/// <param name="SourceId">Only stories with an article from this source.</param>
/// <param name="Since">Only stories updated at or after this time.</param>
/// <param name="Until">Only stories first seen at or before this time.</param>
/// <param name="Offset">Stories to skip.</param>
/// <param name="Limit">Stories to return (1 to 500).</param>
/// <param name="GrowthWindow">How far back "growth" counts articles (default 24 hours), measured from <paramref name="Now"/>.</param>
/// <param name="Now">The time growth is measured from (default: the store's clock).</param>
public sealed record StoryQuery(
    StoryRanking Ranking = StoryRanking.Recent,
    long? SourceId = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    int Offset = 0,
    int Limit = 50,
    TimeSpan? GrowthWindow = null,
    DateTimeOffset? Now = null);

/// <summary>One story as the list shows it.</summary>
/// <param name="Id">Stable id: the address is /stories/{id}.</param>
/// <param name="Title">The title of its original report (earliest published distinct report).</param>
/// <param name="FirstSeen">When its first article arrived.</param>
/// <param name="LastUpdated">When its latest article arrived.</param>
/// <param name="ArticleCount">Articles in it, copies included.</param>
/// <param name="SourceCount">Distinct sources of those articles.</param>
/// <param name="RecentArticles">Articles that arrived within the query's growth window (0 outside a list query).</param>
/// <param name="MergedInto">When another story absorbed this one, that story's id; its address should lead there.</param>
public sealed record StorySummary(
    long Id,
    string Title,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastUpdated,
    long ArticleCount,
    long SourceCount,
    long RecentArticles,
    long? MergedInto);

/// <summary>A story to show on its page.</summary>
/// <param name="Story">Its summary.</param>
/// <param name="Articles">Its articles in arrival order (copies included; each names what it copies).</param>
/// <param name="Related">Stories on the same topic about another event, most similar first.</param>
/// <param name="CoverageJson">The coverage comparison as JSON text (GUIDE section 3), once computed; null before.</param>
public sealed record StoryDetail(StorySummary Story, IReadOnlyList<ArticleSummary> Articles, IReadOnlyList<StorySummary> Related, string? CoverageJson);

/// <summary>A page of a longer list.</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, bool HasMore);

/// <summary>One article found by a search.</summary>
/// <param name="Article">The article.</param>
/// <param name="StoryTitle">The title of its story.</param>
/// <param name="Snippet">A short plain-text extract around the match (no markup).</param>
/// <param name="Rank">1 when the title has every word, 0 when the text completes it (see SqlDialect.SearchSql).</param>
public sealed record SearchHit(ArticleSummary Article, string StoryTitle, string Snippet, double Rank);

/// <summary>Where an item of the ingest queue stands.</summary>
public enum IngestState
{
    /// <summary>Waiting for a worker.</summary>
    Queued,

    /// <summary>A worker holds it until its lease ends.</summary>
    Leased,

    /// <summary>Ingested: its articles are stored.</summary>
    Done,

    /// <summary>It could not be ingested; the reason is kept.</summary>
    Failed,
}

/// <summary>One item of the ingest queue: a page, archive record or feed entry, known by its key.</summary>
/// <param name="Key">What makes it the same item again (a content hash, an archive record id, a feed entry id).</param>
/// <param name="Payload">What a worker needs beyond the URL (a feed entry as JSON, say), or null.</param>
/// <param name="Attempts">How many times a worker took it.</param>
/// <param name="Articles">Articles stored from it.</param>
/// <param name="LeasedBy">The worker holding it, while leased.</param>
/// <param name="LeaseUntil">When the lease ends; after that another worker may take it.</param>
public sealed record IngestItem(
    long Id,
    string Key,
    long? SourceId,
    string? Url,
    string? Path,
    string? Payload,
    IngestState State,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    int Attempts,
    string? Error,
    int Articles,
    string? LeasedBy,
    DateTimeOffset? LeaseUntil);

/// <summary>An item to queue for a worker.</summary>
public sealed record NewIngestItem(string Key, long? SourceId = null, string? Url = null, string? Path = null, string? Payload = null);

/// <summary>A person who may log in.</summary>
public sealed record UserRecord(long Id, string Name, string PasswordHash, bool IsAdmin, DateTimeOffset Created);

/// <summary>A token a script sends instead of logging in; only its hash is stored.</summary>
public sealed record ApiTokenRecord(long Id, long UserId, string Name, string TokenHash, DateTimeOffset Created, DateTimeOffset? LastUsed, DateTimeOffset? Revoked);

/// <summary>How much the store holds.</summary>
public sealed record StoreCounts(long Articles, long Stories, long Sources, long Queued, long Done, long Failed);
