using System.Diagnostics;
using System.Text;
using Parallax.Core.Coverage;
using Parallax.Core.Language;

namespace Parallax.Core.Tests.Coverage;

/// <summary>Bad input: clear handling, bounded time, nothing attributed that was not said.</summary>
public sealed class CoverageBadInputTests
{
    private static readonly LanguageAnalyzer Language = new();

    private static CoverageReport Report(string id, string text) => new(id, Language.Analyze(null, text));

    [Fact]
    public void A_report_without_sentences_is_left_out_with_its_reason()
    {
        var coverage = new CoverageBuilder().Build([Report("a1", ""), Report("a2", "The bridge reopened on Friday after repairs."), Report("a3", "   \n\n  ")]);
        Assert.Equal(["a2"], coverage.Reports);
        Assert.Equal(["a1", "a3"], coverage.LeftOut.Select(l => l.Article));
        Assert.All(coverage.LeftOut, l => Assert.Equal("no sentence to compare", l.Reason));
        Assert.Empty(coverage.Shared);
    }

    [Fact]
    public void Other_languages_and_unbalanced_quotes_give_no_invented_speaker()
    {
        var coverage = new CoverageBuilder().Build([
            Report("a1", "Le pont a été reconstruit mardi. \u00AB Nous avons tenu parole, dit-il."),
            Report("a2", "\u6865\u6881\u5468\u4E8C\u91CD\u5EFA\u3002\u201C\u6211\u4EEC\u4FE1\u5B88\u4E86\u627F\u8BFA"),
            Report("a3", "\"Open quote never closed, said nobody in particular and the text runs on\n\nAnother \"nested 'inner' quote\" here, he said."),
        ]);
        Assert.All(coverage.Quotes, q => Assert.Null(q.Speaker));
    }

    [Fact]
    public void Thousands_of_numbers_finish_in_bounded_time()
    {
        var b = new StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            b.Append(i).Append(" people and ").Append(i * 3).Append(" km, ");
        }

        var text = "The count was " + b + "said the office.";
        var watch = Stopwatch.StartNew();
        var coverage = new CoverageBuilder().Build([Report("a1", text), Report("a2", text.Replace("5 people", "6 people", StringComparison.Ordinal))]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(2, coverage.Reports.Count);
    }

    [Fact]
    public void A_story_of_a_thousand_reports_is_bounded_and_names_what_it_left_out()
    {
        var texts = new[]
        {
            "A fire destroyed the old flour mill in Oakfield on Tuesday night. \"We lost everything,\" owner Greta Vasquez said.",
            "The historic Oakfield flour mill burned down on Tuesday night, firefighters said.",
            "Fire crews fought the Oakfield blaze for six hours. Nobody was hurt, the fire service said.",
        };
        var reports = Enumerable.Range(0, 1000).Select(i => Report($"a{i + 1}", texts[i % 3] + $" Report number {i} added a detail of its own about street {i}.")).ToList();
        var watch = Stopwatch.StartNew();
        var coverage = new CoverageBuilder().Build(reports);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.Equal(CoverageOptions.Default.MaxReports, coverage.Reports.Count);
        Assert.Equal(1000 - CoverageOptions.Default.MaxReports, coverage.LeftOut.Count);
        Assert.All(coverage.Quotes.Where(q => q.Speaker is not null), q => Assert.Equal("Greta Vasquez", q.Speaker));
        Assert.All(coverage.Shared, s => Assert.Equal(s.Articles.Count, s.Articles.Distinct().Count()));
    }

    [Fact]
    public void Reports_past_the_bound_are_left_out_unread_and_a_bounded_comparison_takes_later_ones_unchanged()
    {
        var builder = new CoverageBuilder(CoverageOptions.Default with { MaxReports = 2 });
        var reports = new[]
        {
            Report("a1", "A fire destroyed the old flour mill in Oakfield on Tuesday night, firefighters said."),
            Report("a2", ""),
            Report("a3", "The historic Oakfield flour mill burned down on Tuesday night, firefighters said."),
            Report("a4", ""),
            Report("a5", "Firefighters said the Oakfield mill fire started in a storeroom on Tuesday."),
        };

        var all = builder.Build(reports);
        Assert.Equal(["a1", "a3"], all.Reports);
        Assert.Equal([("a2", "no sentence to compare"), ("a4", "past the first 2 reports compared per story"), ("a5", "past the first 2 reports compared per story")],
            all.LeftOut.Select(l => (l.Article, l.Reason)));

        // Reading stops at the bound: the first three reports, the rest named, give the same comparison.
        var read = builder.Build(reports[..3]);
        Assert.Equal(Json(all), Json(builder.LeaveOut(read, ["a4", "a5"])));
        Assert.Same(read, builder.LeaveOut(read, []));
        Assert.Throws<ArgumentException>(() => builder.LeaveOut(builder.Build(reports[..2]), ["a3"]));
    }

    [Fact]
    public void Bad_options_are_refused_with_the_setting_named()
    {
        var e = Assert.Throws<ArgumentException>(() => new CoverageBuilder(CoverageOptions.Default with { MaxReports = 1 }));
        Assert.Contains("MaxReports", e.Message);
    }

    private static string Json(Parallax.Core.Analysis.StoryCoverage coverage) => System.Text.Json.JsonSerializer.Serialize(coverage);
}
