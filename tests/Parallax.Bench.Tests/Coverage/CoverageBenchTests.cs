using Parallax.Bench.Coverage;
using Parallax.Core.Analysis;
using Parallax.Core.Coverage;
using Parallax.Core.Pipeline;
using Parallax.Tests;

namespace Parallax.Bench.Tests.Coverage;

/// <summary>The coverage benchmark's parts: the fixture set meets its targets, the scoring counts what it should, ECB+ reads.</summary>
public sealed class CoverageBenchTests
{
    private static string Fixtures() => Path.Combine(TestRepository.Root()!, "bench", "coverage");

    [Fact]
    public void The_fixture_set_has_twenty_events_and_meets_the_quote_and_conflict_targets()
    {
        var events = CoverageFixtures.LoadEvents(Path.Combine(Fixtures(), "events"));
        var table = CoverageFixtures.LoadAnnotations(Path.Combine(Fixtures(), "annotations.tsv"));
        Assert.True(events.Count >= 20);
        Assert.All(events, e => Assert.InRange(e.Reports.Count, 2, 4));
        Assert.All(table, t => Assert.Contains(events, e => e.Id == t.Event));

        // Through the user's path: every report a page, all of them through the run `analyze` makes.
        var runs = FixtureRun.Run(events, ParallaxPipeline.CreateDefault());
        Assert.True(runs.Count(r => r.OneStory) >= events.Count * 3 / 4, $"events as one story: {runs.Count(r => r.OneStory)} of {events.Count}");
        var scores = FixtureEvaluation.Score(runs.Select(r => (r.Event, r.Coverage)).ToList(), table);
        var quote = scores.Kinds.Single(k => k.Kind == "quote");
        var conflict = scores.Kinds.Single(k => k.Kind == "conflict");
        Assert.True(quote.Precision >= 0.9 && quote.Recall >= 0.8, $"quotes P {quote.Precision:0.000} R {quote.Recall:0.000}");
        Assert.True(conflict.Precision >= 0.8 && conflict.Recall >= 0.7, $"conflicts P {conflict.Precision:0.000} R {conflict.Recall:0.000}");
        Assert.Equal(0, scores.WrongSpeakers);
    }

    [Fact]
    public void A_line_the_table_does_not_hold_costs_precision_and_a_wrong_speaker_is_counted()
    {
        var coverage = StoryCoverage.Empty with
        {
            Reports = ["a1", "a2"],
            Quotes = [new QuotedStatement("Tom Berg", [new CoverageVariant("a1", "We will win", [0, 10]), new CoverageVariant("a2", "Victory is ours", [0, 10])])],
            Conflicts = [new CoverageConflict("date", "date", [new CoverageVariant("a1", "on Monday", [0, 9]), new CoverageVariant("a2", "on Tuesday", [0, 10])])],
        };
        var table = new List<Expected> { new("x", "quote", "Ana Lind", [("a1", "We will win"), ("a2", "Victory")]) };

        var scores = FixtureEvaluation.Score([("x", coverage)], table);

        Assert.Equal(0, scores.Kinds.Single(k => k.Kind == "quote").Recall);
        Assert.Equal(0, scores.Kinds.Single(k => k.Kind == "conflict").Precision);
        Assert.Equal(1, scores.WrongSpeakers);
    }

    [Theory]
    [InlineData("The minister promised on Tuesday to rebuild the bridges.", "On Tuesday the minister pledged to rebuild the bridges.")]
    [InlineData("The minister promised on Tuesday to rebuild the bridges.", "Fourteen bridges were destroyed by the floods last week.")]
    [InlineData("Dr. Ana Lind said the dam held.", "The dam held, said Dr. Ana Lind of the water board.")]
    public void Ecb_alignment_pairs_two_sentences_exactly_when_align_calls_them_one_claim(string a, string b)
    {
        var language = new Parallax.Core.Language.LanguageAnalyzer();
        var threshold = CoverageOptions.Default.SameClaimThreshold;
        var sentences = new List<EcbSentence> { new("d1", 30, "30_1", 1, a, ["x"]), new("d2", 30, "30_1", 1, b, ["x"]) };

        var score = EcbAlignment.Coverage(sentences, threshold, new ClaimVocabulary(), language);

        Assert.Equal(new CoverageBuilder().Align(a, b, language).SameClaim ? 1 : 0, score.Predicted);
    }

    [Fact]
    public void The_ceiling_of_a_grouping_is_one_when_gold_pairs_are_transitive_and_below_one_when_a_sentence_bridges_two_instances()
    {
        // Two instances, each mentioned in three documents: grouping by instance gets every pair and nothing else.
        var transitive = new List<EcbSentence>
        {
            new("d1", 30, "30_1", 1, "s", ["x"]), new("d2", 30, "30_1", 1, "s", ["x"]), new("d3", 30, "30_1", 1, "s", ["x"]),
            new("d1", 30, "30_1", 2, "s", ["y"]), new("d2", 30, "30_1", 2, "s", ["y"]), new("d3", 30, "30_1", 2, "s", ["y"]),
        };
        var clean = EcbCeiling.Best(transitive);
        Assert.Equal(6, clean.Gold);
        Assert.Equal(1.0, clean.F1, 6);

        // d2 mentions both: (d1, d2) and (d2, d3) are gold, (d1, d3) is not, so no partition gets all three right.
        var bridged = new List<EcbSentence> { new("d1", 30, "30_1", 1, "s", ["x"]), new("d2", 30, "30_1", 1, "s", ["x", "y"]), new("d3", 30, "30_1", 1, "s", ["y"]) };
        var ceiling = EcbCeiling.Best(bridged);
        Assert.Equal(2, ceiling.Gold);
        Assert.Equal(0.8, ceiling.F1, 6);
    }

    [Fact]
    public void Pair_separation_is_one_for_a_perfect_split_zero_for_a_reversed_one_and_a_half_for_ties()
    {
        Assert.Equal(1.0, EcbSeparation.Auc([(0.9, true), (0.8, true), (0.1, false), (0.2, false)]), 6);
        Assert.Equal(0.0, EcbSeparation.Auc([(0.1, true), (0.9, false)]), 6);
        Assert.Equal(0.5, EcbSeparation.Auc([(0.4, true), (0.4, false), (0.4, true)]), 6);

        // One gold pair above both others, one between them: 3 of 4 orderings right.
        Assert.Equal(0.75, EcbSeparation.Auc([(0.9, true), (0.5, true), (0.6, false), (0.1, false)]), 6);
    }

    [SharedDataFact("benchmarks/story-clustering/ecbplus/ECBplus_xml.tar.gz")]
    public void Ecb_annotated_sentences_read_with_their_event_instances()
    {
        var folder = Path.Combine(TestRepository.Root()!, "..", "shared", "benchmarks", "story-clustering", "ecbplus");
        var sentences = EcbSentences.Load(folder);
        Assert.InRange(sentences.Count, 1700, 1840);
        Assert.True(sentences.Count(s => s.Instances.Count > 0) > sentences.Count / 2);
        Assert.All(sentences, s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));

        // All pairs across documents is a ceiling on recall: every gold pair is one of them.
        var tfidf = new TfIdf(sentences.Select(s => s.Text));
        var all = EcbAlignment.Baseline(sentences.Where(s => s.Topic <= 3).ToList(), 0.0, tfidf);
        Assert.Equal(1.0, all.Recall, 3);
    }
}
