using Parallax.Core.Stories;

namespace Parallax.Core.Tests.Stories;

/// <summary>
/// Embeddings computed ahead on the thread pool: the vectors are the model's, each passage reaches the model once, a
/// wrong or stale guess is dropped, and a clusterer told of its next reports decides exactly as one that is not.
/// </summary>
public sealed class PrefetchingEmbedderTests
{
    private static readonly (string Title, string Text)[] Reports =
    [
        ("Fire destroys Oakfield flour mill", "A fire destroyed the old flour mill in Oakfield on Tuesday night. Firefighters from three stations fought the blaze for six hours."),
        ("Blaze guts historic Oakfield mill", "The historic flour mill in Oakfield burned down overnight on Tuesday, fire chief Tomas Rilke said. Nobody was inside."),
        ("Marlow wins Kestrel mayoral race", "Ingrid Marlow was elected mayor of Kestrel with 54 percent of the vote, defeating incumbent Paul Dressler."),
        ("Oakfield mill owner vows to rebuild", "Greta Vasquez, whose Oakfield flour mill burned on Tuesday, said she would rebuild it within two years."),
        ("Kestrel mayor-elect names housing chief", "Ingrid Marlow, elected mayor of Kestrel last week, named a housing chief on Monday after a campaign about rents."),
        ("Storm floods Avel harbour", "A storm flooded the harbour of Avel on Sunday, and the river rose two metres above its banks near the old bridge."),
    ];

    [Fact]
    public void A_prefetched_passage_is_the_models_vector_and_reaches_the_model_once()
    {
        var model = new CountingEmbedder();
        var ahead = new PrefetchingEmbedder(model);
        ahead.Prefetch("storm floods the harbour");
        var vector = ahead.Embed("storm floods the harbour");
        Assert.Equal(model.Vector("storm floods the harbour"), vector);
        Assert.Equal(1, model.Calls);
        Assert.Equal(1, ahead.Used);

        // Asked again, it is not held any more: the model is asked as it would be without prefetching.
        Assert.Equal(vector, ahead.Embed("storm floods the harbour"));
        Assert.Equal(2, model.Calls);
    }

    [Fact]
    public void Guesses_are_bounded_and_a_dropped_one_is_embedded_inline()
    {
        var model = new CountingEmbedder();
        var ahead = new PrefetchingEmbedder(model);
        for (var i = 0; i < PrefetchingEmbedder.MaxAhead + 10; i++)
        {
            ahead.Prefetch($"guess {i}");
        }

        Assert.Equal(model.Vector("guess 0"), ahead.Embed("guess 0")); // the oldest guess was dropped: computed here
        Assert.Equal(model.Vector("guess 41"), ahead.Embed("guess 41"));
        Assert.Equal(1, ahead.Used);
        Assert.Equal(model.Vector("not asked ahead"), ahead.Embed("not asked ahead"));
    }

    [Theory]
    [InlineData(0.0, 1.01)]
    [InlineData(0.32, 0.68)]
    public void Anticipating_reports_changes_no_decision(double low, double high)
    {
        var options = StoryOptions.Default with { AmbiguousLow = low, AmbiguousHigh = high, LocalJoinThreshold = 0, EmbeddingCenter = 0.5 };
        var plainModel = new CountingEmbedder();
        var plain = new StoryClusterer(options, plainModel);
        var aheadModel = new CountingEmbedder();
        var ahead = new PrefetchingEmbedder(aheadModel);
        var anticipating = new StoryClusterer(options, ahead);
        for (var i = 0; i < Reports.Length; i++)
        {
            if (i + 1 < Reports.Length)
            {
                anticipating.Anticipate(new StoryDocument(Reports[i + 1].Title, Reports[i + 1].Text));
            }

            var expected = plain.Add(new StoryDocument(Reports[i].Title, Reports[i].Text));
            var actual = anticipating.Add(new StoryDocument(Reports[i].Title, Reports[i].Text));
            Assert.Equal(expected.Story, actual.Story);
            Assert.Equal(expected.Started, actual.Started);
            Assert.Equal(expected.Similarity, actual.Similarity);
        }

        Assert.Equal(plain.Embedded, anticipating.Embedded);
        if (low == 0)
        {
            // Every report is in doubt here: the hints were right at least once, so some vectors were ready.
            Assert.True(plain.Embedded > 0);
            Assert.True(ahead.Used > 0, $"{ahead.Used} of {ahead.Prefetched} prefetched passages used");
        }
    }

    /// <summary>A stand-in model: a fixed unit vector per passage (its angle from the passage's characters), counted.</summary>
    private sealed class CountingEmbedder : ITextEmbedder
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public int Dimensions => 2;

        public float[] Embed(string passage)
        {
            Interlocked.Increment(ref calls);
            return Vector(passage);
        }

        public float[] Vector(string passage)
        {
            var angle = passage.Sum(c => (int)c) % 100 / 100.0 * Math.PI / 2;
            return [(float)Math.Cos(angle), (float)Math.Sin(angle)];
        }
    }
}
