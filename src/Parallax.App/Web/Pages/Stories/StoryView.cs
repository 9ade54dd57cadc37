using Parallax.Core.Identity;
using Parallax.Data;

namespace Parallax.App.Web.Pages.Stories;

/// <summary>A source of a story as its page lists it: when it first reported, and whether that was first of all.</summary>
public sealed record StorySource(long SourceId, string Name, DateTimeOffset FirstAt, int Reports, int Copies, bool First);

/// <summary>A distinct report with its text, and the copies and spun copies folded under it.</summary>
public sealed record StoryReport(ArticleRecord Article, IReadOnlyList<ArticleSummary> Copies, bool First);

/// <summary>
/// What a story page shows, built from the stored story: its sources with their first times, its distinct reports side
/// by side (each with its copies), a timeline of every article, and who reported first (the earliest distinct report
/// by publication time, else by arrival).
/// </summary>
public sealed record StoryView(
    StoryDetail Detail, IReadOnlyList<StorySource> Sources, IReadOnlyList<StoryReport> Reports, IReadOnlyList<ArticleSummary> Timeline, Coverage? Coverage)
{
    /// <summary>How many reports are shown in full side by side; the rest are listed.</summary>
    public const int ReportsInFull = 12;

    public static DateTimeOffset When(ArticleSummary article) => article.Published ?? article.Fetched;

    public static async Task<StoryView> BuildAsync(IParallaxStore store, StoryDetail detail, CancellationToken cancellationToken)
    {
        var articles = detail.Articles;
        var distinct = articles.Where(a => a.CopyOf is null).OrderBy(When).ThenBy(a => a.Id).ToList();
        var first = distinct.Count > 0 ? distinct[0].Id : (long?)null;
        var reports = new List<StoryReport>();

        // The texts shown in full, in one query rather than one per report.
        foreach (var full in await store.GetArticlesAsync([.. distinct.Take(ReportsInFull).Select(a => a.Id)], cancellationToken))
        {
            var copies = articles.Where(a => a.CopyOf == full.Id).OrderBy(When).ToList();
            reports.Add(new StoryReport(full, copies, full.Id == first));
        }

        var firstSource = distinct.Count > 0 ? distinct[0].SourceId : (long?)null;
        var sources = articles
            .GroupBy(a => (a.SourceId, a.SourceName))
            .Select(g => new StorySource(
                g.Key.SourceId, g.Key.SourceName, g.Min(When), g.Count(a => a.CopyOf is null), g.Count(a => a.CopyOf is not null), g.Key.SourceId == firstSource))
            .OrderBy(s => s.FirstAt).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var timeline = articles.OrderBy(When).ThenBy(a => a.Id).ToList();
        var coverage = detail.CoverageJson is { } json ? Coverage.Parse(json) : null;
        return new StoryView(detail, sources, reports, timeline, coverage);
    }

    /// <summary>
    /// A spun copy: linked as one, or a copy whose own wording reads as spun (the copy index may have matched it as a
    /// republication on its shared names and figures before the spin score was weighed).
    /// </summary>
    public static bool IsSpunCopy(ArticleSummary article) => article.CopyOf is not null && (article.CopyKind == CopyKind.SpunCopy || article.Spun);

    public static bool IsSpunCopy(ArticleRecord article) => article.CopyOf is not null && (article.CopyKind == CopyKind.SpunCopy || article.Spun);

    /// <summary>The badge class and words for an article's kind: report, copy, republished, spun copy.</summary>
    public static string BadgeClass(ArticleSummary article) => IsSpunCopy(article) ? "spun" : "copy";

    public static string Label(ArticleSummary article) => IsSpunCopy(article) ? "spun copy" : KindLabel(article.CopyKind);

    public static string Label(ArticleRecord article) => IsSpunCopy(article) ? "spun copy" : KindLabel(article.CopyKind);

    public static string KindLabel(CopyKind? kind) => kind switch
    {
        CopyKind.SpunCopy => "spun copy",
        CopyKind.Republication => "republished",
        CopyKind.Duplicate => "duplicate",
        CopyKind.NearDuplicate => "near copy",
        null => "report",
        _ => "copy",
    };
}
