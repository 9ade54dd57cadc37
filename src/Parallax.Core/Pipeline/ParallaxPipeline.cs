using Parallax.Core.Analysis;
using Parallax.Core.Coverage;
using Parallax.Core.Extraction;
using Parallax.Core.Identity;
using Parallax.Core.Language;
using Parallax.Core.Spin;
using Parallax.Core.Stories;

namespace Parallax.Core.Pipeline;

/// <summary>
/// The whole pipeline, built once by <see cref="ParallaxPipelineBuilder"/> and shared by the CLI, the server and the
/// benchmarks. Immutable and thread-safe: stages keep no per-run state. Per-article work (<see cref="Extract"/>,
/// <see cref="Prepare(string, ExtractedArticle, IReadOnlyList{string})"/>) runs on any thread; the state that grows
/// with a stream lives in a <see cref="ParallaxSession"/>, one per stream.
/// </summary>
public sealed class ParallaxPipeline
{
    internal ParallaxPipeline(ParallaxOptions options, PageExtractor extractor, SpinAnalyzer spin, ITextEmbedder? embedder)
    {
        Options = options;
        Extractor = extractor;
        Spin = spin;
        Embedder = embedder;
        Coverage = new CoverageBuilder(options.Coverage, embedder);
    }

    public ParallaxOptions Options { get; }

    public PageExtractor Extractor { get; }

    public SpinAnalyzer Spin { get; }

    /// <summary>The sentence-embedding model of the same-story cascade; null decides on words alone.</summary>
    public ITextEmbedder? Embedder { get; }

    /// <summary>
    /// The coverage stage with the pipeline's options and model: `analyze` (through <see cref="AnalysisCollector"/>)
    /// and the store's ingest compare a story's distinct reports with this one builder.
    /// </summary>
    public CoverageBuilder Coverage { get; }

    /// <summary>The pipeline with every default.</summary>
    public static ParallaxPipeline CreateDefault() => new ParallaxPipelineBuilder().Build();

    public PageExtraction Extract(PageInput page) => Extractor.Extract(page);

    /// <summary>The language layer, shared by every stage (stateless).</summary>
    public LanguageAnalyzer Language { get; } = new();

    /// <summary>
    /// The per-article work before the session: the body's text once, its one reading by the language layer, its spin
    /// score and restored wording.
    /// </summary>
    public PreparedArticle Prepare(string path, ExtractedArticle article, IReadOnlyList<string> boilerplate)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Text;
        return new PreparedArticle(path, article, text, boilerplate, Spin.Analyze(text), Language.Analyze(article.Title, text, article.Published));
    }

    /// <summary>Every article of an extracted page, prepared, in page order.</summary>
    public IReadOnlyList<PreparedArticle> Prepare(PageExtraction page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var prepared = new List<PreparedArticle>(page.Articles.Count);
        foreach (var article in page.Articles)
        {
            prepared.Add(Prepare(page.Path, article, page.Boilerplate));
        }

        return prepared;
    }

    /// <summary>A new stream; its state is in memory unless a store passes its own.</summary>
    public ParallaxSession CreateSession(ICopyIndex? copies = null, IStoryIndex? stories = null) =>
        new(copies ?? new CopyIndex(Options.Copies), stories ?? new StoryClusterer(Options.Stories, Embedder));

    /// <summary>
    /// The whole run over extracted pages, in the given order, through one in-memory session: articles are prepared
    /// on every core (order kept) and added to the session one at a time; links and stories are read at the end.
    /// </summary>
    public AnalysisResult Analyze(IReadOnlyList<PageExtraction> pages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var session = CreateSession();
        var collector = new AnalysisCollector(Coverage);
        var threads = Options.PrepareThreads > 0 ? Options.PrepareThreads : Environment.ProcessorCount;
        var prepared = pages.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Clamp(threads, 1, 512))
            .WithCancellation(cancellationToken).Select(Prepare);
        foreach (var page in prepared)
        {
            foreach (var article in page)
            {
                collector.Add(session.Add(article), article);
            }
        }

        return collector.Build(session);
    }
}
