using Parallax.Core.Analysis;
using Parallax.Core.Coverage;
using Parallax.Core.Language;

namespace Parallax.Bench.Coverage;

/// <summary>Runs the coverage stage over fixture events, as `analyze` would over their pages.</summary>
internal static class FixtureRun
{
    public static StoryCoverage Coverage(FixtureEvent e, CoverageBuilder builder, LanguageAnalyzer language)
    {
        var reports = e.Reports.Select(r => new CoverageReport(r.Id, language.Analyze(r.Title, r.Text))).ToList();
        return builder.Build(reports);
    }
}
