using Parallax.Core.Analysis;
using Parallax.Core.Coverage;
using Parallax.Core.Identity;
using Parallax.Core.Language;
using Parallax.Core.Spin;

namespace Parallax.Core.Pipeline;

/// <summary>
/// Keeps the articles a session was given, so that a finished run can be written out whole (`analyze`): links
/// and stories are read from the session at the end, since a later article can re-root an earlier one's group.
/// </summary>
public sealed class AnalysisCollector
{
    private readonly List<(string Id, PreparedArticle Article)> articles = [];
    private readonly CoverageBuilder? coverage;

    /// <param name="coverage">Compares each story's distinct reports (<see cref="StoryRecord.Coverage"/>); null leaves coverage empty.</param>
    public AnalysisCollector(CoverageBuilder? coverage = null)
    {
        this.coverage = coverage;
    }

    public void Add(SessionUpdate update, PreparedArticle article)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(article);
        articles.Add((update.ArticleId, article));
    }

    /// <summary>
    /// Articles in arrival order; stories in order of their first article, numbered s1, s2, ...; each story's
    /// members in arrival order, its related stories among those of this run.
    /// </summary>
    public AnalysisResult Build(ParallaxSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var analyzed = new List<AnalyzedArticle>(articles.Count);
        var byId = new Dictionary<string, PreparedArticle>(StringComparer.Ordinal);
        foreach (var (id, prepared) in articles)
        {
            byId.TryAdd(id, prepared);
        }

        // A publisher named in a spun text may be mangled too ("The Wall Road Journal"): it is restored from the real
        // outlet names, the shipped list and every source name of this run (only in spun texts, where mangling is
        // expected, so that an unlisted outlet one word off a listed one keeps its name elsewhere).
        var names = OutletNames.Shipped.With(articles.Select(a => a.Article.Article.Source));

        foreach (var (id, prepared) in articles)
        {
            var link = session.LinkOf(id);
            var a = prepared.Article;
            var spin = SpinOf(prepared, link, byId);
            var publisher = link?.OriginalPublisher ?? session.PublisherOf(id);
            analyzed.Add(new AnalyzedArticle(
                id, prepared.Path, a.Title ?? string.Empty, a.Source, a.Url, a.Published, a.Author, a.Language, prepared.Text,
                prepared.Boilerplate, spin, CopyOf: link?.OriginalId,
                OriginalPublisher: spin.Spun && publisher is not null ? names.Restore(publisher) ?? publisher : publisher));
        }

        var members = new Dictionary<int, List<int>>();
        var order = new List<int>();
        for (var i = 0; i < analyzed.Count; i++)
        {
            var story = session.StoryOf(analyzed[i].Id);
            if (!members.TryGetValue(story, out var list))
            {
                members[story] = list = [];
                order.Add(story);
            }

            list.Add(i);
        }

        var storyId = new Dictionary<int, string>();
        for (var s = 0; s < order.Count; s++)
        {
            storyId[order[s]] = $"s{s + 1}";
        }

        var records = new List<StoryRecord>(order.Count);
        foreach (var story in order)
        {
            var list = members[story];
            var related = new List<string>();
            foreach (var r in session.Related(story))
            {
                if (storyId.TryGetValue(r.Story, out var id) && id != storyId[story])
                {
                    related.Add(id);
                }
            }

            records.Add(new StoryRecord(storyId[story], StoryTitle(analyzed, list), list.ConvertAll(i => analyzed[i].Id), Sources(analyzed, list), related)
            {
                Coverage = Coverage(analyzed, list),
            });
        }

        return new AnalysisResult(analyzed, records);
    }

    /// <summary>
    /// A spun copy whose original is in this run is restored from it (the original's wording at every swapped place),
    /// not from the analyser's guess; any other article keeps the analyser's result.
    /// </summary>
    private static SpinResult SpinOf(PreparedArticle article, CopyLink? link, Dictionary<string, PreparedArticle> byId) =>
        link is { Kind: CopyKind.SpunCopy } && byId.TryGetValue(link.OriginalId, out var original)
            ? article.Spin.FromOriginal(CopyRestoration.Restore(article.Text, original.Text), link.OriginalId)
            : article.Spin;

    /// <summary>
    /// The story's distinct reports compared: copies add no new report; a spun report is compared in its restored
    /// wording, with spans still in its own text.
    /// </summary>
    private StoryCoverage Coverage(List<AnalyzedArticle> analyzed, List<int> members)
    {
        if (coverage is null)
        {
            return StoryCoverage.Empty;
        }

        var reports = new List<CoverageReport>();
        foreach (var i in members)
        {
            if (analyzed[i].CopyOf is not null)
            {
                continue;
            }

            reports.Add(articles[i].Article.CoverageReport(analyzed[i].Id, Language));
        }

        return coverage.Build(reports);
    }

    private LanguageAnalyzer Language { get; } = new();

    /// <summary>
    /// The title of the story's original report: the earliest published distinct report (arrival order when times
    /// are unknown); a copy's title only when no report has one.
    /// </summary>
    private static string StoryTitle(List<AnalyzedArticle> articles, List<int> members)
    {
        AnalyzedArticle? best = null;
        foreach (var i in members)
        {
            var a = articles[i];
            if (a.CopyOf is not null || string.IsNullOrWhiteSpace(a.Title))
            {
                continue;
            }

            if (best is null || (a.Published is { } p && (best.Published is null || p < best.Published)))
            {
                best = a;
            }
        }

        if (best is not null)
        {
            return best.Title;
        }

        foreach (var i in members)
        {
            if (!string.IsNullOrWhiteSpace(articles[i].Title))
            {
                return articles[i].Title;
            }
        }

        return string.Empty;
    }

    /// <summary>Distinct publishers of the story's articles (copies included), with original publishers they credit.</summary>
    private static List<string> Sources(List<AnalyzedArticle> articles, List<int> members)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sources = new List<string>();
        foreach (var i in members)
        {
            foreach (var name in new[] { articles[i].Source, articles[i].OriginalPublisher })
            {
                if (!string.IsNullOrWhiteSpace(name) && seen.Add(name.Trim()))
                {
                    sources.Add(name.Trim());
                }
            }
        }

        return sources;
    }
}
