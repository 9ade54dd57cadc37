using Parallax.Core.Stories;
using Parallax.Embeddings;

namespace Parallax.Embeddings.Tests;

/// <summary>The real model on small texts: loads lazily, gives unit vectors, and ranks meaning above wording.</summary>
public sealed class ArcticEmbedderTests : IClassFixture<ArcticEmbedderTests.Model>
{
    private readonly ArcticEmbedder embedder;

    public ArcticEmbedderTests(Model model) => embedder = model.Embedder;

    [Fact]
    public void Vectors_are_unit_length_and_deterministic()
    {
        var a = embedder.Embed("A strong earthquake struck northern Iran on Sunday.");
        var b = embedder.Embed("A strong earthquake struck northern Iran on Sunday.");
        Assert.Equal(embedder.Dimensions, a.Length);
        Assert.Equal(1.0, EmbeddingPassage.Cosine(a, a), 3);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Same_event_in_other_words_is_closer_than_same_topic_which_is_closer_than_another_topic()
    {
        var quake = embedder.Embed("Earthquake of magnitude 6.1 hits northern Iran, killing 30 people.");
        var sameEvent = embedder.Embed("A strong quake struck Iran's north on Sunday, leaving dozens dead.");
        var otherQuake = embedder.Embed("A magnitude 5 earthquake shook Chile's coast, with no reports of damage.");
        var rehab = embedder.Embed("The actress checked into a rehab clinic in Malibu, her publicist said.");
        var same = EmbeddingPassage.Cosine(quake, sameEvent);
        var topic = EmbeddingPassage.Cosine(quake, otherQuake);
        var unrelated = EmbeddingPassage.Cosine(quake, rehab);
        Assert.True(same > topic, $"same event {same:0.000} <= same topic {topic:0.000}");
        Assert.True(topic > unrelated, $"same topic {topic:0.000} <= unrelated {unrelated:0.000}");
    }

    [Fact]
    public void Newlines_and_runs_of_spaces_do_not_change_the_vector()
    {
        var plain = embedder.Embed("Storm hits the coast. Thousands lose power.");
        var ragged = embedder.Embed("Storm   hits the coast.\nThousands\tlose power.\n");
        Assert.Equal(plain, ragged);
    }

    [Fact]
    public void Long_passages_are_cut_to_the_token_budget_at_a_word()
    {
        var text = string.Join(' ', Enumerable.Repeat("The council approved the budget after a long debate.", 80));
        var prepared = embedder.Prepare(text);
        Assert.True(prepared.Length < text.Length);
        Assert.StartsWith("The council approved", prepared, StringComparison.Ordinal);
        Assert.False(prepared.EndsWith(' '));
        Assert.Equal(embedder.Dimensions, embedder.Embed(text).Length);
    }

    [Fact]
    public void Empty_passage_gives_a_zero_vector_without_loading_anything_new()
    {
        var vector = embedder.Embed("  \n ");
        Assert.Equal(embedder.Dimensions, vector.Length);
        Assert.All(vector, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Concurrent_calls_give_the_same_vectors_as_sequential_ones()
    {
        string[] texts = ["Parliament passed the bill.", "The team won the final.", "Prices rose in May.", "A ship sank off Crete."];
        var sequential = texts.Select(embedder.Embed).ToArray();
        var parallel = new float[texts.Length * 4][];
        Parallel.For(0, parallel.Length, i => parallel[i] = embedder.Embed(texts[i % texts.Length]));
        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(sequential[i % texts.Length], parallel[i]);
        }
    }

    [Fact]
    public void The_model_is_not_loaded_before_the_first_passage()
    {
        using var fresh = new ArcticEmbedder();
        Assert.False(fresh.Loaded);
        fresh.Embed("One passage.");
        Assert.True(fresh.Loaded);
    }

    /// <summary>One loaded model for the whole class: loading costs about a second.</summary>
    public sealed class Model : IDisposable
    {
        public ArcticEmbedder Embedder { get; } = new();

        public void Dispose() => Embedder.Dispose();
    }
}
