using Parallax.Core.Identity;

namespace Parallax.Core.Tests.Identity;

public sealed class PublisherCreditTests
{
    /// <summary>Credit lines as they end (or open) republished articles, and the publisher each names.</summary>
    [Theory]
    [InlineData("Body text.\n\nA message from Northwind Energy", "Northwind Energy")]
    [InlineData("Body text.\n\nvia Valley Herald", "Valley Herald")]
    [InlineData("The mayor spoke on Friday (via Valley Herald).", "Valley Herald")]
    [InlineData("Body text.\nSource: RT", "RT")]
    [InlineData("Body text.\nSOURCE: Tessel Post.", "Tessel Post")]
    [InlineData("Body text.\n\nThis article was first published by the Tessel Valley Courier.", "Tessel Valley Courier")]
    [InlineData("Body text.\n\nThis story was originally published on The Marrowby Gazette on Monday.", "The Marrowby Gazette")]
    [InlineData("This article originally appeared in Harbour Weekly. It is republished here with permission.", "Harbour Weekly")]
    [InlineData("Body text.\n\nIt first appeared on ostvale-news.org.", "ostvale-news.org")]
    [InlineData("Body text.\n\nRepublished from Kerrin Today, Monday", "Kerrin Today")]
    [InlineData("Body text.\n\nReprinted with permission from the Institute of Rivers and Lakes.", "Institute of Rivers and Lakes")]
    public void Finds_the_credited_publisher(string text, string expected) => Assert.Equal(expected, PublisherCredit.Find(text));

    /// <summary>Sentences that look like credits but name no publisher.</summary>
    [Theory]
    [InlineData("The statement was sent via email to all residents of the town on Monday night.")]
    [InlineData("Officials spoke to reporters via video link from the capital.")]
    [InlineData("Source: a senior official who asked not to be named.")]
    [InlineData("The council first published its plan in 2019 and revised it twice since then.")]
    [InlineData("Photo courtesy of the Marrowby Fire Service")]
    [InlineData("")]
    public void Names_nothing_where_no_publisher_is_credited(string text) => Assert.Null(PublisherCredit.Find(text));

    [Fact]
    public void Reads_the_title_too() =>
        Assert.Equal("Harbour Weekly", PublisherCredit.Find("Body without credit.", "A message from Harbour Weekly"));
}
