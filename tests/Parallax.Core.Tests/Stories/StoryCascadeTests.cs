using Parallax.Core.Stories;

namespace Parallax.Core.Tests.Stories;

/// <summary>
/// The embedding cascade and time, with a stand-in model whose vectors are chosen by the test: the model is asked
/// only about reports in doubt, its vote decides those, and content sure of its story outlasts a time gap.
/// </summary>
public sealed class StoryCascadeTests
{
    // The cascade of full reports: these fixture reports are short enough to be taken as headlines-and-leads
    // (ShortReportWords), which the model always judges (ShortReportsWithModelTests), so that path is off here.
    private static readonly StoryOptions Cascade = StoryOptions.Default with { ShortReportWords = 0 };

    private const string MillTitle = "Fire destroys Oakfield flour mill";
    private const string Mill = "A fire destroyed the old flour mill in Oakfield on Tuesday night. Firefighters from three stations fought the blaze for six hours. Mill owner Greta Vasquez said nobody was inside.";
    private const string MillAgainTitle = "Blaze guts historic Oakfield mill";
    private const string MillAgain = "The historic flour mill in Oakfield burned down overnight on Tuesday, fire chief Tomas Rilke said. Owner Greta Vasquez confirmed the mill was empty.";
    private const string VoteTitle = "Marlow wins Kestrel mayoral race";
    private const string Vote = "Ingrid Marlow was elected mayor of Kestrel with 54 percent of the vote, defeating incumbent Paul Dressler after a campaign dominated by housing.";

    [Fact]
    public void Without_an_embedder_the_words_alone_decide()
    {
        var clusterer = new StoryClusterer();
        var first = clusterer.Add(new StoryDocument(MillTitle, Mill));
        var second = clusterer.Add(new StoryDocument(MillAgainTitle, MillAgain));
        var third = clusterer.Add(new StoryDocument(VoteTitle, Vote));
        Assert.Equal(first.Story, second.Story);
        Assert.NotEqual(first.Story, third.Story);
        Assert.Equal(0, clusterer.Embedded);
    }

    [Fact]
    public void Clear_cases_never_reach_the_model()
    {
        var embedder = new FixedEmbedder(_ => [1f, 0f]);
        var clusterer = new StoryClusterer(Cascade, embedder);
        clusterer.Add(new StoryDocument(MillTitle, Mill));
        clusterer.Add(new StoryDocument(MillTitle, Mill)); // the same words: clearly the same story
        clusterer.Add(new StoryDocument(VoteTitle, Vote)); // nothing in common: clearly another story
        Assert.Equal(0, embedder.Calls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void In_doubt_the_model_decides(bool modelSaysSame)
    {
        // Everything lexical is in doubt here (an ambiguous band covering all probabilities), so the model's vote
        // (its cosine far above or far below the centre) settles the pair.
        var options = Cascade with
        {
            AmbiguousLow = 0,
            AmbiguousHigh = 1.01,
            LocalJoinThreshold = 0,
            EmbeddingSlope = 30,
            EmbeddingCenter = 0.5,
        };
        var embedder = new FixedEmbedder(p => p.Contains("Kestrel", StringComparison.Ordinal) && !modelSaysSame ? [0f, 1f] : [1f, 0f]);
        var clusterer = new StoryClusterer(options, embedder);
        var mill = clusterer.Add(new StoryDocument(MillTitle, Mill));
        var vote = clusterer.Add(new StoryDocument(VoteTitle, Vote));
        Assert.Equal(modelSaysSame, mill.Story == vote.Story);
        Assert.True(embedder.Calls is >= 1 and <= 2, $"{embedder.Calls} calls: each report embedded at most once");
        Assert.Equal(1, clusterer.EmbeddedReports); // the second report; the first had no story to compare with
        Assert.Equal(modelSaysSame ? 1 : 0, clusterer.ChangedByEmbedding); // the words alone would have kept them apart
    }

    [Fact]
    public void A_report_no_embedding_could_bring_into_a_story_is_not_embedded()
    {
        // Everything lexical is in doubt, but the event-level check (on words alone) fails for every pair, so no
        // cosine the model could give would make a report join: asking it would change nothing.
        var options = Cascade with { AmbiguousLow = 0, AmbiguousHigh = 1.01, LocalJoinThreshold = 2 };
        var embedder = new FixedEmbedder(_ => [1f, 0f]);
        var clusterer = new StoryClusterer(options, embedder);
        var lexical = new StoryClusterer(options);
        foreach (var (title, text) in new[] { (MillTitle, Mill), (MillAgainTitle, MillAgain), (VoteTitle, Vote) })
        {
            var placed = clusterer.Add(new StoryDocument(title, text));
            var alone = lexical.Add(new StoryDocument(title, text));
            Assert.True(placed.Started);
            Assert.Equal(alone, placed);
        }

        Assert.Equal(0, embedder.Calls);
    }

    [Fact]
    public void The_model_gets_at_most_its_share_of_the_stream()
    {
        // Everything in doubt, a budget of 2 passages plus 10% of the reports: 40 reports embed at most 6 passages.
        var options = Cascade with { AmbiguousLow = 0, AmbiguousHigh = 1.01, EmbeddingAllowance = 2, MaxEmbeddedShare = 0.1 };
        var embedder = new FixedEmbedder(_ => [1f, 0f]);
        var clusterer = new StoryClusterer(options, embedder);
        for (var i = 0; i < 40; i++)
        {
            clusterer.Add(new StoryDocument($"Report {i}", $"{MillAgain} Item {i}."));
        }

        Assert.InRange(embedder.Calls, 2, 2 + 4 + 2);
    }

    [Fact]
    public void A_report_sure_of_its_story_joins_it_weeks_later()
    {
        var clusterer = new StoryClusterer();
        var day = new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.Zero);
        var first = clusterer.Add(new StoryDocument(MillTitle, Mill, day));
        var later = clusterer.Add(new StoryDocument(MillTitle, Mill + " The mill will be rebuilt.", day.AddDays(20)));
        Assert.Equal(first.Story, later.Story);
    }

    [Fact]
    public void Time_damps_a_report_that_is_only_probably_the_same_story()
    {
        var day = new DateTimeOffset(2024, 3, 5, 8, 0, 0, TimeSpan.Zero);
        var probability = StoryScoring.Probability(StoryOptions.Default.JoinThreshold + 0.03, StoryOptions.Default);
        Assert.InRange(probability, StoryOptions.Default.JoinProbability, StoryOptions.Default.SureProbability);
        var years = StoryScoring.TimeFactor(day.AddYears(2).UtcTicks, day.UtcTicks, day.UtcTicks, StoryOptions.Default);
        Assert.True(StoryScoring.Timed(probability, years, StoryOptions.Default) < StoryOptions.Default.JoinProbability);
        Assert.Equal(0.95, StoryScoring.Timed(0.95, years, StoryOptions.Default));
    }

    [Fact]
    public void The_probability_is_calibrated_around_the_join_threshold()
    {
        var options = StoryOptions.Default;
        Assert.Equal(0.5, StoryScoring.Probability(options.JoinThreshold, options), 6);
        Assert.True(StoryScoring.Probability(0.9, options) > 0.99);
        Assert.True(StoryScoring.Probability(0, options) < 0.15);
        Assert.True(StoryScoring.Probability(options.JoinThreshold, options.EmbeddingCenter + 0.05, options) > 0.5);
        Assert.True(StoryScoring.Probability(options.JoinThreshold, options.EmbeddingCenter - 0.05, options) < 0.5);
    }

    [Fact]
    public void The_passage_is_title_then_lead_with_whitespace_collapsed_and_cut()
    {
        Assert.Equal("Storm hits. Thousands", EmbeddingPassage.Of("Storm hits", "Thousands\n\n lose\tpower today", 3));
        Assert.Equal("Done! Body", EmbeddingPassage.Of("Done!", "Body", 10));
        Assert.Equal("Only body", EmbeddingPassage.Of(null, " Only   body ", 10));
    }

    [Fact]
    public void Stored_embeddings_stand_in_for_the_model_and_keep_its_decisions()
    {
        var options = StoryOptions.Default with { AmbiguousLow = 0, AmbiguousHigh = 1.01, LocalJoinThreshold = 0, EmbeddingSlope = 30, EmbeddingCenter = 0.5 };
        var documents = new[]
        {
            new StoryDocument(MillTitle, Mill), new StoryDocument(VoteTitle, Vote), new StoryDocument(MillAgainTitle, MillAgain),
            new StoryDocument(VoteTitle, Vote + " Turnout was 61 percent."),
        };
        var model = new FixedEmbedder(p => p.Contains("Kestrel", StringComparison.Ordinal) ? [0f, 1f] : [1f, 0f]);
        var first = new StoryClusterer(options, model);
        var placements = documents.Select(first.Add).ToList();
        var computed = placements.SelectMany(p => p.Embedded ?? []).ToList();

        // Every model call comes back with its article, the first report's too (embedded when the second report met it).
        Assert.Equal(model.Calls, computed.Count);
        Assert.Equal(first.ModelCalls, model.Calls);
        Assert.Contains(computed, e => e.Article == 0);
        Assert.DoesNotContain(placements[0].Embedded ?? [], e => e.Article == 0);

        var stored = computed.ToDictionary(e => e.Article, e => e.Vector);
        var replayModel = new FixedEmbedder(_ => throw new InvalidOperationException("the model was called"));
        var replay = new StoryClusterer(options, replayModel);
        var again = documents.Select((d, i) => replay.Add(d with { Embedding = stored.GetValueOrDefault(i) })).ToList();
        Assert.Equal(placements.Select(p => (p.Story, p.Started, p.Similarity)), again.Select(p => (p.Story, p.Started, p.Similarity)));
        Assert.Equal((first.Embedded, 0, first.Embedded), (replay.Embedded, replay.ModelCalls, replay.EmbeddedFromStore));
        Assert.All(again, p => Assert.Null(p.Embedded));
    }

    [Fact]
    public void The_passages_of_one_decision_embedded_in_parallel_give_the_same_stories_and_model_calls()
    {
        // Everything lexical is in doubt: a report that meets an unembedded story needs two passages at once (its own
        // and the story's first report's), which the cascade embeds in parallel where it may.
        const string Ferry = "The Wendmouth ferry sailed again on Friday after engineers repaired its engine at the Port Ellery yard.";
        const string Mixed = "Oakfield mill fire, Kestrel mayor and Wendmouth ferry: Marlow and Vasquez spoke as the ferry engine was repaired.";
        var options = Cascade with { AmbiguousLow = 0, AmbiguousHigh = 1.01, LocalJoinThreshold = 0, EmbeddingSlope = 30, EmbeddingCenter = 0.5 };
        var documents = new[]
        {
            new StoryDocument(MillTitle, Mill), new StoryDocument(VoteTitle, Vote), new StoryDocument("Ferry resumes", Ferry), new StoryDocument("Busy day", Mixed),
        };
        (List<(int Story, bool Started, double Similarity)> Placements, List<string> Passages, int ModelCalls) Run(bool parallel)
        {
            // A vector of its own for each report, so that a vector given to the wrong passage would show.
            var embedder = new FixedEmbedder(p =>
                p.Contains("Oakfield flour", StringComparison.Ordinal) ? [1f, 0f]
                : p.Contains("Kestrel mayoral", StringComparison.Ordinal) ? [0.6f, 0.8f]
                : p.Contains("Wendmouth ferry sailed", StringComparison.Ordinal) ? [0f, 1f]
                : [0.8f, 0.6f]);
            var clusterer = new StoryClusterer(options with { ParallelEmbeddings = parallel }, embedder);
            var placements = documents.Select(d => clusterer.Add(d)).Select(p => (p.Story, p.Started, p.Similarity)).ToList();
            return (placements, embedder.Passages.Order(StringComparer.Ordinal).ToList(), clusterer.ModelCalls);
        }

        var serial = Run(parallel: false);
        var parallel = Run(parallel: true);
        Assert.Equal(4, serial.ModelCalls);
        Assert.Equal(serial.Placements, parallel.Placements);
        Assert.Equal(serial.Passages, parallel.Passages);
        Assert.Equal(serial.ModelCalls, parallel.ModelCalls);
    }

    [Fact]
    public void A_headline_meeting_unembedded_stories_embeds_their_first_reports_in_parallel_with_the_same_outcome()
    {
        // Two stories started on clear lexical evidence, so neither is embedded; a headline sharing words with both is
        // short, always judged with the model, and needs both stories' first reports embedded at once.
        var documents = new[]
        {
            new StoryDocument(MillTitle, Mill), new StoryDocument(VoteTitle, Vote), new StoryDocument("Oakfield mill fire as Marlow wins in Kestrel", string.Empty),
        };
        (List<(int Story, bool Started, double Similarity)> Placements, List<string> Passages, int ModelCalls) Run(bool parallel)
        {
            var embedder = new FixedEmbedder(p =>
                p.StartsWith("Fire destroys", StringComparison.Ordinal) ? [1f, 0f]
                : p.StartsWith("Marlow wins", StringComparison.Ordinal) ? [0f, 1f]
                : [0.96f, 0.28f]);
            var clusterer = new StoryClusterer(StoryOptions.Default with { ParallelEmbeddings = parallel }, embedder);
            var placements = documents.Select(d => clusterer.Add(d)).Select(p => (p.Story, p.Started, p.Similarity)).ToList();
            return (placements, embedder.Passages.Order(StringComparer.Ordinal).ToList(), clusterer.ModelCalls);
        }

        var serial = Run(parallel: false);
        var parallel = Run(parallel: true);
        Assert.Equal(3, serial.ModelCalls);
        Assert.Equal(serial.Placements, parallel.Placements);
        Assert.Equal(serial.Passages, parallel.Passages);
        Assert.Equal(serial.ModelCalls, parallel.ModelCalls);
        Assert.Equal(serial.Placements[0].Story, serial.Placements[2].Story);
    }

    private sealed class FixedEmbedder(Func<string, float[]> vector) : ITextEmbedder
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> passages = new();

        public int Calls => passages.Count;

        /// <summary>Every passage embedded, in the order the calls began (the cascade may embed several at once).</summary>
        public IReadOnlyCollection<string> Passages => passages;

        public int Dimensions => 2;

        public float[] Embed(string passage)
        {
            passages.Enqueue(passage);
            return vector(passage);
        }
    }
}
