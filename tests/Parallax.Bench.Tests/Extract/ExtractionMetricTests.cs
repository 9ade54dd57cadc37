using Parallax.Bench.Extract;

namespace Parallax.Bench.Tests.Extract;

/// <summary>The upstream metric, checked on cases small enough to count by hand.</summary>
public sealed class ExtractionMetricTests
{
    [Fact]
    public void Identical_texts_score_one_and_match_exactly()
    {
        var score = ExtractionMetric.Score("p", "The quick brown fox jumps over the dog.", "The quick brown fox jumps over the dog.");

        Assert.Equal(1.0, score.Precision);
        Assert.Equal(1.0, score.Recall);
        Assert.True(score.ExactTokens);
    }

    [Fact]
    public void Punctuation_whitespace_and_paragraph_breaks_do_not_count()
    {
        var score = ExtractionMetric.Score("p", "One, two; three four.\n\nFive six", "One two three\nfour Five -- six!");

        Assert.True(score.ExactTokens);
        Assert.Equal(1.0, score.Precision);
    }

    [Fact]
    public void Case_is_kept()
    {
        Assert.False(ExtractionMetric.Score("p", "Alpha beta gamma delta", "alpha beta gamma delta").ExactTokens);
    }

    [Fact]
    public void Shingle_counts_are_the_multiset_overlap()
    {
        // Truth shingles: (a b c d), (b c d e). Extraction: (a b c d), (b c d x).
        var score = ExtractionMetric.Score("p", "a b c d e", "a b c d x");

        Assert.Equal((1, 1, 1), (score.TruePositives, score.FalsePositives, score.FalseNegatives));
    }

    [Fact]
    public void Repeated_shingles_count_as_many_times_as_they_occur()
    {
        // The extraction says the same four words three times; the truth once.
        var score = ExtractionMetric.Score("p", "w x y z", "w x y z w x y z w x y z");

        Assert.Equal(1, score.TruePositives);
        Assert.Equal(8, score.FalsePositives);
    }

    [Fact]
    public void Short_texts_give_one_short_shingle()
    {
        var score = ExtractionMetric.Score("p", "two words", "two words");

        Assert.Equal((1, 0, 0), (score.TruePositives, score.FalsePositives, score.FalseNegatives));
    }

    [Fact]
    public void Tokens_follow_python_word_characters()
    {
        // Python's \w has letters, digits and the underscore but not combining marks, so Devanagari vowel signs split words.
        Assert.Equal(["ह", "न", "द", "café", "snake_case", "42", "３"], ExtractionMetric.Tokens("हिन्दी café snake_case 42 ３"));
    }

    [Fact]
    public void Empty_extraction_counts_for_recall_only()
    {
        var pages = new[]
        {
            ExtractionMetric.Score("a", "one two three four five", string.Empty),
            ExtractionMetric.Score("b", "one two three four five", "one two three four five"),
        };

        var summary = ExtractionMetric.Summarize(pages);

        Assert.Equal(1.0, summary.Precision);
        Assert.Equal(0.5, summary.Recall);
        Assert.Equal(0.5, summary.Accuracy);
    }

    [Fact]
    public void F1_is_the_harmonic_mean_of_the_mean_precision_and_mean_recall()
    {
        // Page a: P 1, R 1/2. Page b: P 1/2, R 1. Means 3/4 and 3/4: F1 3/4, where the mean of page F1s would be 2/3.
        var pages = new[]
        {
            new PageScore("a", 1, 0, 1, false, false),
            new PageScore("b", 1, 1, 0, false, false),
        };

        var summary = ExtractionMetric.Summarize(pages);

        Assert.Equal(0.75, summary.F1, 10);
    }
}
