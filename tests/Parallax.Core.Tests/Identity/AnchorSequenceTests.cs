using Parallax.Core.Identity;

namespace Parallax.Core.Tests.Identity;

/// <summary>
/// Heavy spinning (function words and phrases swapped too, names partly mangled) defeats the word sketch and the
/// skeleton; the ordered sequence of names and numbers still finds it, without linking another report of the event.
/// All texts are fictional.
/// </summary>
public sealed class AnchorSequenceTests
{
    private const string Fire =
        "Fire crews from Dunmere and Kilbride were called to the Larkfield Paper Works on Ashby Road at 2.15am on Sunday " +
        "after a blaze broke out in a storage shed, the Northshire Fire Service said.\n\n" +
        "Station commander Priya Lennox said 45 firefighters and 9 engines fought the flames for almost four hours. " +
        "Nobody was hurt, but residents of Ashby Road and Copper Street were told to keep their windows closed because of the smoke.\n\n" +
        "The Larkfield site employs 210 people and was rebuilt after a smaller fire in 2011. Owner Tomas Brandt said " +
        "production would resume on Wednesday at the Kilbride plant. \"We are grateful to the crews,\" he said.\n\n" +
        "Police closed the A614 between Dunmere and Eastbrook until 7am, and investigators from Northshire Police will " +
        "return on Monday to examine the cause.";

    // Spun the way commercial spinners do it: content and function words swapped ("after" -> "in the wake of",
    // "but" -> "yet", "on" -> "close to"), and two names mangled ("Works" -> "Factory", "Road" -> "Lane").
    private const string FireSpun =
        "Fire teams from Dunmere and Kilbride were summoned to the Larkfield Paper Factory close to Ashby Lane at 2.15am on Sunday " +
        "in the wake of a fire broke out in a capacity hut, the Northshire Fire Service stated.\n\n" +
        "Station officer Priya Lennox stated 45 firemen and 9 motors battled the blazes for very nearly four hours. " +
        "No one was harmed, yet occupants of Ashby Lane and Copper Street were advised to keep their windows shut due to the smoke.\n\n" +
        "The Larkfield site utilizes 210 individuals and was reconstructed in the wake of a more modest fire in 2011. Proprietor Tomas Brandt " +
        "stated creation would continue on Wednesday at the Kilbride plant. \"We are thankful to the teams,\" he stated.\n\n" +
        "Police shut the A614 between Dunmere and Eastbrook until 7am, and examiners from Northshire Police will " +
        "come back on Monday to look at the reason.";

    // Another report of the same fire: the same names, in another order, with other numbers.
    private const string FireOtherReport =
        "A storage shed at the Larkfield Paper Works in Dunmere caught fire early on Sunday, sending smoke over Copper Street " +
        "and Ashby Road. Owner Tomas Brandt told the Eastbrook Echo that work would move to the Kilbride plant from Wednesday " +
        "and that none of the 200 staff would lose pay.\n\n" +
        "The Northshire Fire Service sent 8 engines and about 40 firefighters, led by station commander Priya Lennox, who said " +
        "the roof of the shed had collapsed by 4am. Police reopened the A614 at 7.30am.\n\n" +
        "Investigators from Northshire Police are expected to examine the site on Monday. The works, which also burned in 2011, " +
        "is one of the largest employers in Dunmere. Neighbours said they heard loud bangs shortly after 2am and that crews " +
        "from Kilbride arrived within 20 minutes.";

    [Fact]
    public void Heavy_spinning_defeats_words_and_skeleton_but_keeps_the_anchor_sequence()
    {
        var similarity = CopyIndex.Compare(Candidate("a", Fire), Candidate("b", FireSpun));
        Assert.True(similarity.Words < 0.3, $"words {similarity.Words}");
        Assert.True(similarity.Sequence >= CopyIndexOptions.Default.SequenceThreshold, similarity.ToString());

        var other = CopyIndex.Compare(Candidate("a", Fire), Candidate("c", FireOtherReport));
        Assert.True(other.Sequence < CopyIndexOptions.Default.SequenceThreshold, other.ToString());
    }

    [Fact]
    public void A_heavily_spun_copy_links_to_its_original()
    {
        var index = new CopyIndex();
        index.Add(Candidate("orig", Fire));
        index.Add(Candidate("spun", FireSpun));
        var link = index.LinkOf("spun");
        Assert.NotNull(link);
        Assert.Equal("orig", link.OriginalId);
        Assert.Equal(CopyKind.SpunCopy, link.Kind);
    }

    [Fact]
    public void Without_the_anchor_sequence_the_heavily_spun_copy_is_missed()
    {
        // Shows that the sequence is what finds it: the word sketch and skeleton alone do not.
        var index = new CopyIndex(new CopyIndexOptions { SequenceRobust = false });
        index.Add(Candidate("orig", Fire));
        index.Add(Candidate("spun", FireSpun));
        Assert.Null(index.LinkOf("spun"));
    }

    [Fact]
    public void Another_report_of_the_same_event_is_not_linked()
    {
        var index = new CopyIndex();
        index.Add(Candidate("orig", Fire));
        index.Add(Candidate("other", FireOtherReport));
        index.Add(Candidate("spun", FireSpun));
        Assert.Null(index.LinkOf("other"));
        Assert.Null(index.LinkOf("orig"));
        Assert.Equal("orig", index.LinkOf("spun")?.OriginalId);
    }

    [Fact]
    public void Too_few_names_and_numbers_give_no_sequence()
    {
        var text = "the council said the water rose quickly and the crews worked through the night to keep the town dry. " +
            "Residents thanked them and said they would help clean the streets once the river fell again.";
        var similarity = CopyIndex.Compare(Candidate("a", text), Candidate("b", text));
        Assert.Equal(-1, similarity.Sequence);
    }

    private static CopyCandidate Candidate(string id, string text) => new(id, "", text, null, null);
}
