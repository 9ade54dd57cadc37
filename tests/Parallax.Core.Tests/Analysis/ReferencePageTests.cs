using Parallax.Core.Analysis;
using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;
using Xunit.Abstractions;

namespace Parallax.Core.Tests.Analysis;

/// <summary>
/// The reference page of GUIDE.md section 5, end to end: extraction, spin, copies and stories. Skipped (with a
/// message) when ../shared is not next to the repository.
/// </summary>
public sealed class ReferencePageTests(ITestOutputHelper output)
{
    [SharedDataFact("reference/daily8-rt-prisoner-swap.txt")]
    public void Four_articles_one_copy_of_the_fuller_listing_item_RT_as_publisher_and_three_stories()
    {
        var path = ReferencePath();
        if (path is null)
        {
            output.WriteLine("SKIPPED: ../shared/reference/daily8-rt-prisoner-swap.txt not found next to the repository.");
            return;
        }

        var pipeline = ParallaxPipeline.CreateDefault();
        var page = pipeline.Extract(new PageInput(path, PageFormat.Text, File.ReadAllBytes(path)));
        Assert.Null(page.Error);
        var result = pipeline.Analyze([page]);
        foreach (var a in result.Articles)
        {
            output.WriteLine($"{a.Id} copyOf={a.CopyOf} publisher={a.OriginalPublisher} source={a.Source} title={a.Title}");
        }

        foreach (var s in result.Stories)
        {
            output.WriteLine($"{s.Id} [{string.Join(",", s.Articles)}] {s.Title} sources={string.Join("|", s.Sources)} related={string.Join(",", s.Related)}");
        }

        Assert.Equal(4, result.Articles.Count);
        var top = result.Articles[0];
        var fuller = result.Articles.Single(a => a.Text.Contains("Russia has returned more of its service members", StringComparison.Ordinal));
        Assert.NotEqual(top.Id, fuller.Id);
        Assert.Equal(fuller.Id, top.CopyOf);
        Assert.Null(fuller.CopyOf);
        Assert.Matches("^(RT|Russia Today)$", top.OriginalPublisher ?? string.Empty);

        var macron = result.Articles.Single(a => a.Title.Contains("Macron", StringComparison.Ordinal));
        var spies = result.Articles.Single(a => a.Title.Contains("spies", StringComparison.Ordinal));
        Assert.Null(macron.CopyOf);
        Assert.Null(spies.CopyOf);

        Assert.Equal(3, result.Stories.Count);
        var swap = result.Stories.Single(s => s.Articles.Contains(top.Id));
        Assert.Equal([top.Id, fuller.Id], swap.Articles.Order());
        Assert.Contains("prisoner swap", swap.Title, StringComparison.Ordinal);
        Assert.Equal([macron.Id], result.Stories.Single(s => s.Articles.Contains(macron.Id)).Articles);
        Assert.Equal([spies.Id], result.Stories.Single(s => s.Articles.Contains(spies.Id)).Articles);
        Assert.Equal(["s1", "s2", "s3"], result.Stories.Select(s => s.Id));
        Assert.All(result.Stories, s => Assert.DoesNotContain(s.Id, s.Related));
    }

    private static string? ReferencePath() => TestRepository.SharedFile(TestRepository.ReferencePage);
}
