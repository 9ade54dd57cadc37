using Parallax.Core.Stories;

namespace Parallax.Core.Tests.Stories;

/// <summary>
/// "Same story or not", as a table a journalist can review: two short reports (fictional places and people) and the
/// expected verdict. Each pair is scored alone, as `parallax pairs` scores every line of its file.
/// </summary>
public sealed class SameStoryFixtureTests
{
    /// <summary>
    /// Rows that words alone cannot settle, with their reason; `parallax pairs` settles them with the embedding
    /// (Parallax.Embeddings.Tests scores the whole table with the real model).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NeedsTheModel = new Dictionary<string, string>
    {
        ["a football match and a mayoral race"] = "two short texts alone, one rare place name shared: nothing says it is common",
    };

    public static TheoryData<string, string, string, bool> Cases => new()
    {
        {
            "same fire, two outlets",
            "Fire destroys Oakfield flour mill\nA fire destroyed the old flour mill in Oakfield on Tuesday night. Firefighters from three stations fought the blaze for six hours. Mill owner Greta Vasquez said nobody was inside.",
            "Blaze guts historic Oakfield mill\nThe historic flour mill in Oakfield burned down overnight on Tuesday, fire chief Tomas Rilke said. Owner Greta Vasquez confirmed the building was empty when the fire started.",
            true
        },
        {
            "two fires, same kind of event, different towns and people",
            "Fire destroys Oakfield flour mill\nA fire destroyed the old flour mill in Oakfield on Tuesday night. Firefighters from three stations fought the blaze for six hours. Mill owner Greta Vasquez said nobody was inside.",
            "Warehouse fire in Brenton injures two\nTwo workers were hurt when a fire swept through a furniture warehouse in Brenton on Sunday. Manager Idris Calloway said the sprinklers failed.",
            false
        },
        {
            "same election result, different wording",
            "Marlow wins Kestrel mayoral race\nIngrid Marlow was elected mayor of Kestrel with 54 percent of the vote, defeating incumbent Paul Dressler after a campaign dominated by housing.",
            "Kestrel elects Ingrid Marlow as mayor\nVoters in Kestrel chose Ingrid Marlow as their new mayor, handing incumbent Paul Dressler a defeat; Marlow took 54 percent.",
            true
        },
        {
            "a football match and a mayoral race",
            "Marlow wins Kestrel mayoral race\nIngrid Marlow was elected mayor of Kestrel with 54 percent of the vote, defeating incumbent Paul Dressler after a campaign dominated by housing.",
            "Harbour United beat Kestrel Rovers 3-1\nHarbour United came from behind to beat Kestrel Rovers 3-1 on Saturday, with two goals from striker Lev Antonelli.",
            false
        },
        {
            "two storms on the same coast, different years and names",
            "Storm Alva floods Port Merrin\nStorm Alva flooded the harbour of Port Merrin in 2019, forcing 300 families from their homes, the coastguard said.",
            "Storm Bettina cuts power to Lindqvist Bay\nStorm Bettina left 12,000 homes in Lindqvist Bay without electricity in 2024 as winds reached 140 km/h.",
            false
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pairs_get_the_expected_verdict(string name, string a, string b, bool same)
    {
        if (NeedsTheModel.ContainsKey(name))
        {
            return;
        }

        var verdict = new SameStoryScorer().Score(a, b);
        Assert.True(verdict.SameStory == same, $"{name}: similarity {verdict.Similarity:0.000}, expected sameStory={same}");
        Assert.InRange(verdict.Similarity, 0, 1);
    }

    [Fact]
    public void A_text_is_the_same_story_as_itself_and_scoring_is_symmetric()
    {
        var scorer = new SameStoryScorer();
        var (_, a, b, _) = Rows().First();
        Assert.True(scorer.Score(a, a).Similarity > 0.99);
        var ab = scorer.Score(a, b).Similarity;
        var ba = scorer.Score(b, a).Similarity;
        Assert.Equal(ab, ba, 6);
    }

    [Fact]
    public void Pair_decision_is_the_clustering_decision()
    {
        // A report joins a one-report story exactly when the pair scorer says "same story" under the same statistics.
        var (_, a, b, _) = Rows().First();
        var (titleA, bodyA) = SameStoryScorer.SplitTitle(a);
        var (titleB, bodyB) = SameStoryScorer.SplitTitle(b);
        var clusterer = new StoryClusterer();
        clusterer.Add(new StoryDocument(titleA, bodyA));
        var placement = clusterer.Add(new StoryDocument(titleB, bodyB));
        var verdict = new SameStoryScorer().Score(a, b);
        Assert.Equal(verdict.SameStory, !placement.Started);
    }

    [Fact]
    public void A_verdict_depends_on_its_pair_only()
    {
        // `parallax pairs` once learned document frequencies from the whole file, so an unrelated line could flip a
        // verdict; now the same pair gets the same score whatever else was scored before, by any scorer.
        var (_, a, b, _) = Rows().First();
        var alone = new SameStoryScorer().Score(a, b);
        var scorer = new SameStoryScorer();
        foreach (var (_, x, y, _) in Rows().Skip(1))
        {
            scorer.Score(x, y);
        }

        Assert.Equal(alone, scorer.Score(a, b));
    }

    [Fact]
    public void Similarity_is_graded_same_event_above_same_kind_of_event_above_unrelated()
    {
        var rows = Rows().ToList();
        var scorer = new SameStoryScorer();
        var sameEvent = scorer.Score(rows[0].Item2, rows[0].Item3).Similarity;
        var sameKind = scorer.Score(rows[0].Item2, rows[1].Item3).Similarity;
        var unrelated = scorer.Score(rows[0].Item2, rows[2].Item2).Similarity;
        Assert.True(sameEvent > 0.5, $"same event {sameEvent:0.000}");
        Assert.True(sameEvent > sameKind && sameKind >= unrelated, $"{sameEvent:0.000} / {sameKind:0.000} / {unrelated:0.000}");
        Assert.True(unrelated < 0.15, $"unrelated {unrelated:0.000}");
    }

    [Fact]
    public void A_title_and_one_line_is_scored_like_any_article()
    {
        var verdict = new SameStoryScorer().Score(
            "Fire destroys Oakfield flour mill\nA fire destroyed the old flour mill in Oakfield on Tuesday night.",
            "Oakfield flour mill burns down\nThe historic Oakfield flour mill was destroyed by fire overnight on Tuesday.");
        Assert.True(verdict.SameStory, $"similarity {verdict.Similarity:0.000}");
    }

    [Fact]
    public void The_embedder_is_asked_only_when_the_words_leave_the_verdict_in_doubt()
    {
        var rows = Rows().ToList();
        var embedder = new CountingEmbedder();
        var scorer = new SameStoryScorer(embedder: embedder);
        scorer.Score(rows[0].Item2, rows[0].Item2); // identical: clear
        scorer.Score(rows[0].Item2, rows[3].Item3); // fire and football: clear
        Assert.Equal(0, embedder.Calls);
    }

    [Theory]
    [InlineData("Title line\nBody text follows here.", "Title line", "Body text follows here.")]
    [InlineData("Only one line of text.", null, "Only one line of text.")]
    public void The_first_short_line_is_the_title(string text, string? title, string body)
    {
        var (t, b) = SameStoryScorer.SplitTitle(text);
        Assert.Equal(title, t);
        Assert.Equal(body, b);
    }

    internal static IEnumerable<(string, string, string, bool)> Rows()
    {
        foreach (var row in Cases)
        {
            yield return ((string)row[0], (string)row[1], (string)row[2], (bool)row[3]);
        }
    }
}

/// <summary>A stand-in model: counts calls and gives every passage the same unit vector.</summary>
internal sealed class CountingEmbedder : ITextEmbedder
{
    public int Calls { get; private set; }

    public int Dimensions => 2;

    public float[] Embed(string passage)
    {
        Calls++;
        return [1f, 0f];
    }
}
