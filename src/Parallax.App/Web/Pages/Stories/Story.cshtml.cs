using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parallax.Data;

namespace Parallax.App.Web.Pages.Stories;

/// <summary>A story: its sources, its reports side by side (or its coverage, once computed), its timeline, related stories.</summary>
public sealed class StoryModel(IParallaxStore store) : PageModel
{
    public StoryView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var detail = await store.GetStoryAsync(id, cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        if (detail.Story.MergedInto is { } into)
        {
            // A merged story's address stays good: it leads to the story that absorbed it.
            return RedirectPermanent($"/stories/{into}");
        }

        View = await StoryView.BuildAsync(store, detail, cancellationToken);
        return Page();
    }

    public string SourceOf(long? articleId) =>
        articleId is { } id && View.Detail.Articles.FirstOrDefault(a => a.Id == id) is { } article ? article.SourceName : "a report";
}
