using Microsoft.AspNetCore.Mvc.RazorPages;
using Parallax.Data;

namespace Parallax.App.Web.Pages.Sources;

/// <summary>Every source, with the health of its feed.</summary>
public sealed class SourcesIndexModel(IParallaxStore store) : PageModel
{
    public IReadOnlyList<SourceRecord> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Sources = await store.ListSourcesAsync(cancellationToken);
}
