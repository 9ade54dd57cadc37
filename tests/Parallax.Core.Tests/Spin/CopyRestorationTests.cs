using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;
using Parallax.Core.Spin;
using static Parallax.Core.Tests.Identity.CopyFixtures;

namespace Parallax.Core.Tests.Spin;

public sealed class CopyRestorationTests
{
    [Fact]
    public void Each_swapped_place_gets_the_originals_wording_and_is_listed_with_its_span()
    {
        const string original = "The governor said on Monday that during the storm the bridge was closed to traffic.";
        const string spun = "The legislative head said on Monday that amid the tempest the bridge was shut to traffic.";

        var result = CopyRestoration.Restore(spun, original);

        Assert.Equal(original, result.Restored);
        Assert.Equal(
            [("legislative head", "governor"), ("amid", "during"), ("tempest", "storm"), ("shut", "closed")],
            result.Swaps.Select(s => (s.Spun, s.Original)).ToArray());
        Assert.All(result.Swaps, s => Assert.Equal(s.Spun, spun.Substring(s.Span.Start, s.Span.Length)));
        // 5 swapped word positions (the longer side of each place) among 16.
        Assert.Equal(5.0 / 16, result.SwappedShare, 6);
    }

    [Fact]
    public void Words_the_spinner_dropped_or_added_are_put_back_or_taken_out()
    {
        const string original = "Officials said the river rose quickly overnight.";
        const string spun = "Officials said that the river rose overnight.";

        var result = CopyRestoration.Restore(spun, original);

        Assert.Equal(original, result.Restored);
        Assert.Equal([("that", ""), ("", "quickly")], result.Swaps.Select(s => (s.Spun, s.Original)).ToArray());
        Assert.Equal(0, result.Swaps[1].Span.Length);
    }

    [Fact]
    public void A_passage_only_one_text_has_is_no_swap_and_stays_as_the_copy_has_it()
    {
        const string original = "The river rose overnight. Officials opened two shelters in the town hall and the school on Monday. Roads were shut.";
        const string spun = "The stream rose overnight. Roads were closed.";

        var result = CopyRestoration.Restore(spun, original);

        Assert.Equal("The river rose overnight. Roads were shut.", result.Restored);
        Assert.Equal([("stream", "river"), ("closed", "shut")], result.Swaps.Select(s => (s.Spun, s.Original)).ToArray());
    }

    [Fact]
    public void A_copy_that_differs_only_in_case_and_spacing_has_no_swaps()
    {
        var result = CopyRestoration.Restore("the River  ROSE.", "The river rose.");

        Assert.Empty(result.Swaps);
        Assert.Equal(0, result.SwappedShare);
        Assert.Equal("the River  ROSE.", result.Restored);
    }

    [Fact]
    public void Repeated_words_align_in_order_across_a_long_text()
    {
        var original = string.Join(" ", Enumerable.Range(0, 400).Select(i => $"the word{i % 37} of the day {i}."));
        var spun = original.Replace("word5 ", "term5 ", StringComparison.Ordinal).Replace(" of the day 17.", " of that day 17.", StringComparison.Ordinal);

        var result = CopyRestoration.Restore(spun, original);

        Assert.Equal(original, result.Restored);
        Assert.Equal(12, result.Swaps.Count); // word5 stands 11 times among 400, "the day 17" once
    }

    [Fact]
    public void A_linked_spun_copy_in_an_analysis_is_restored_from_its_original()
    {
        var pipeline = ParallaxPipeline.CreateDefault();
        var session = pipeline.CreateSession();
        var collector = new AnalysisCollector();
        foreach (var (text, source) in new[] { (Flood, "Valley Herald"), (FloodSpun, "Spin Farm") })
        {
            var article = pipeline.Prepare(
                source + ".txt", new ExtractedArticle("Flood in Marrowby", source, null, null, null, "en", text.Split("\n\n")), []);
            collector.Add(session.Add(article), article);
        }

        var copy = collector.Build(session).Articles[1];

        Assert.Equal("a1", copy.CopyOf);
        Assert.Equal("a1", copy.Spin.RestoredFrom);
        Assert.True(copy.Spin.Spun);
        Assert.Equal(Flood, copy.Spin.Restored);
        Assert.NotEmpty(copy.Spin.Swaps!);
        Assert.InRange(copy.Spin.SwappedShare!.Value, 0.01, 0.9);
    }

    [Fact]
    public void A_spun_text_that_credits_a_mangled_outlet_names_the_real_one_as_its_original_publisher()
    {
        var pipeline = ParallaxPipeline.CreateDefault();
        var session = pipeline.CreateSession();
        var collector = new AnalysisCollector();
        var text = FloodSpun + "\n\nThis article was first published by The Wall Road Journal.";
        var article = pipeline.Prepare("spun.txt", new ExtractedArticle("Flood", "Spin Farm", null, null, null, "en", text.Split("\n\n")), []);
        collector.Add(session.Add(article), article);

        var result = collector.Build(session).Articles[0];

        Assert.True(result.Spin.Spun, $"the hand-spun text should read as spun (score {result.Spin.Score:0.000})");
        Assert.Equal("The Wall Street Journal", result.OriginalPublisher);
    }
}
