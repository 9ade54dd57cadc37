using Parallax.Core.Stories;

namespace Parallax.Core.Tests.Stories;

/// <summary>
/// A small batch about one region (fictional countries Veldoria and Marrask), in the shape of the reference page:
/// a prisoner exchange, a leaders' phone call and a spy network, the last two ending with the same background
/// sentence, plus a second report of the exchange in other words. Every article names the two countries, which the
/// general-English word list does not know, so only the event-level check (stream-only weights) keeps them apart.
/// </summary>
public sealed class OneRegionBatchTests
{
    private const string Background =
        " Veldoria and Marrask resumed Tessaly-hosted talks earlier this year after nearly three years without direct contact.";

    private static readonly (string Title, string Text)[] Batch =
    [
        ("Veldoria and Marrask carry out latest prisoner exchange",
            "Veldoria has returned 84 of its soldiers from Marrask captivity, while releasing a group of Marrask soldiers, the Veldorian defence ministry said on Friday. The exchange was carried out under the deal reached on June 2 in Karvos. The freed Veldorian soldiers are now in Ostrel, where they receive medical care, and will later be flown home for rehabilitation. Veldorian leader Kasimir Dunn confirmed the exchange, saying most prisoners had been held since 2022."),
        ("Orlan reveals topics he discussed with Feyn",
            "Lunarian President Mattis Orlan said his first phone call in three years with Marrask leader Aldo Feyn focused on nuclear safety after strikes near the Corvin reactor. Orlan told journalists the call centred on the reactor and on the treaty on nuclear weapons. Feyn also raised the conflict with Veldoria." + Background),
        ("Veldorian spies infiltrated Tessaly",
            "Veldoria's security service placed an agent within the Veldorian diaspora in Tessaly, building a covert intelligence network that operated for years, the newspaper Gazet Ankor reported on Friday. The paper cited four documents naming Major Ilya Brant of the counterintelligence unit. The Veldorian diaspora in Tessaly numbers around 37,000. Tessaly has refused to supply weapons to either side of the conflict with Marrask." + Background),
        ("Prisoner swap brings 84 Veldorian soldiers home",
            "Eighty-four Veldorian soldiers came home on Friday in an exchange of prisoners with Marrask agreed in Karvos on June 2, the defence ministry said. The soldiers were taken to Ostrel for medical checks before rehabilitation. Kasimir Dunn thanked the mediators and said the exchanges must continue."),
    ];

    [Fact]
    public void Three_events_of_one_region_stay_three_stories_and_the_second_exchange_report_joins_the_first()
    {
        var stories = Cluster(StoryOptions.Default);
        Assert.Equal(stories[0], stories[3]);
        Assert.Equal(3, new HashSet<int>(stories).Count);
    }

    [Fact]
    public void With_names_weighted_as_before_and_no_event_level_check_the_shared_names_pull_the_batch_into_one_story()
    {
        // Shows what the check and the lighter names are for: names at the old weight (3), check off, the batch collapses.
        var stories = Cluster(StoryOptions.Default with { LocalJoinThreshold = 0, EntityWeight = 3 });
        Assert.Single(new HashSet<int>(stories));
    }

    [Fact]
    public void With_names_at_their_shipped_weight_the_words_keep_the_events_apart_even_without_the_check()
    {
        var stories = Cluster(StoryOptions.Default with { LocalJoinThreshold = 0 });
        Assert.True(new HashSet<int>(stories).Count >= 2, "the shared country names alone should no longer make one story");
    }

    private static int[] Cluster(StoryOptions options)
    {
        var clusterer = new StoryClusterer(options);
        foreach (var (title, text) in Batch)
        {
            clusterer.Add(new StoryDocument(title, text));
        }

        return [.. Enumerable.Range(0, Batch.Length).Select(clusterer.StoryOf)];
    }
}
