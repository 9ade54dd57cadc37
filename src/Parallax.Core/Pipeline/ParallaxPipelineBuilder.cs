using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;
using Parallax.Core.Extraction.Text;
using Parallax.Core.Spin;
using Parallax.Core.Stories;

namespace Parallax.Core.Pipeline;

/// <summary>
/// Assembles the pipeline once at start-up: options first, then any stage replaced (tests, benchmarks), then
/// <see cref="Build"/> checks the options and freezes everything into an immutable, thread-safe <see cref="ParallaxPipeline"/>.
/// </summary>
public sealed class ParallaxPipelineBuilder
{
    private ParallaxOptions options = ParallaxOptions.Default;
    private PageExtractor? extractor;
    private SpinAnalyzer? spin;
    private ITextEmbedder? embedder;

    public ParallaxPipelineBuilder WithOptions(ParallaxOptions value)
    {
        options = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <summary>Changes the options from their current value, e.g. <c>o => o with { Stories = ... }</c>.</summary>
    public ParallaxPipelineBuilder Configure(Func<ParallaxOptions, ParallaxOptions> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return WithOptions(change(options));
    }

    public ParallaxPipelineBuilder UseExtractor(PageExtractor value)
    {
        extractor = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    public ParallaxPipelineBuilder UseSpinAnalyzer(SpinAnalyzer value)
    {
        spin = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <summary>
    /// The sentence-embedding model of the same-story cascade (asked only where words leave the decision in doubt);
    /// without one, stories are decided on words alone.
    /// </summary>
    public ParallaxPipelineBuilder UseEmbedder(ITextEmbedder value)
    {
        embedder = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <exception cref="ArgumentException">The options have problems; the message lists each.</exception>
    public ParallaxPipeline Build()
    {
        var problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The pipeline options are not usable: " + string.Join(" ", problems));
        }

        return new ParallaxPipeline(
            options,
            extractor ?? new PageExtractor(new HtmlExtractor(options.Extraction), new TextExtractor()),
            spin ?? (options.Spin == SpinOptions.Default ? SpinAnalyzer.CreateDefault() : new SpinAnalyzer(Thesaurus.Default, options.Spin)),
            embedder);
    }
}
