using Parallax.Data;

namespace Parallax.App.Web;

/// <summary>How the river is ordered: the combined rank (default) or one of the store's plain orders.</summary>
public enum RiverSort
{
    Top,
    Latest,
    Sources,
    Growing,
}

/// <summary>What a reader asked of the river: order, filters and page.</summary>
public sealed record RiverRequest(RiverSort Sort = RiverSort.Top, long? SourceId = null, TimeSpan? Within = null, int Page = 1, int PageSize = 30);

/// <summary>One page of the river, each story with the score that placed it.</summary>
public sealed record RiverPage(IReadOnlyList<StorySummary> Stories, bool HasMore, int Page);

/// <summary>
/// The river of stories. "Top" ranks by recency, distinct sources and growth together: a story's weight is its distinct
/// sources plus half its articles of the last day, to the power 1.5, divided by its age in hours plus two, as news
/// aggregators rank: a story many outlets take up rises (eight outlets a day ago still lead one outlet an hour ago) and
/// an old one sinks. Age is measured from the newest story
/// in the store, not the clock, so that an archive or the demo reads as it did when it was live. It is ranked over the
/// most recent <see cref="TopWindow"/> stories (the store orders those); the plain orders page through the store.
/// </summary>
public sealed class StoryRiver(IParallaxStore store, TimeProvider clock)
{
    public const int TopWindow = 500;

    public static readonly IReadOnlyDictionary<string, TimeSpan?> Windows = new Dictionary<string, TimeSpan?>(StringComparer.OrdinalIgnoreCase)
    {
        ["all"] = null,
        ["24h"] = TimeSpan.FromHours(24),
        ["7d"] = TimeSpan.FromDays(7),
        ["30d"] = TimeSpan.FromDays(30),
    };

    public async Task<RiverPage> ReadAsync(RiverRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.PageSize, 1, 500);
        var since = request.Within is { } within ? await ReferenceTimeAsync(cancellationToken) - within : (DateTimeOffset?)null;
        if (request.Sort != RiverSort.Top)
        {
            var ranking = request.Sort switch
            {
                RiverSort.Sources => StoryRanking.Sources,
                RiverSort.Growing => StoryRanking.Growth,
                _ => StoryRanking.Recent,
            };
            var result = await store.ListStoriesAsync(
                new StoryQuery(ranking, request.SourceId, since, Offset: (page - 1) * size, Limit: size, Now: await ReferenceTimeAsync(cancellationToken)),
                cancellationToken);
            return new RiverPage(result.Items, result.HasMore, page);
        }

        var reference = await ReferenceTimeAsync(cancellationToken);
        var candidates = await store.ListStoriesAsync(
            new StoryQuery(StoryRanking.Recent, request.SourceId, since, Limit: TopWindow, Now: reference), cancellationToken);
        var ranked = candidates.Items.OrderByDescending(s => Score(s, reference)).ThenByDescending(s => s.LastUpdated).ThenByDescending(s => s.Id).ToList();
        var items = ranked.Skip((page - 1) * size).Take(size).ToList();
        return new RiverPage(items, ranked.Count > page * size, page);
    }

    /// <summary>The combined rank of a story at <paramref name="reference"/>.</summary>
    public static double Score(StorySummary story, DateTimeOffset reference)
    {
        ArgumentNullException.ThrowIfNull(story);
        var hours = Math.Max(0, (reference - story.LastUpdated).TotalHours);
        return Math.Pow(story.SourceCount + 0.5 * story.RecentArticles, 1.5) / (hours + 2);
    }

    /// <summary>"Now" for the river: the newest story's update time, or the clock when the store is empty.</summary>
    private async Task<DateTimeOffset> ReferenceTimeAsync(CancellationToken cancellationToken)
    {
        var newest = await store.ListStoriesAsync(new StoryQuery(StoryRanking.Recent, Limit: 1), cancellationToken);
        return newest.Items.Count > 0 ? newest.Items[0].LastUpdated : clock.GetUtcNow();
    }

    public static RiverSort ParseSort(string? sort) => sort?.ToLowerInvariant() switch
    {
        "latest" => RiverSort.Latest,
        "sources" => RiverSort.Sources,
        "growing" => RiverSort.Growing,
        _ => RiverSort.Top,
    };
}
