using Parallax.Core.Stories;
using Parallax.Embeddings;

namespace Parallax.Embeddings.Tests;

/// <summary>
/// `parallax pairs` as it ships (words plus the real model): the pairs words alone cannot settle are settled, and
/// the similarity stays graded. Rows from the journalist's table in Parallax.Core.Tests (SameStoryFixtureTests).
/// </summary>
public sealed class SameStoryWithModelTests(ArcticEmbedderTests.Model model) : IClassFixture<ArcticEmbedderTests.Model>
{
    private const string MillFire = "Fire destroys Oakfield flour mill\nA fire destroyed the old flour mill in Oakfield on Tuesday night. Firefighters from three stations fought the blaze for six hours. Mill owner Greta Vasquez said nobody was inside.";
    private const string MillFireAgain = "Blaze guts historic Oakfield mill\nThe historic flour mill in Oakfield burned down overnight on Tuesday, fire chief Tomas Rilke said. Owner Greta Vasquez confirmed the building was empty when the fire started.";
    private const string WarehouseFire = "Warehouse fire in Brenton injures two\nTwo workers were hurt when a fire swept through a furniture warehouse in Brenton on Sunday. Manager Idris Calloway said the sprinklers failed.";
    private const string Mayor = "Marlow wins Kestrel mayoral race\nIngrid Marlow was elected mayor of Kestrel with 54 percent of the vote, defeating incumbent Paul Dressler after a campaign dominated by housing.";
    private const string Football = "Harbour United beat Kestrel Rovers 3-1\nHarbour United came from behind to beat Kestrel Rovers 3-1 on Saturday, with two goals from striker Lev Antonelli.";

    private SameStoryScorer Scorer => new(embedder: model.Embedder, embedAlways: true);

    [Fact]
    public void A_shared_place_name_alone_does_not_make_a_football_match_the_mayoral_race()
    {
        var verdict = Scorer.Explain(Mayor, Football);
        Assert.False(verdict.Verdict.SameStory, $"similarity {verdict.Verdict.Similarity:0.000}, words {verdict.Lexical:0.000}, model {verdict.Semantic:0.000}");
        Assert.NotNull(verdict.Semantic);
    }

    [Fact]
    public void Graded_same_event_over_same_kind_over_unrelated_and_verdicts_right()
    {
        var sameEvent = Scorer.Score(MillFire, MillFireAgain);
        var sameKind = Scorer.Score(MillFire, WarehouseFire);
        var unrelated = Scorer.Score(MillFire, Mayor);
        Assert.True(sameEvent.SameStory);
        Assert.False(sameKind.SameStory);
        Assert.False(unrelated.SameStory);
        Assert.True(sameEvent.Similarity > sameKind.Similarity && sameKind.Similarity > unrelated.Similarity,
            $"{sameEvent.Similarity:0.000} / {sameKind.Similarity:0.000} / {unrelated.Similarity:0.000}");
    }

    [Fact]
    public void The_clusterer_with_the_model_keeps_the_events_apart()
    {
        var clusterer = new StoryClusterer(StoryOptions.Default, model.Embedder);
        var texts = new[] { MillFire, WarehouseFire, MillFireAgain, Mayor, Football };
        var stories = texts.Select(t =>
        {
            var (title, body) = SameStoryScorer.SplitTitle(t);
            return clusterer.Add(new StoryDocument(title, body)).Story;
        }).ToArray();
        Assert.Equal(clusterer.StoryOf(0), clusterer.StoryOf(2));
        Assert.Equal(4, new HashSet<int>(Enumerable.Range(0, texts.Length).Select(clusterer.StoryOf)).Count);
    }
}
