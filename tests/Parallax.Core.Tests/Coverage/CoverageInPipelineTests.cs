using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;

namespace Parallax.Core.Tests.Coverage;

/// <summary>The pipeline fills each story's coverage from its distinct reports: a copy adds no report.</summary>
public sealed class CoverageInPipelineTests
{
    private static readonly ParallaxPipeline Pipeline = ParallaxPipeline.CreateDefault();

    private const string Herald = "A fire destroyed the historic flour mill in Oakfield on Tuesday night.\n\n"
        + "About 40 firefighters fought the blaze for six hours, the fire service said.\n\n"
        + "\"We could not save the building, but nobody was hurt,\" said fire chief Marta Quill.";

    private const string Courier = "The historic flour mill in Oakfield burned down on Tuesday night.\n\n"
        + "About 60 firefighters fought the blaze for six hours, the fire service said.\n\n"
        + "\"The building could not be saved, yet no one was injured,\" fire chief Marta Quill told the Courier.";

    private static PreparedArticle Article(string title, string text, string source) =>
        Pipeline.Prepare($"{source}.txt", new ExtractedArticle(title, source, null, null, null, "en", text.Split("\n\n")), []);

    [Fact]
    public void A_story_compares_its_distinct_reports_and_leaves_the_copy_out()
    {
        var session = Pipeline.CreateSession();
        var collector = new AnalysisCollector(new Parallax.Core.Coverage.CoverageBuilder());
        foreach (var article in new[] { Article("Fire destroys Oakfield mill", Herald, "Oakfield Herald"), Article("Fire destroys Oakfield mill", Herald, "Aggregator"), Article("Blaze guts Oakfield mill", Courier, "Riverside Courier") })
        {
            collector.Add(session.Add(article), article);
        }

        var result = collector.Build(session);
        var story = Assert.Single(result.Stories);
        Assert.Equal(["a1", "a2", "a3"], story.Articles);
        Assert.Equal(["a1", "a3"], story.Coverage.Reports);
        var conflict = Assert.Single(story.Coverage.Conflicts);
        Assert.Equal(["40 firefighters", "60 firefighters"], conflict.Variants.Select(v => v.Value));
        Assert.Equal("Marta Quill", Assert.Single(story.Coverage.Quotes).Speaker);
        Assert.All(story.Coverage.Shared.SelectMany(s => s.Variants), v =>
            Assert.Equal(v.Text, result.Articles.Single(a => a.Id == v.Article).Text[v.Span[0]..v.Span[1]]));
    }

    [Fact]
    public void Without_a_coverage_builder_coverage_stays_empty()
    {
        var session = Pipeline.CreateSession();
        var collector = new AnalysisCollector();
        var article = Article("Fire destroys Oakfield mill", Herald, "Oakfield Herald");
        collector.Add(session.Add(article), article);
        Assert.Same(Parallax.Core.Analysis.StoryCoverage.Empty, Assert.Single(collector.Build(session).Stories).Coverage);
    }
}
