using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Parallax.Data;

namespace Parallax.App.Web.Api;

/// <summary>A source to add through the API.</summary>
public sealed record SourceRequest(string? FeedUrl, string? Name = null, string? SiteUrl = null);

/// <summary>A story with its articles, related stories and coverage (null until the comparison has run).</summary>
public sealed record StoryResponse(StorySummary Story, IReadOnlyList<ArticleSummary> Articles, IReadOnlyList<StorySummary> Related, JsonElement? Coverage);

/// <summary>The reasons a request was refused, one sentence each.</summary>
public sealed record ProblemsResponse(IReadOnlyList<string> Problems);

/// <summary>
/// The JSON API under /api (GUIDE section 3). Reads are public unless configured private; writes need a login (cookie,
/// JSON bodies only, so a cross-site form cannot send one) or an API token, and answer 401 without either.
/// </summary>
public static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/api", () => Results.Json(new
        {
            openApi = "/openapi/v1.json",
            stories = "/api/stories",
            story = "/api/stories/{id}",
            article = "/api/articles/{id}",
            sources = "/api/sources",
            source = "/api/sources/{id}",
            search = "/api/search?q=",
            atom = "/feeds/stories.atom",
        })).ExcludeFromDescription();

        var api = endpoints.MapGroup("/api").WithTags("Parallax");
        api.MapGet("/stories", ListStoriesAsync).WithName("ListStories").WithSummary("The river of stories: sort=top|latest|sources|growing, source=ID, within=24h|7d|30d|all, page, size.");
        api.MapGet("/stories/{id:long}", GetStoryAsync).WithName("GetStory").WithSummary("A story with its articles, related stories and coverage.");
        api.MapGet("/articles/{id:long}", GetArticleAsync).WithName("GetArticle").WithSummary("An article, whole: text, provenance, spin and restored wording.");
        api.MapGet("/sources", ListSourcesAsync).WithName("ListSources").WithSummary("Every source with its feed's state.");
        api.MapGet("/sources/{id:long}", GetSourceAsync).WithName("GetSource").WithSummary("A source with its figures and a page of its articles.");
        api.MapGet("/search", SearchAsync).WithName("Search").WithSummary("Articles with every word of q.");
        api.MapPost("/sources", AddSourceAsync).RequireAuthorization(ParallaxWebHost.WritePolicy).WithName("AddSource").WithSummary("Adds a feed source (login or API token).");
        api.MapDelete("/sources/{id:long}", RemoveSourceAsync).RequireAuthorization(ParallaxWebHost.WritePolicy).WithName("RemoveSource").WithSummary("Removes a source without articles (login or API token).");
        api.MapGet("/ingest", ListIngestAsync).RequireAuthorization(ParallaxWebHost.WritePolicy).WithName("ListIngest").WithSummary("The ingest queue, newest first (login or API token).");
        endpoints.MapGet("/sources.opml", async (IParallaxStore store, ServeSettings settings, CancellationToken cancellationToken) =>
            Results.Text(SourcesOpml.Write(await store.ListSourcesAsync(cancellationToken), $"{settings.SiteTitle} sources"), "text/x-opml; charset=utf-8"))
            .WithTags("Parallax").WithName("ExportOpml").WithSummary("Every feed source as OPML.");
    }

    private static async Task<Ok<ResultPage<StorySummary>>> ListStoriesAsync(
        StoryRiver river, ServeSettings settings, string? sort, long? source, string? within, int? page, int? size, CancellationToken cancellationToken)
    {
        var window = within is not null && StoryRiver.Windows.TryGetValue(within, out var w) ? w : null;
        var result = await river.ReadAsync(
            new RiverRequest(StoryRiver.ParseSort(sort), source, window, page ?? 1, Math.Clamp(size ?? settings.PageSize, 1, 500)), cancellationToken);
        return TypedResults.Ok(new ResultPage<StorySummary>(result.Stories, result.HasMore));
    }

    private static async Task<Results<Ok<StoryResponse>, RedirectHttpResult, NotFound>> GetStoryAsync(long id, IParallaxStore store, CancellationToken cancellationToken)
    {
        var detail = await store.GetStoryAsync(id, cancellationToken);
        if (detail is null)
        {
            return TypedResults.NotFound();
        }

        if (detail.Story.MergedInto is { } into)
        {
            return TypedResults.Redirect($"/api/stories/{into}", permanent: true);
        }

        JsonElement? coverage = null;
        if (detail.CoverageJson is { } json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                coverage = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                coverage = null;
            }
        }

        return TypedResults.Ok(new StoryResponse(detail.Story, detail.Articles, detail.Related, coverage));
    }

    private static async Task<Results<Ok<ArticleRecord>, NotFound>> GetArticleAsync(long id, IParallaxStore store, CancellationToken cancellationToken) =>
        await store.GetArticleAsync(id, cancellationToken) is { } article ? TypedResults.Ok(article) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<SourceRecord>>> ListSourcesAsync(IParallaxStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListSourcesAsync(cancellationToken));

    private static async Task<Results<Ok<SourceDetail>, NotFound>> GetSourceAsync(long id, int? page, IParallaxStore store, CancellationToken cancellationToken) =>
        await store.GetSourceDetailAsync(id, (Math.Max(1, page ?? 1) - 1) * 50, 50, cancellationToken) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Ok<ResultPage<SearchHit>>, BadRequest<ProblemsResponse>>> SearchAsync(
        string? q, int? page, IParallaxStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 500)
        {
            return TypedResults.BadRequest(new ProblemsResponse(["q: give the words to search for (at most 500 characters)."]));
        }

        return TypedResults.Ok(await store.SearchAsync(q, (Math.Max(1, page ?? 1) - 1) * 20, 20, cancellationToken));
    }

    private static async Task<Results<Created<SourceRecord>, BadRequest<ProblemsResponse>>> AddSourceAsync(
        SourceRequest request, IParallaxStore store, CancellationToken cancellationToken)
    {
        var (source, problems) = SourceInput.Check(request.Name, request.FeedUrl, request.SiteUrl);
        if (source is null)
        {
            return TypedResults.BadRequest(new ProblemsResponse(problems));
        }

        var id = await store.AddSourceAsync(source, cancellationToken);
        var stored = await store.GetSourceAsync(id, cancellationToken);
        return TypedResults.Created($"/api/sources/{id}", stored);
    }

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemsResponse>>> RemoveSourceAsync(long id, IParallaxStore store, CancellationToken cancellationToken)
    {
        if (await store.GetSourceAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return await store.RemoveSourceAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Conflict(new ProblemsResponse(["the source has articles, so it stays: its stories and copies point at them."]));
    }

    private static async Task<Ok<ResultPage<IngestItem>>> ListIngestAsync(IParallaxStore store, int? page, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListIngestItemsAsync(null, (Math.Max(1, page ?? 1) - 1) * 50, 50, cancellationToken));
}
