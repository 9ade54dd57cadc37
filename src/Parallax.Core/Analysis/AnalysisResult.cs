using Parallax.Core.Spin;

namespace Parallax.Core.Analysis;

/// <summary>
/// The result of running the whole pipeline over a set of pages. Its shape is the JSON contract of
/// `parallax analyze --json` (docs/contracts.md): property names map one to one, camel-cased.
/// </summary>
public sealed record AnalysisResult(IReadOnlyList<AnalyzedArticle> Articles, IReadOnlyList<StoryRecord> Stories);

/// <summary>One article record of the analysis.</summary>
/// <param name="Id">Stable within one result: a1, a2, ... in input order.</param>
/// <param name="Path">The input file this article came from.</param>
/// <param name="Text">The body; paragraphs separated by a blank line.</param>
/// <param name="Boilerplate">Blocks of the article's page removed as not part of any article.</param>
/// <param name="CopyOf">Id of the article this one duplicates, republishes or spins, or null.</param>
/// <param name="OriginalPublisher">The publisher of the original, when a copy names it or its original has one.</param>
public sealed record AnalyzedArticle(
    string Id,
    string Path,
    string Title,
    string? Source,
    string? Url,
    DateTimeOffset? Published,
    string? Author,
    string? Language,
    string Text,
    IReadOnlyList<string> Boilerplate,
    SpinResult Spin,
    string? CopyOf,
    string? OriginalPublisher);

/// <summary>One story: the distinct reports (and their copies) of one real-world event.</summary>
public sealed record StoryRecord(
    string Id,
    string Title,
    IReadOnlyList<string> Articles,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Related)
{
    /// <summary>What its distinct reports share, and how they differ (<see cref="StoryCoverage"/>); empty until computed.</summary>
    public StoryCoverage Coverage { get; init; } = StoryCoverage.Empty;
}
