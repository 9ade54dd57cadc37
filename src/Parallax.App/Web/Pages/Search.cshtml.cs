using Microsoft.AspNetCore.Mvc.RazorPages;
using Parallax.Data;

namespace Parallax.App.Web.Pages;

/// <summary>Full-text search over every stored article (every word, any order).</summary>
public sealed class SearchModel(IParallaxStore store) : PageModel
{
    public const int PageSize = 20;

    public string Query { get; private set; } = string.Empty;

    public ResultPage<SearchHit> Hits { get; private set; } = new([], false);

    public int PageNumber { get; private set; } = 1;

    public async Task OnGetAsync(string? q, int? page, CancellationToken cancellationToken)
    {
        Query = (q ?? string.Empty).Trim();
        if (Query.Length > 500)
        {
            Query = Query[..500];
        }

        PageNumber = Math.Max(1, page ?? 1);
        ViewData["Query"] = Query;
        if (Query.Length > 0)
        {
            Hits = await store.SearchAsync(Query, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        }
    }
}
