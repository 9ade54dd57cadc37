using Parallax.Core.Coverage;
using Parallax.Core.Language;

namespace Parallax.Core.Tests.Coverage;

/// <summary>How claims of a story's reports are grouped into shared claims and conflicts.</summary>
public sealed class ClaimAlignerTests
{
    private static readonly LanguageAnalyzer Language = new();

    private static CoverageReport Report(string id, string text) => new(id, Language.Analyze(null, text));

    [Fact]
    public void Two_figures_in_conflict_are_shown_when_a_third_report_without_a_figure_joins_them_in_one_shared_claim()
    {
        // Each figured sentence matches the unfigured one, and through it they are one shared claim: the figures still differ.
        var coverage = new CoverageBuilder().Build([
            Report("a1", "The Marlow Bridge was closed on Monday after engineers found two cracks in its main stone arch, the council said."),
            Report("a2", "The Marlow Bridge has been closed after an inspection found three cracks in the stonework of its main arch, the council said."),
            Report("a3", "The Marlow Bridge was closed on Monday after engineers found cracks in its main arch, the council said."),
        ]);

        var conflict = Assert.Single(coverage.Conflicts, c => c.Kind == "number");
        var values = conflict.Variants.ToDictionary(v => v.Article, v => v.Value);
        Assert.Contains("two", values["a1"], StringComparison.Ordinal);
        Assert.Contains("three", values["a2"], StringComparison.Ordinal);
        // The statement itself is still one all three reports share.
        Assert.Contains(coverage.Shared, s => s.Articles.Count == 3);
    }

    [Fact]
    public void A_story_compared_again_as_it_grows_gives_what_a_fresh_comparison_gives()
    {
        // Ingest keeps the reports of a story and compares them again at every report the story gains; the builder
        // reads each report's claims once, so the second comparison reuses the first one's claims.
        var builder = new CoverageBuilder();
        var a1 = Report("a1", "The Marlow Bridge was closed on Monday after engineers found two cracks in its main stone arch, the council said.");
        var a2 = Report("a2", "The Marlow Bridge has been closed after an inspection found three cracks in the stonework of its main arch, the council said.");
        var a3 = Report("a3", "The Marlow Bridge was closed on Monday after engineers found cracks in its main arch. Buses will run instead.");
        builder.Build([a1, a2]);
        var again = builder.Build([a1, a2, a3]);
        var fresh = new CoverageBuilder().Build([
            Report("a1", a1.Analysis.Text), Report("a2", a2.Analysis.Text), Report("a3", a3.Analysis.Text),
        ]);

        Assert.Equal(Describe(fresh), Describe(again));
        Assert.Contains(again.Shared, s => s.Articles.Count == 3);
        Assert.Contains(again.Exclusive, e => e.Article == "a3");
    }

    private static string Describe(Parallax.Core.Analysis.StoryCoverage coverage) => System.Text.Json.JsonSerializer.Serialize(coverage);
}
