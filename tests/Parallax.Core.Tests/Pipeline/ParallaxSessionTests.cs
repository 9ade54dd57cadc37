using Parallax.Core.Extraction;
using Parallax.Core.Identity;
using Parallax.Core.Pipeline;
using Parallax.Core.Stories;
using static Parallax.Core.Tests.Identity.CopyFixtures;

namespace Parallax.Core.Tests.Pipeline;

public sealed class ParallaxSessionTests
{
    private static readonly ParallaxPipeline Pipeline = ParallaxPipeline.CreateDefault();

    private static PreparedArticle Article(string title, string text, string source, DateTimeOffset? published = null) =>
        Pipeline.Prepare($"{source}.txt", new ExtractedArticle(title, source, null, published, null, "en", text.Split("\n\n")), []);

    [Fact]
    public void A_first_report_starts_a_story_and_its_copy_joins_it_as_a_copy()
    {
        var session = Pipeline.CreateSession();
        var first = session.Add(Article("Flood in Marrowby", Flood, "Valley Herald"));
        var copy = session.Add(Article("Flood in Marrowby", Flood, "Aggregator Daily"));

        Assert.Equal("a1", first.ArticleId);
        Assert.Equal([new StoryStarted("a1", first.Story)], first.Changes);
        var linked = Assert.IsType<CopyLinked>(copy.Changes[0]);
        Assert.Equal(("a2", "a1", CopyKind.Duplicate), (linked.ArticleId, linked.OriginalId, linked.Kind));
        Assert.Equal(first.Story, copy.Story);
        Assert.Contains(copy.Changes, c => c is StoryJoined { ArticleId: "a2" } j && j.Story == first.Story);
        Assert.Equal("a1", session.LinkOf("a2")?.OriginalId);
        Assert.Null(session.LinkOf("a1"));
    }

    [Fact]
    public void A_fuller_version_arriving_later_becomes_the_original_and_the_report_becomes_its_copy()
    {
        var session = Pipeline.CreateSession();
        var shorter = session.Add(Article("Flood in Marrowby", Flood, "Aggregator Daily"));
        var fuller = session.Add(Article("Flood in Marrowby", ListingOpening + " " + Flood, "Valley Herald"));

        Assert.Contains(new OriginalRerooted("a2", "a1"), fuller.Changes);
        Assert.Contains(new ReportBecameCopy("a1", "a2"), fuller.Changes);
        Assert.Contains(fuller.Changes, c => c is CopyLinked { ArticleId: "a1", OriginalId: "a2" });
        Assert.Equal(shorter.Story, fuller.Story);
        Assert.Equal("a2", session.LinkOf("a1")?.OriginalId);
        Assert.Null(session.LinkOf("a2"));
        Assert.Equal(session.StoryOf("a1"), session.StoryOf("a2"));
    }

    [Fact]
    public void Reports_of_different_events_start_different_stories()
    {
        var session = Pipeline.CreateSession();
        var flood = session.Add(Article("Flood in Marrowby", Flood, "Valley Herald"));
        var budget = session.Add(Article("Ostvale budget", Budget, "Civic Times"));

        Assert.IsType<StoryStarted>(Assert.Single(budget.Changes));
        Assert.NotEqual(flood.Story, budget.Story);
    }

    [Fact]
    public void Another_report_of_the_same_event_joins_the_story_without_being_a_copy()
    {
        var session = Pipeline.CreateSession();
        var first = session.Add(Article("Flood in Marrowby", Flood, "Valley Herald"));
        var other = session.Add(Article("Marrowby flooding", FloodOtherReport, "Coast Courier"));

        var joined = Assert.IsType<StoryJoined>(Assert.Single(other.Changes));
        Assert.Equal(first.Story, joined.Story);
        Assert.Null(session.LinkOf("a2"));
    }

    [Fact]
    public void Preparing_reads_the_article_once_with_the_language_layer()
    {
        var prepared = Article("Flood in Marrowby", Flood, "Valley Herald");

        Assert.Equal("en", prepared.Language.Language);
        Assert.True(prepared.Language.Sentences.Length > 1);
        Assert.Same(prepared.Text, prepared.Language.Text);
        Assert.All(prepared.Language.Sentences, s => Assert.InRange(s.End, s.Start + 1, prepared.Text.Length));
    }

    [Fact]
    public void Ids_are_given_or_numbered_and_never_reused()
    {
        var session = Pipeline.CreateSession();
        Assert.Equal("custom", session.Add(Article("Flood", Flood, "Valley Herald"), "custom").ArticleId);
        Assert.Equal("a2", session.Add(Article("Budget", Budget, "Civic Times")).ArticleId);
        Assert.Throws<ArgumentException>(() => session.Add(Article("Budget", Budget, "Civic Times"), "custom"));
        Assert.Equal(2, session.Count);
    }

    [Fact]
    public void Analyze_is_the_session_fed_in_order()
    {
        var pages = new[]
        {
            new PageExtraction("a.txt", [new ExtractedArticle("Flood in Marrowby", "Aggregator Daily", null, null, null, "en", Flood.Split("\n\n"))], []),
            new PageExtraction("b.txt", [new ExtractedArticle("Ostvale budget", "Civic Times", null, null, null, "en", Budget.Split("\n\n"))], []),
            new PageExtraction("c.txt", [new ExtractedArticle("Flood in Marrowby", "Valley Herald", null, null, null, "en", (ListingOpening + " " + Flood).Split("\n\n"))], []),
        };

        var result = Pipeline.Analyze(pages);
        var session = Pipeline.CreateSession();
        foreach (var page in pages)
        {
            foreach (var article in Pipeline.Prepare(page))
            {
                session.Add(article);
            }
        }

        Assert.Equal(["a1", "a2", "a3"], result.Articles.Select(a => a.Id));
        Assert.Equal("a3", result.Articles[0].CopyOf);
        Assert.Equal(2, result.Stories.Count);
        Assert.Equal(["a1", "a3"], result.Stories[0].Articles);
        foreach (var article in result.Articles)
        {
            Assert.Equal(article.CopyOf, session.LinkOf(article.Id)?.OriginalId);
        }
    }

    [Fact]
    public void Unusable_options_are_refused_before_anything_runs_naming_the_setting()
    {
        var builder = new ParallaxPipelineBuilder().Configure(o => o with { Stories = StoryOptions.Default with { MergeThreshold = 0.01 } });
        var error = Assert.Throws<ArgumentException>(builder.Build);
        Assert.Contains("Stories.MergeThreshold", error.Message, StringComparison.Ordinal);
        Assert.Empty(ParallaxOptions.Default.Problems());
    }

    [Fact]
    public void A_split_names_the_story_that_was_split_and_the_new_one_even_when_the_report_leaves_with_the_new_part()
    {
        // The samples (walked in file order, as `analyze` does) include a storm roundup whose story splits in two.
        var samples = Path.Combine(TestRepository.Root()!, "samples");
        var session = Pipeline.CreateSession();
        var splits = new List<(StorySplit Split, int StoryNow)>();
        var started = new HashSet<int>();
        foreach (var file in Directory.GetFiles(samples).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var format = file.EndsWith(".txt", StringComparison.Ordinal) ? PageFormat.Text : PageFormat.Html;
            var page = Pipeline.Extract(new PageInput(file, format, File.ReadAllBytes(file)));
            foreach (var article in Pipeline.Prepare(page))
            {
                var update = session.Add(article);
                foreach (var change in update.Changes)
                {
                    switch (change)
                    {
                        case StoryStarted s:
                            started.Add(s.Story);
                            break;
                        case StorySplit split:
                            splits.Add((split, update.Story));
                            break;
                    }
                }
            }
        }

        Assert.NotEmpty(splits);
        foreach (var (split, storyNow) in splits)
        {
            Assert.NotEqual(split.Story, split.NewStory);
            Assert.Contains(split.Story, started);
            Assert.Contains(storyNow, new[] { split.Story, split.NewStory });
        }
    }
}
