namespace Parallax.App.Web.Feeds;

/// <summary>Atom feeds of stories: all, per source, per search.</summary>
public static class AtomEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
    }
}
