using Parallax.Core.Coverage;
using Parallax.Core.Extraction;
using Parallax.Core.Language;
using Parallax.Core.Spin;

namespace Parallax.Core.Pipeline;

/// <summary>
/// An extracted article with the per-article work done (language analysis, spin), ready for a session. Preparing reads nothing but the
/// article, so it runs on any thread, ahead of the session, which takes articles one at a time in arrival order.
/// </summary>
/// <param name="Path">The input the article came from (a file, a URL).</param>
/// <param name="Article">What extraction found.</param>
/// <param name="Text">The body, paragraphs separated by a blank line (computed once).</param>
/// <param name="Boilerplate">Blocks of the article's page that were removed.</param>
/// <param name="Spin">Its spin score and, when spun, the restored wording.</param>
/// <param name="Language">The language layer's one reading of <paramref name="Text"/> (sentences, names, numbers, dates,
/// quotes, script, language), which later stages read instead of re-deriving it.</param>
public sealed record PreparedArticle(
    string Path, ExtractedArticle Article, string Text, IReadOnlyList<string> Boilerplate, SpinResult Spin, TextAnalysis Language)
{
    /// <summary>
    /// The embedding of the article's passage that the model gave in an earlier run (a store replaying what it holds),
    /// or null: the story cascade uses it instead of calling the model again. Unknown for a new article.
    /// </summary>
    public float[]? Embedding { get; init; }

    /// <summary>The wording copy detection and clustering compare: the restored text of a spun article, else the text.</summary>
    public string ComparedText => Spin.Spun && Spin.Restored is not null ? Spin.Restored : Text;

    /// <summary>
    /// The article as coverage reads it when it is a distinct report of its story: a spun report is compared in its
    /// restored wording, with its spans still in its own text. `analyze` and the store's ingest both read reports here.
    /// </summary>
    public CoverageReport CoverageReport(string id, LanguageAnalyzer language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var restored = Spin.Spun && Spin.Restored is { } words ? language.Analyze(Article.Title, words, Article.Published) : null;
        return new CoverageReport(id, Language, restored);
    }
}
