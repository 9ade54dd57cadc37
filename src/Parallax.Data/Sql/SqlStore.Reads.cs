using System.Data.Common;
using System.Text.Json;
using Dapper;
using Parallax.Core.Identity;

namespace Parallax.Data.Sql;

/// <summary>Reads of articles, stories and search, as the web pages and the API want them.</summary>
public abstract partial class SqlStore
{
    private const string ArticleSummaryColumns =
        "a.id AS Id, a.source_id AS SourceId, src.name AS SourceName, a.url AS Url, a.title AS Title, a.published AS Published, " +
        "a.fetched AS Fetched, a.language AS Language, a.spun AS Spun, a.copy_of AS CopyOf, a.copy_kind AS CopyKind, " +
        "a.original_publisher AS OriginalPublisher, a.story_id AS StoryId";

    private const string StoryColumns =
        "s.id AS Id, s.title AS Title, s.first_seen AS FirstSeen, s.last_updated AS LastUpdated, s.article_count AS ArticleCount, " +
        "s.source_count AS SourceCount, s.merged_into AS MergedInto";

    private const string ArticleRecordSelect =
        $"""
        SELECT {ArticleSummaryColumns}, a.source_name AS ExtractedSource, a.path AS Path, a.author AS Author, a.text AS Text,
               a.boilerplate AS Boilerplate, a.spin_score AS SpinScore, a.restored_text AS RestoredText,
               a.copy_similarity AS CopySimilarity, a.partial AS Partial
        FROM articles a JOIN sources src ON src.id = a.source_id
        """;

    public async Task<ArticleRecord?> GetArticleAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ArticleRow>(Command(
            ArticleRecordSelect + " WHERE a.id = @Id", new { Id = id }, null, cancellationToken));
        return row?.ToRecord();
    }

    public async Task<IReadOnlyList<ArticleRecord>> GetArticlesAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ids.Count, 500, nameof(ids));
        if (ids.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ArticleRow>(Command(
            $"{ArticleRecordSelect} WHERE {Dialect.InList("a.id", "Ids")}", new { Ids = ids.Distinct().ToArray() }, null, cancellationToken));
        var byId = rows.ToDictionary(r => r.Id, r => r.ToRecord());
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    public async Task<ResultPage<StorySummary>> ListStoriesAsync(StoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 500);
        var now = query.Now ?? Clock.GetUtcNow();
        var window = query.GrowthWindow ?? TimeSpan.FromHours(24);
        var filters = new List<string> { "s.merged_into IS NULL", "s.article_count > 0" };
        if (query.SourceId is not null)
        {
            filters.Add("EXISTS (SELECT 1 FROM articles f WHERE f.story_id = s.id AND f.source_id = @SourceId)");
        }

        if (query.Since is not null)
        {
            filters.Add("s.last_updated >= @Since");
        }

        if (query.Until is not null)
        {
            filters.Add("s.first_seen <= @Until");
        }

        // A story not updated since the window began has no article in it: the count is asked only of the others.
        var recent =
            $"CASE WHEN s.last_updated >= @GrowthFrom THEN (SELECT COUNT(*) FROM articles g WHERE g.story_id = s.id AND {ReportedAt("g")} >= @GrowthFrom) ELSE 0 END";
        var order = query.Ranking switch
        {
            StoryRanking.Sources => "s.source_count DESC, s.last_updated DESC, s.id DESC",
            StoryRanking.Growth => "RecentArticles DESC, s.last_updated DESC, s.id DESC",
            _ => "s.last_updated DESC, s.id DESC",
        };
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoryRow>(Command(
            $"SELECT {StoryColumns}, {recent} AS RecentArticles FROM stories s WHERE {string.Join(" AND ", filters)} " +
            $"ORDER BY {order} LIMIT @Limit OFFSET @Offset",
            new
            {
                query.SourceId,
                Since = Ms(query.Since),
                Until = Ms(query.Until),
                GrowthFrom = Ms(now - window),
                Limit = (long)limit + 1,
                Offset = (long)Math.Max(0, query.Offset),
            }, null, cancellationToken));
        return Paged([.. rows.Select(r => r.ToSummary())], limit);
    }

    public async Task<StoryDetail?> GetStoryAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var story = await connection.QuerySingleOrDefaultAsync<StoryRow>(Command(
            $"SELECT {StoryColumns}, CAST(0 AS BIGINT) AS RecentArticles, s.coverage AS Coverage FROM stories s WHERE s.id = @Id",
            new { Id = id }, null, cancellationToken));
        if (story is null)
        {
            return null;
        }

        var articles = await QueryArticleSummariesAsync(connection, "WHERE a.story_id = @Id ORDER BY a.id", new { Id = id }, cancellationToken);
        var related = await connection.QueryAsync<StoryRow>(Command(
            $"""
            SELECT {StoryColumns}, CAST(0 AS BIGINT) AS RecentArticles FROM story_related r JOIN stories s ON s.id = r.related_id
            WHERE r.story_id = @Id AND s.merged_into IS NULL AND s.article_count > 0
            ORDER BY r.similarity DESC, s.id
            """, new { Id = id }, null, cancellationToken));
        return new StoryDetail(story.ToSummary(), articles, [.. related.Select(r => r.ToSummary())], story.Coverage);
    }

    public async Task SetStoryCoverageAsync(long storyId, string coverageJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coverageJson);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(Command(
            "UPDATE stories SET coverage = @Coverage WHERE id = @Id", new { Id = storyId, Coverage = coverageJson }, transaction, cancellationToken));
        await BumpGenerationAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ResultPage<SearchHit>> SearchAsync(string query, int offset = 0, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = SearchWords(query);
        if (words.Count == 0)
        {
            return new ResultPage<SearchHit>([], false);
        }

        limit = Math.Clamp(limit, 1, 200);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SearchRow>(Command(
            Dialect.SearchSql(ArticleSummaryColumns),
            new { Query = Dialect.SearchText(words), Limit = (long)limit + 1, Offset = (long)Math.Max(0, offset), SearchSnippet.TextPrefix },
            null, cancellationToken));
        return Paged([.. rows.Select(r => new SearchHit(r.ToSummary(), r.StoryTitle ?? string.Empty, SearchSnippet.Of(r.SnippetText, words), r.Rank))], limit);
    }

    /// <summary>The words of a search: letters and digits only, so no text is ever read as query syntax by either database.</summary>
    internal static List<string> SearchWords(string query) =>
        [.. SearchSnippet.Tokens(query).Take(32).Select(t => query.Substring(t.Start, t.Length).ToLowerInvariant())];

    private static async Task<IReadOnlyList<ArticleSummary>> QueryArticleSummariesAsync(
        DbConnection connection, string where, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ArticleRow>(Command(
            $"SELECT {ArticleSummaryColumns} FROM articles a JOIN sources src ON src.id = a.source_id {where}", parameters, null, cancellationToken));
        return [.. rows.Select(r => r.ToSummary())];
    }

    private static CopyKind? ParseKind(string? kind) => kind is not null && Enum.TryParse<CopyKind>(kind, out var parsed) ? parsed : null;

    private class ArticleRow
    {
        public long Id { get; set; }

        public long SourceId { get; set; }

        public string SourceName { get; set; } = string.Empty;

        public string? Url { get; set; }

        public string Title { get; set; } = string.Empty;

        public long? Published { get; set; }

        public long Fetched { get; set; }

        public string? Language { get; set; }

        public long Spun { get; set; }

        public long? CopyOf { get; set; }

        public string? CopyKind { get; set; }

        public string? OriginalPublisher { get; set; }

        public long StoryId { get; set; }

        public string? ExtractedSource { get; set; }

        public string? Path { get; set; }

        public string? Author { get; set; }

        public string Text { get; set; } = string.Empty;

        public string Boilerplate { get; set; } = "[]";

        public double SpinScore { get; set; }

        public string? RestoredText { get; set; }

        public double? CopySimilarity { get; set; }

        public long Partial { get; set; }

        public ArticleSummary ToSummary() => new(
            Id, SourceId, SourceName, Url, Title, Time(Published), Time(Fetched), Language, Spun != 0, CopyOf, ParseKind(CopyKind), OriginalPublisher, StoryId);

        public ArticleRecord ToRecord() => new(
            Id, SourceId, SourceName, ExtractedSource, Url, Path, Title, Author, Time(Published), Time(Fetched), Text,
            JsonSerializer.Deserialize<List<string>>(Boilerplate) ?? [], Language, SpinScore, Spun != 0, RestoredText, CopyOf,
            ParseKind(CopyKind), CopySimilarity, OriginalPublisher, StoryId, Partial != 0);
    }

    private sealed class SearchRow : ArticleRow
    {
        public string? StoryTitle { get; set; }

        public string? SnippetText { get; set; }

        public double Rank { get; set; }
    }

    private sealed class StoryRow
    {
        public long Id { get; set; }

        public string Title { get; set; } = string.Empty;

        public long FirstSeen { get; set; }

        public long LastUpdated { get; set; }

        public long ArticleCount { get; set; }

        public long SourceCount { get; set; }

        public long RecentArticles { get; set; }

        public long? MergedInto { get; set; }

        public string? Coverage { get; set; }

        public StorySummary ToSummary() => new(Id, Title, Time(FirstSeen), Time(LastUpdated), ArticleCount, SourceCount, RecentArticles, MergedInto);
    }
}
