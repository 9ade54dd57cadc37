using Parallax.Bench.Extract;

namespace Parallax.Bench.Tests.Extract;

/// <summary>WCXB's word-level metric, its snippet checks, its metadata matches and the fixed split of its pages.</summary>
public sealed class WordF1MetricTests
{
    private static ExtractionCase Page(string truth, WcxbTruth? details = null) => new("p", [], null, truth, null, details);

    [Fact]
    public void Words_are_lowercased_and_counted_with_multiplicity()
    {
        var score = WordF1Metric.Score(Page("The cat saw the dog."), "the the the cat");

        Assert.Equal(3, score.Overlap); // "the" twice and "cat": the third "the" has no partner
        Assert.Equal(0.75, score.Precision, 6);
        Assert.Equal(0.6, score.Recall, 6);
        Assert.Equal(2 * 0.75 * 0.6 / 1.35, score.F1, 6);
    }

    [Fact]
    public void An_empty_prediction_scores_zero_and_pages_are_averaged()
    {
        var empty = WordF1Metric.Score(Page("one two three"), string.Empty);
        var exact = WordF1Metric.Score(Page("one two three"), "One, two; three!");

        Assert.Equal(0, empty.F1);
        Assert.Equal(1, exact.F1, 6);
        Assert.Equal(0.5, WordF1Metric.Summarize([empty, exact]).F1, 6);
    }

    [Fact]
    public void Snippets_count_when_their_words_appear_in_order_and_boilerplate_when_absent()
    {
        var details = new WcxbTruth(null, null, null, ["river rose two metres", "the bakery was closed"], ["Sign up for our newsletter", "Most read"]);
        var score = WordF1Metric.Score(Page("The river rose two metres overnight.", details), "The River rose, two metres overnight. Most read");

        Assert.Equal((1, 2), (score.WithFound, score.WithCount));
        Assert.Equal((1, 2), (score.WithoutAvoided, score.WithoutCount));
    }

    [Fact]
    public void Title_author_and_date_match_on_words_and_on_the_stated_day()
    {
        Assert.True(WordF1Metric.SameWords("Flood: the river rises", "flood - The river rises"));
        Assert.False(WordF1Metric.SameWords("Jane Doe", "By Jane Doe"));
        Assert.True(WordF1Metric.SameDay("2025-03-12", new DateTimeOffset(2025, 3, 12, 23, 30, 0, TimeSpan.FromHours(-5))));
        Assert.False(WordF1Metric.SameDay("2025-03-12", null));
        var details = new WcxbTruth("Avel floods", null, "2025-03-12", [], []);
        var score = WordF1Metric.Score(Page("x", details), "x", new Core.Extraction.ExtractedArticle("Avel floods", null, null, null, "Someone", null, []));
        Assert.Equal((true, (bool?)null, false), (score.TitleMatch, score.AuthorMatch, score.DateMatch));
    }

    [Fact]
    public void The_split_depends_only_on_the_page_id_and_cuts_the_set_roughly_in_half()
    {
        var ids = Enumerable.Range(1, 711).Select(i => i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var calibration = ids.Count(WcxbBenchData.IsCalibration);

        Assert.InRange(calibration, 300, 411);
        Assert.Equal(ids.Select(WcxbBenchData.IsCalibration), ids.Select(WcxbBenchData.IsCalibration));
    }
}
