using System.Diagnostics;
using System.Text;
using Parallax.Core.Stories;

namespace Parallax.Core.Tests.Stories;

/// <summary>Online clustering on small hand-written streams (fictional places and people).</summary>
public sealed class StoryClustererTests
{
    // Two events on one topic (mill fire in Oakfield; warehouse fire in Brenton) and one on another topic.
    private static readonly (string Event, string Title, string Text)[] Stream =
    [
        ("oakfield", "Fire destroys Oakfield flour mill", "A fire destroyed the old flour mill in Oakfield on Tuesday night. Firefighters from three stations fought the blaze for six hours. Mill owner Greta Vasquez said nobody was inside."),
        ("brenton", "Warehouse fire in Brenton injures two", "Two workers were hurt when a fire swept through a furniture warehouse in Brenton on Sunday. Firefighters fought the blaze for hours. Manager Idris Calloway said the sprinklers failed and the roof collapsed."),
        ("oakfield", "Blaze guts historic Oakfield mill", "The historic flour mill in Oakfield burned down overnight on Tuesday, fire chief Tomas Rilke said. Owner Greta Vasquez confirmed the mill was empty."),
        ("vote", "Marlow wins Kestrel mayoral race", "Ingrid Marlow was elected mayor of Kestrel with 54 percent of the vote, defeating incumbent Paul Dressler after a campaign dominated by housing."),
        ("brenton", "Brenton warehouse sprinklers failed, manager says", "Sprinklers at the Brenton furniture warehouse failed during Sunday's fire, manager Idris Calloway said, as two injured workers recovered in hospital."),
        ("oakfield", "Oakfield mill fire: owner vows to rebuild", "Greta Vasquez, owner of the Oakfield flour mill destroyed by fire on Tuesday, said she would rebuild. Fire chief Tomas Rilke said the cause was electrical."),
        ("vote", "Kestrel elects Ingrid Marlow", "Voters in Kestrel chose Ingrid Marlow as their new mayor, handing incumbent Paul Dressler a defeat; Marlow took 54 percent of the vote."),
    ];

    [Fact]
    public void Two_events_on_one_topic_become_two_stories()
    {
        var clusterer = new StoryClusterer();
        foreach (var (_, title, text) in Stream)
        {
            clusterer.Add(new StoryDocument(title, text));
        }

        for (var i = 0; i < Stream.Length; i++)
        {
            for (var j = i + 1; j < Stream.Length; j++)
            {
                var same = Stream[i].Event == Stream[j].Event;
                Assert.True(same == (clusterer.StoryOf(i) == clusterer.StoryOf(j)), $"reports {i} and {j}: expected same story = {same}");
            }
        }
    }

    [Fact]
    public void Related_stories_share_the_topic_never_the_story_itself()
    {
        // One report each: a mill fire, a warehouse fire (same topic, another event) and an election.
        var clusterer = new StoryClusterer();
        var oakfield = clusterer.Add(new StoryDocument(Stream[0].Title, Stream[0].Text)).Story;
        var brenton = clusterer.Add(new StoryDocument(Stream[1].Title, Stream[1].Text)).Story;
        var vote = clusterer.Add(new StoryDocument(Stream[3].Title, Stream[3].Text)).Story;
        Assert.Equal(3, new HashSet<int> { oakfield, brenton, vote }.Count);

        var related = clusterer.Related(oakfield);
        Assert.DoesNotContain(related, r => r.Story == oakfield);
        Assert.Equal(brenton, Assert.Single(related).Story);
        Assert.DoesNotContain(clusterer.Related(vote), r => r.Story == oakfield || r.Story == brenton);
    }

    [Fact]
    public void Copies_join_their_originals_story_without_changing_it()
    {
        var clusterer = new StoryClusterer();
        var first = clusterer.Add(new StoryDocument(Stream[0].Title, Stream[0].Text));
        var other = clusterer.Add(new StoryDocument(Stream[3].Title, Stream[3].Text));
        var copy = clusterer.AttachCopy(first.Article);
        var copyOfCopy = clusterer.AttachCopy(copy.Article);
        Assert.Equal(clusterer.StoryOf(first.Article), clusterer.StoryOf(copy.Article));
        Assert.Equal(clusterer.StoryOf(first.Article), clusterer.StoryOf(copyOfCopy.Article));
        Assert.NotEqual(clusterer.StoryOf(other.Article), clusterer.StoryOf(copy.Article));
        Assert.Equal(1, clusterer.ReportsIn(first.Story));
    }

    [Fact]
    public void Stories_that_turn_out_to_be_one_are_merged()
    {
        // A strict join threshold makes two reports of one event start two stories; a third report that covers both
        // joins one, and the grown story is then like the other one and absorbs it.
        var options = StoryOptions.Default with { JoinThreshold = 0.5, MergeThreshold = 0.3, SplitThreshold = 0 };
        var clusterer = new StoryClusterer(options);
        var a = clusterer.Add(new StoryDocument("Kestrel bridge closed", "The Kestrel river bridge was closed on Monday after engineers found cracks in its main span, the council said."));
        var b = clusterer.Add(new StoryDocument("Kestrel bridge repairs", "Repairs to the Kestrel river bridge will take four months and cost 2 million crowns, engineer Lotte Brandt said."));
        Assert.NotEqual(a.Story, b.Story);
        var c = clusterer.Add(new StoryDocument(
            "Kestrel bridge closed for repairs",
            "The Kestrel river bridge was closed on Monday after engineers found cracks in its main span. Repairs will take four months and cost 2 million crowns, engineer Lotte Brandt said, the council said."));
        Assert.Equal(clusterer.StoryOf(a.Article), clusterer.StoryOf(b.Article));
        Assert.Equal(clusterer.StoryOf(a.Article), clusterer.StoryOf(c.Article));
        Assert.Equal(3, clusterer.ReportsIn(clusterer.StoryOf(a.Article)));
    }

    [Fact]
    public void A_follow_up_weeks_later_stays_in_its_story_when_its_content_is_sure()
    {
        // The owner's pledge to rebuild, 40 days after the fire, names the mill, the owner and the fire chief: the
        // content says it is the same story, and a fixed time window alone no longer splits it off.
        var day = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var clusterer = new StoryClusterer();
        var first = clusterer.Add(new StoryDocument(Stream[0].Title, Stream[0].Text, day));
        var sameDay = clusterer.Add(new StoryDocument(Stream[2].Title, Stream[2].Text, day.AddHours(5)));
        var monthLater = clusterer.Add(new StoryDocument(Stream[5].Title, Stream[5].Text, day.AddDays(40)));
        Assert.Equal(first.Story, sameDay.Story);
        Assert.Equal(clusterer.StoryOf(first.Article), clusterer.StoryOf(monthLater.Article));
    }

    [Fact]
    public void Open_stories_are_bounded()
    {
        var clusterer = new StoryClusterer(StoryOptions.Default with { MaxOpenStories = 50 });
        for (var i = 0; i < 500; i++)
        {
            clusterer.Add(new StoryDocument($"Event {Word(i)}", $"Something about {Word(i)} {Word(i * 7 + 1)} {Word(i * 13 + 2)} happened in {Word(i * 3 + 5)}."));
        }

        Assert.True(clusterer.OpenStories <= 50);
        Assert.Equal(500, clusterer.Articles);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Word")]
    [InlineData("!!! ??? ...")]
    public void Empty_or_one_word_reports_do_not_crash_and_do_not_join_everything(string text)
    {
        var clusterer = new StoryClusterer();
        clusterer.Add(new StoryDocument(Stream[0].Title, Stream[0].Text));
        var placement = clusterer.Add(new StoryDocument(null, text));
        var again = clusterer.Add(new StoryDocument(null, text));
        Assert.NotEqual(clusterer.StoryOf(0), placement.Story);
        Assert.InRange(again.Similarity, 0, 1);
    }

    [Fact]
    public void Other_languages_and_scripts_cluster_by_their_own_words()
    {
        var clusterer = new StoryClusterer();
        var ru1 = clusterer.Add(new StoryDocument("Пожар на мельнице в Оукфилде", "Во вторник ночью пожар уничтожил старую мельницу в Оукфилде. Владелец Грета Васкес сказала, что внутри никого не было."));
        var zh = clusterer.Add(new StoryDocument("北京市政府宣布新政策", "北京市政府今天宣布了一项新的住房政策，以降低房价。"));
        var ru2 = clusterer.Add(new StoryDocument("Мельница в Оукфилде сгорела", "Старая мельница в Оукфилде сгорела во вторник ночью, сообщила владелец Грета Васкес."));
        var zh2 = clusterer.Add(new StoryDocument("北京宣布住房新政策", "北京市政府宣布新的住房政策，希望降低房价。"));
        Assert.Equal(clusterer.StoryOf(ru1.Article), clusterer.StoryOf(ru2.Article));
        Assert.Equal(clusterer.StoryOf(zh.Article), clusterer.StoryOf(zh2.Article));
        Assert.NotEqual(clusterer.StoryOf(ru1.Article), clusterer.StoryOf(zh.Article));
    }

    [Fact]
    public void An_enormous_article_is_handled_in_linear_time()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            builder.Append(Word(i)).Append(i % 17 == 0 ? ". " : " ");
        }

        var clusterer = new StoryClusterer();
        var clock = Stopwatch.StartNew();
        clusterer.Add(new StoryDocument("Huge", builder.ToString()));
        clusterer.Add(new StoryDocument(Stream[0].Title, Stream[0].Text));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(2, clusterer.Articles);
    }

    [Fact]
    public void Thousands_of_identical_reports_stay_linear_and_in_one_story()
    {
        var clusterer = new StoryClusterer();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3000; i++)
        {
            clusterer.Add(new StoryDocument(Stream[0].Title, Stream[0].Text));
        }

        for (var i = 0; i < 3000; i++)
        {
            clusterer.AttachCopy(0);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(1, clusterer.StoriesStarted);
        Assert.Equal(clusterer.StoryOf(0), clusterer.StoryOf(5999));
    }

    private static string Word(int i)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        var state = (uint)i * 2654435761u;
        var chars = new char[4 + (i % 3)];
        for (var k = 0; k < chars.Length; k++)
        {
            chars[k] = letters[(int)(state % 26)];
            state = (state * 1103515245u) + 12345u;
        }

        return new string(chars);
    }
}
