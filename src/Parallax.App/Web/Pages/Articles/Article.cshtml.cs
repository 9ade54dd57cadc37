using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Parallax.Data;

namespace Parallax.App.Web.Pages.Articles;

/// <summary>An article: its clean text, publisher, times, provenance, its copies, and for a spun copy the restored wording.</summary>
public sealed class ArticleModel(IParallaxStore store) : PageModel
{
    public ArticleRecord Article { get; private set; } = null!;

    public ArticleRecord? Original { get; private set; }

    public StorySummary? Story { get; private set; }

    public IReadOnlyList<ArticleSummary> Copies { get; private set; } = [];

    public IReadOnlyList<IReadOnlyList<DiffRun>>? Diff { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var article = await store.GetArticleAsync(id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        Article = article;
        Original = article.CopyOf is { } original ? await store.GetArticleAsync(original, cancellationToken) : null;
        var story = await store.GetStoryAsync(article.StoryId, cancellationToken);
        Story = story?.Story;
        Copies = story?.Articles.Where(a => a.CopyOf == id).OrderBy(a => a.Published ?? a.Fetched).ToList() ?? [];
        if (article.Spun && article.RestoredText is { Length: > 0 } restored)
        {
            Diff = WordDiff.Paragraphs(article.Text, restored);
        }

        return Page();
    }
}
