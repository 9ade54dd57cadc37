using Parallax.Bench.Extract.Peers;

namespace Parallax.Bench.Tests.Extract.Peers;

public sealed class SmartReaderPeerTests
{
    [Fact]
    public async Task Extracts_the_article_body_without_the_site_chrome()
    {
        var run = await new SmartReaderPeer().RunAsync([PeerTestPages.Lighthouse], passes: 2, CancellationToken.None);

        PeerTestPages.AssertLighthouseRun(run, "SmartReader", passes: 2);
    }

    [Fact]
    public async Task A_page_without_an_article_gives_an_empty_text_not_an_error()
    {
        var empty = new BenchPage("empty", "<html><body><nav><a href='/'>Home</a></nav></body></html>", null);

        var run = await new SmartReaderPeer().RunAsync([empty, PeerTestPages.Lighthouse], passes: 1, CancellationToken.None);

        Assert.Null(run.Error);
        Assert.Equal(2, run.Texts.Count);
        Assert.DoesNotContain("Home", run.Texts[0], StringComparison.Ordinal);
        Assert.Contains(PeerTestPages.FirstSentence, PeerTestPages.Flatten(run.Texts[1]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, SmartReaderPeer.FallbackUrl)]
    [InlineData("not a url", SmartReaderPeer.FallbackUrl)]
    [InlineData("ftp://files.example/a", SmartReaderPeer.FallbackUrl)]
    [InlineData("https://news.example/a?b=1", "https://news.example/a?b=1")]
    public void Pages_get_an_absolute_web_address(string? url, string expected) =>
        Assert.Equal(expected, SmartReaderPeer.UsableUrl(url));

    [Fact]
    public void The_registry_lists_both_peers()
    {
        var peers = ExtractionPeers.All("/nowhere");

        Assert.Equal(["Readability.js", "SmartReader"], peers.Select(p => p.Name));
    }
}
