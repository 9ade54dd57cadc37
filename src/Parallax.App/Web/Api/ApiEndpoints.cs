namespace Parallax.App.Web.Api;

/// <summary>The JSON API under /api (GUIDE section 3): reads public unless configured private; writes need a login or a token.</summary>
public static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api").WithTags("Parallax");
        api.MapGet("/", () => Results.Json(new
        {
            openApi = "/openapi/v1.json",
            stories = "/api/stories",
            story = "/api/stories/{id}",
            article = "/api/articles/{id}",
            sources = "/api/sources",
            search = "/api/search?q=",
        })).ExcludeFromDescription();
    }
}
