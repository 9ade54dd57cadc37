using Parallax.Core.Extraction;
using Parallax.Core.Identity;
using Parallax.Core.Spin;
using Parallax.Core.Stories;

namespace Parallax.Core.Analysis;

/// <summary>
/// The whole pipeline, built once and shared by the CLI, the server and the benchmarks.
/// Stages keep no per-run state, so one instance serves any number of runs; the state that grows with a stream
/// (the copy index, the open stories) is made per run inside <see cref="Analyze"/>.
/// </summary>
/// <param name="embedder">The sentence-embedding model for the story cascade; null clusters on words alone.</param>
public sealed class ParallaxPipeline(
    PageExtractor extractor, SpinAnalyzer spin, StoryOptions? stories = null, CopyIndexOptions? copies = null, ITextEmbedder? embedder = null)
{
    public PageExtractor Extractor { get; } = extractor;

    public SpinAnalyzer Spin { get; } = spin;

    public StoryOptions StoryOptions { get; } = stories ?? StoryOptions.Default;

    public CopyIndexOptions CopyOptions { get; } = copies ?? CopyIndexOptions.Default;

    public ITextEmbedder? Embedder { get; } = embedder;

    public static ParallaxPipeline CreateDefault(ITextEmbedder? embedder = null) =>
        new(new PageExtractor(), SpinAnalyzer.CreateDefault(), embedder: embedder);

    public PageExtraction Extract(PageInput page) => Extractor.Extract(page);

    /// <summary>
    /// Runs spin, identity and story stages over already extracted pages, in the given order:
    /// 1. spin: score each article and restore the usual wording of spun ones;
    /// 2. identity: every article goes into one copy index in input order (with its restored text, so spun copies
    ///    match); a later, fuller version can become the original of an earlier copy, so links are read at the end;
    /// 3. stories: the distinct reports (articles that are no copy) are clustered in input order, then each copy
    ///    joins its original's story.
    /// </summary>
    public AnalysisResult Analyze(IReadOnlyList<PageExtraction> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var inputs = new List<(PageExtraction Page, ExtractedArticle Article, string Id, SpinResult Spin)>();
        foreach (var page in pages)
        {
            foreach (var article in page.Articles)
            {
                var id = $"a{inputs.Count + 1}";
                inputs.Add((page, article, id, Spin.Analyze(article.Text)));
            }
        }

        // Identity.
        var copies = new CopyIndex(CopyOptions);
        foreach (var (_, article, id, spin) in inputs)
        {
            copies.Add(new CopyCandidate(id, article.Title ?? string.Empty, article.Text, article.Source, article.Published,
                spin.Spun ? spin.Restored : null));
        }

        var articles = new List<AnalyzedArticle>(inputs.Count);
        var indexOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (page, article, id, spin) in inputs)
        {
            var link = copies.LinkOf(id);
            var publisher = link?.OriginalPublisher ?? copies.PublisherOf(id);
            indexOfId[id] = articles.Count;
            articles.Add(new AnalyzedArticle(
                id, page.Path, article.Title ?? string.Empty, article.Source, article.Url, article.Published, article.Author,
                article.Language, article.Text, page.Boilerplate, spin, CopyOf: link?.OriginalId,
                OriginalPublisher: publisher));
        }

        return new AnalysisResult(articles, GroupStories(articles, indexOfId));
    }

    private List<StoryRecord> GroupStories(List<AnalyzedArticle> articles, Dictionary<string, int> indexOfId)
    {
        var clusterer = new StoryClusterer(StoryOptions, Embedder);
        var clustered = new int[articles.Count]; // input position -> the clusterer's article number
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            if (article.CopyOf is null)
            {
                var text = article.Spin.Spun && article.Spin.Restored is not null ? article.Spin.Restored : article.Text;
                clustered[i] = clusterer.Add(new StoryDocument(article.Title, text, article.Published)).Article;
            }
        }

        for (var i = 0; i < articles.Count; i++)
        {
            var original = articles[i].CopyOf;
            if (original is not null)
            {
                clustered[i] = indexOfId.TryGetValue(original, out var o) && articles[o].CopyOf is null
                    ? clusterer.AttachCopy(clustered[o], articles[i].Published).Article
                    : clusterer.Add(new StoryDocument(articles[i].Title, articles[i].Text, articles[i].Published)).Article;
            }
        }

        // Stories in order of their first article; members in input order.
        var members = new Dictionary<int, List<int>>();
        var order = new List<int>();
        for (var i = 0; i < articles.Count; i++)
        {
            var story = clusterer.StoryOf(clustered[i]);
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
            foreach (var r in clusterer.Related(story))
            {
                if (storyId.TryGetValue(r.Story, out var id) && id != storyId[story])
                {
                    related.Add(id);
                }
            }

            records.Add(new StoryRecord(
                storyId[story], StoryTitle(articles, list), list.ConvertAll(i => articles[i].Id), Sources(articles, list), related));
        }

        return records;
    }

    /// <summary>
    /// The title of the story's original report: the earliest published distinct report (input order when times
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
