using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>
/// A publisher's donation or membership appeal at the end of an article is boilerplate as one block, even when its
/// lines read like sentences. The publishers and their appeals below are fictional.
/// </summary>
public sealed class PublisherAppealTests
{
    private static readonly HtmlExtractor Extractor = new();

    private static readonly string[] Story =
    [
        "The Marrow Valley council voted on Tuesday to reopen the old ferry crossing at Lendle, closed since the spring floods of last year washed away the landing stage.",
        "Work on a new landing will start in June, and the council expects the first crossings before the school holidays, the chair of the transport committee, Ilsa Brandt, told the meeting.",
        "Residents of the east bank have driven forty minutes round the valley to reach the market town since the crossing closed, and the bus company cut its Sunday service in the autumn.",
        "The ferry will run every half hour in summer and every hour in winter, with a late boat on market days; fares stay at their old level for the first year.",
    ];

    private static string Page(string appealHtml) =>
        "<html><head><title>Lendle ferry to reopen</title></head><body><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>" +
        "<article><h1>Lendle ferry to reopen</h1>" + string.Concat(Story.Select(p => $"<p>{p}</p>")) + appealHtml + "</article>" +
        "<footer>© Marrow Valley Echo</footer></body></html>";

    private static PageExtraction Extract(string html) =>
        Extractor.Extract(new PageInput("appeal.html", PageFormat.Html, System.Text.Encoding.UTF8.GetBytes(html)));

    [Fact]
    public void A_dear_readers_appeal_written_as_prose_is_removed_as_one_block()
    {
        var result = Extract(Page(
            "<div class='end-note'><p>Dear readers, the Marrow Valley Echo has reported on this valley for ninety years, and we have never put our journalism behind a paywall.</p>" +
            "<p>That is only possible because thousands of readers chip in every year. Local reporting like this story takes time, and time costs money.</p>" +
            "<p>If you value what we do, please consider a monthly contribution. Every gift, however small, keeps our newsroom independent.</p>" +
            "<p><a href='/give'>Support the Echo from $1 a month</a></p><p>Remind me in May</p></div>"));

        var article = Assert.Single(result.Articles);
        Assert.Equal(Story, article.Paragraphs);
        var block = Assert.Single(result.Boilerplate, b => b.StartsWith("Dear readers", StringComparison.Ordinal));
        Assert.Contains("keeps our newsroom independent", block, StringComparison.Ordinal);
        Assert.Contains("Remind me in May", block, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_from_the_editor_with_buttons_is_removed_whole()
    {
        var result = Extract(Page(
            "<section><h3>A message from the editor</h3>" +
            "<p>Thank you for turning to the Kestrel Ledger today. We are a small team, and we rely on readers like you to fund the reporting you just read.</p>" +
            "<p>Support independent journalism in the valley: become a member today and join more than 4,000 supporters.</p>" +
            "<p><button>Donate now</button> <a href='/later'>Maybe later</a></p></section>"));

        var article = Assert.Single(result.Articles);
        Assert.Equal(Story, article.Paragraphs);
        Assert.DoesNotContain(result.Articles[0].Text, "member", StringComparison.Ordinal);
        Assert.Contains(result.Boilerplate, b => b.Contains("A message from the editor", StringComparison.Ordinal) && b.Contains("become a member", StringComparison.Ordinal));
    }

    [Fact]
    public void An_article_about_a_fundraising_drive_keeps_its_text()
    {
        // The news is about donations, but nobody speaks as the publisher asking for them: nothing is removed.
        string[] body =
        [
            "The Lendle lifeboat station raised more than 40,000 in its spring appeal, enough to replace the engine of its inshore boat, the station's treasurer said on Friday.",
            "Donations came from the ferry company, two schools and hundreds of residents, many of whom gave small sums at the harbour festival in April.",
            "Please consider supporting the crews, the station's coxswain told the crowd, because the next boat will cost ten times as much.",
            "The new engine will be fitted in July.",
        ];
        var html = "<html><body><article><h1>Lifeboat appeal meets its target</h1>" + string.Concat(body.Select(p => $"<p>{p}</p>")) + "</article></body></html>";

        var article = Assert.Single(Extract(html).Articles);

        Assert.Equal(body, article.Paragraphs);
    }

    [Fact]
    public void The_appeal_is_only_found_at_the_end_and_never_takes_most_of_the_text()
    {
        string[] opening = ["Dear readers, we need your support to keep our journalism free for everyone.", "Support the Echo today."];

        Assert.Equal(-1, PublisherAppeal.Start(opening));
        Assert.Equal(-1, PublisherAppeal.Start([.. opening, .. Story]));
        Assert.Equal(Story.Length, PublisherAppeal.Start([.. Story, .. opening]));
    }

    [Theory]
    [InlineData("Before you go: our reporting is funded by readers, not billionaires. Will you make a one-time gift to keep it free for all?")]
    [InlineData("Thanks for reading. We can't do this work without your support; become a supporter for the price of a coffee a month.")]
    [InlineData("If you enjoyed this story, please support our nonprofit newsroom with a tax-deductible donation.")]
    public void Appeals_open_in_several_ways(string appeal)
    {
        Assert.Equal(Story.Length, PublisherAppeal.Start([.. Story, appeal, "Donate", "Not now"]));
    }

    [Fact]
    public void A_closing_quote_about_us_support_is_not_an_appeal()
    {
        // "US" the country is not the publisher speaking, and a quote asking for support is part of the story.
        string[] ending = ["Support for the plan among US farmers has grown, the survey found."];

        Assert.Equal(-1, PublisherAppeal.Start([.. Story, .. ending]));
    }
}
