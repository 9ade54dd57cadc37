using Parallax.App.Web;
using Parallax.Data;

namespace Parallax.Web.Tests;

public sealed class StoryRiverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static StorySummary Story(double hoursOld, long sources, long recent = 0) =>
        new(1, "s", Now.AddHours(-hoursOld - 1), Now.AddHours(-hoursOld), sources + recent, sources, recent, null);

    [Fact]
    public void More_sources_rank_higher_at_the_same_age()
    {
        Assert.True(StoryRiver.Score(Story(3, 6), Now) > StoryRiver.Score(Story(3, 2), Now));
    }

    [Fact]
    public void A_story_sinks_as_it_ages_and_growth_lifts_it()
    {
        Assert.True(StoryRiver.Score(Story(1, 3), Now) > StoryRiver.Score(Story(30, 3), Now));
        Assert.True(StoryRiver.Score(Story(5, 3, recent: 4), Now) > StoryRiver.Score(Story(5, 3), Now));

        // Many outlets a day ago still beat one outlet an hour ago.
        Assert.True(StoryRiver.Score(Story(20, 8), Now) > StoryRiver.Score(Story(1, 1), Now));
    }

    [Theory]
    [InlineData("latest", RiverSort.Latest)]
    [InlineData("SOURCES", RiverSort.Sources)]
    [InlineData("growing", RiverSort.Growing)]
    [InlineData(null, RiverSort.Top)]
    [InlineData("nonsense", RiverSort.Top)]
    public void Sorts_are_read_leniently(string? sort, RiverSort expected) => Assert.Equal(expected, StoryRiver.ParseSort(sort));

    [Fact]
    public void Relative_and_delay_texts_read_right()
    {
        Assert.Equal("3 hours ago", Display.Relative(Now.AddHours(-3), Now));
        Assert.Equal("in 5 minutes", Display.Relative(Now.AddMinutes(5), Now));
        Assert.Equal("just now", Display.Relative(Now.AddSeconds(-20), Now));
        Assert.Equal("first", Display.After(Now, Now));
        Assert.Equal("+45 min", Display.After(Now, Now.AddMinutes(45)));
        Assert.Equal("+4 h 25 min", Display.After(Now, Now.AddMinutes(265)));
        Assert.Equal("+1 day 6 h", Display.After(Now, Now.AddHours(30)));
        Assert.Equal("every 3 hours", Display.Every(TimeSpan.FromHours(3)));
        Assert.Equal("every 30 minutes", Display.Every(TimeSpan.FromMinutes(30)));
        Assert.Equal("every day", Display.Every(TimeSpan.FromHours(24)));
        Assert.Null(Display.SafeHref("javascript:alert(1)"));
        Assert.Equal("https://x.example/a", Display.SafeHref("https://x.example/a"));
    }
}
