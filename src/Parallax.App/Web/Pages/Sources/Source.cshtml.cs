using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parallax.Data;

namespace Parallax.App.Web.Pages.Sources;

/// <summary>A source: its articles, how often it reports first, how often it is copied or spun elsewhere, its feed's health.</summary>
public sealed class SourceModel(IParallaxStore store) : PageModel
{
    public const int PageSize = 50;

    public SourceDetail Detail { get; private set; } = null!;

    public int PageNumber { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(long id, int? page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, page ?? 1);
        var detail = await store.GetSourceDetailAsync(id, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        return Page();
    }
}
