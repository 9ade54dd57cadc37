using Parallax.Core.Extraction;

namespace Parallax.Core.Tests.Extraction;

public sealed class SiteHostTests
{
    [Theory]
    [InlineData("https://www.Example.com/news/1", "example.com")]
    [InlineData("http://example.com", "example.com")]
    [InlineData("https://news.example.co.uk/a?b=c", "news.example.co.uk")]
    [InlineData("https://wwwexample.com/", "wwwexample.com")]
    public void The_site_is_the_lower_case_host_without_www(string url, string site) => Assert.Equal(site, SiteHost.Of(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/news/1")]
    [InlineData("file:///tmp/page.html")]
    public void An_address_without_a_host_names_no_site(string? url) => Assert.Null(SiteHost.Of(url));
}
