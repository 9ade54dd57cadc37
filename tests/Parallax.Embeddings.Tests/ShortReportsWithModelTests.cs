using Parallax.Core.Stories;

namespace Parallax.Embeddings.Tests;

/// <summary>
/// Headlines alone (short reports): the clusterer finds their story by the model when they share no heavy word,
/// and a story of headlines is not split by its few words.
/// </summary>
public sealed class ShortReportsWithModelTests(ArcticEmbedderTests.Model model) : IClassFixture<ArcticEmbedderTests.Model>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    // The shipped rules for short reports (StoryOptions.ShortJoinThreshold: lexical centre 0, no event-level check),
    // with the embedding's centre where the model puts paraphrased headlines (near 0.84; unrelated ones near 0.69), and
    // few candidates by words, so that a handful of other stories already puts the word index in use.
    private static readonly StoryOptions Headlines = StoryOptions.Default with
    {
        EmbeddingCenter = 0.82,
        MaxCandidates = 4,
    };

    // Other events, so that more stories are open than the clusterer scores without its word index.
    private static readonly string[] Others =
    [
        "Harbour United beat Kestrel Rovers in cup final", "Marlow elected mayor of Kestrel", "Storm closes Brenton ferry port",
        "Glassworks strike enters third week", "Museum returns stolen bronze mask", "Teachers vote on new pay offer",
        "Rail fares to rise in January", "Orchestra cancels winter tour", "Chess prodigy wins national title",
        "Drought cuts wheat harvest by a third", "Bank raises interest rates again", "Zoo welcomes twin snow leopards",
        "Hospital opens new cancer wing", "Court jails fraudster for six years", "Airline orders forty new jets",
        "Volcano erupts near island village", "City bans cars from old town", "Film festival picks its jury",
        "Police seize record haul of cocaine", "Satellite launch delayed by fuel leak", "Farmers protest over milk prices",
        "Library reopens after flood repairs", "Cyclist breaks hour record", "Minister resigns over expenses",
        "Earthquake shakes coastal towns", "Pop star announces farewell concerts", "Ferry operator cuts winter routes",
        "Vaccine trial shows strong results",
    ];

    [Fact]
    public void A_headline_sharing_no_word_with_its_story_is_found_by_the_model() => Assert.True(PlacesTheParaphrase(Headlines));

    [Fact]
    public void A_headline_judged_with_the_full_text_lexical_centre_shares_too_few_words_to_join() =>
        Assert.False(PlacesTheParaphrase(Headlines with { ShortJoinThreshold = Headlines.JoinThreshold }));

    // Whether "Cupertino tech giant reveals bigger smartphone", sharing no word with the first headline, joins its story.
    private bool PlacesTheParaphrase(StoryOptions options)
    {
        var clusterer = new StoryClusterer(options, model.Embedder);
        var first = clusterer.Add(new StoryDocument("Apple unveils new iPhone with larger screen", string.Empty, Start)).Story;
        for (var i = 0; i < Others.Length; i++)
        {
            // Full reports (their title over and over), decided on their words: none is embedded or joins another.
            var body = string.Join(" ", Enumerable.Repeat(Others[i] + ".", 6));
            clusterer.Add(new StoryDocument(Others[i], body, Start.AddMinutes(i + 1)));
        }

        Assert.True(clusterer.OpenStories > options.MaxCandidates + 1, $"the word index must be in use: {clusterer.OpenStories} open: " + string.Join(",", Enumerable.Range(0, Others.Length + 1).Select(clusterer.StoryOf)));
        var later = clusterer.Add(new StoryDocument("Cupertino tech giant reveals bigger smartphone", string.Empty, Start.AddHours(1)));

        // Never into another event's story, whichever the rules.
        Assert.DoesNotContain(Enumerable.Range(1, Others.Length), i => clusterer.StoryOf(i) == clusterer.StoryOf(later.Article));
        return clusterer.StoryOf(later.Article) == first;
    }

    [Fact]
    public void A_story_of_headlines_is_not_split_by_its_words()
    {
        var clusterer = new StoryClusterer(Headlines, model.Embedder);
        string[] fire =
        [
            "Fire destroys Oakfield flour mill", "Oakfield flour mill destroyed by fire", "Oakfield mill fire: nobody was inside",
            "Blaze guts historic Oakfield landmark overnight", "Historic landmark gutted by overnight blaze",
            "Overnight blaze: town mourns its historic landmark",
        ];
        for (var i = 0; i < fire.Length; i++)
        {
            clusterer.Add(new StoryDocument(fire[i], string.Empty, Start.AddMinutes(10 * i)));
        }

        var stories = Enumerable.Range(0, fire.Length).Select(clusterer.StoryOf).Distinct().Count();
        Assert.True(stories == 1, string.Join(",", Enumerable.Range(0, fire.Length).Select(clusterer.StoryOf)));
    }
}
