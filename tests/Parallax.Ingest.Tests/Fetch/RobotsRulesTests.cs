using Parallax.Ingest.Fetch;

namespace Parallax.Ingest.Tests.Fetch;

public sealed class RobotsRulesTests
{
    private const string Robots = """
        # comments are ignored
        User-agent: *
        Disallow: /private/
        Allow: /private/open/
        Disallow: /*.pdf$
        Disallow: /search?

        User-agent: Parallax
        User-agent: otherbot
        Disallow: /no-parallax/
        Allow: /no-parallax/except
        """;

    [Theory]
    [InlineData("otherbot", "/private/x", true)]
    [InlineData("otherbot", "/no-parallax/page", false)]
    [InlineData("somebot", "/private/x", false)]
    [InlineData("somebot", "/private/open/x", true)]
    [InlineData("somebot", "/files/a.pdf", false)]
    [InlineData("somebot", "/files/a.pdf?x=1", true)]
    [InlineData("somebot", "/search?q=1", false)]
    [InlineData("somebot", "/news/today", true)]
    [InlineData("parallax", "/private/x", true)]
    [InlineData("parallax", "/no-parallax/page", false)]
    [InlineData("parallax", "/no-parallax/except/this", true)]
    public void The_most_specific_group_and_the_longest_rule_win(string agent, string path, bool allowed) =>
        Assert.Equal(allowed, RobotsRules.Parse(Robots, agent).Allows(path));

    [Fact]
    public void Empty_and_garbage_robots_allow_everything()
    {
        Assert.True(RobotsRules.Parse("", "parallax").Allows("/x"));
        Assert.True(RobotsRules.Parse("\0\0 not robots at all {}", "parallax").Allows("/x"));
        Assert.True(RobotsRules.Parse("User-agent: *\nDisallow:\n", "parallax").Allows("/x"));
    }

    [Fact]
    public void Many_stars_cost_little()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /" + string.Concat(Enumerable.Repeat("*a", 500)) + "b\n", "parallax");
        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(rules.Allows("/" + new string('a', 5000)));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }

    [Fact]
    public void The_product_token_comes_from_the_user_agent() =>
        Assert.Equal("parallax", RobotsCache.ProductToken(FetchOptions.Default.UserAgent));
}
