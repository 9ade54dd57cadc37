using Parallax.Ingest.Feeds;

namespace Parallax.Ingest.Tests.Feeds;

public sealed class FeedTextTests
{
    [Theory]
    [InlineData("<b>Bold</b> &amp; plain", "Bold & plain")]
    [InlineData("&lt;p&gt;Escaped &amp;amp; once&lt;/p&gt;", "Escaped & once")]
    [InlineData("a < b and c > d", "a < b and c > d")]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("<style>p{}</style><script>x()</script>Text", "Text")]
    [InlineData("  spaced \t out  ", "spaced out")]
    [InlineData("<!-- hidden -->Shown", "Shown")]
    [InlineData("&#8220;Quoted&#8221; &eacute;", "“Quoted” é")]
    public void Html_becomes_plain_text(string input, string expected) => Assert.Equal(expected, FeedText.ToPlain(input));

    [Fact]
    public void A_title_stays_on_one_line() => Assert.Equal("One Two", FeedText.ToPlainLine("One<br>Two"));

    [Fact]
    public void Hostile_markup_costs_linear_time()
    {
        var html = string.Concat(Enumerable.Repeat("<b><i><<<", 200_000));
        var started = System.Diagnostics.Stopwatch.StartNew();
        _ = FeedText.ToPlain(html);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
    }

    [Theory]
    [InlineData("PHA+VGhlIG9sZCBwaWVyIHdpbGwgYmUgcmVidWlsdCBpbiAyMDI2LjwvcD4=", "<p>The old pier will be rebuilt in 2026.</p>")]
    [InlineData("Supercalifragilistic", null)]
    [InlineData("A normal sentence with spaces.", null)]
    public void Base64_is_recognised_only_when_it_is_base64(string input, string? expected) => Assert.Equal(expected, FeedText.FromBase64(input));
}
