using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Text;

namespace Parallax.Core.Tests.Extraction.Text;

/// <summary>A fact that is skipped, with the reason, when the shared reference page is not on this machine.</summary>
public sealed class ReferencePageFactAttribute : FactAttribute
{
    public ReferencePageFactAttribute([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (TextTestFiles.ReferencePage() is null)
        {
            Skip = "../shared/reference/daily8-rt-prisoner-swap.txt is absent: the reference page test needs the shared folder beside the repository";
            // The default `dotnet test` output names a skipped test but not its reason, so the name carries it.
            DisplayName = $"{test} (skipped: {Skip})";
        }
    }
}

/// <summary>
/// The reference aggregator page (GUIDE.md section 5): a republished article, the aggregator's chrome, then a
/// "Related Articles" listing of three items with source, relative time, title and full body.
/// </summary>
public sealed class ReferencePageTests
{
    private const string TopTitle = "Russia and Ukraine carry out latest prisoner swap – MOD (VIDEO)";

    // Chrome of the page, each of which must stay out of every body.
    private static readonly string[] Chrome =
    [
        "DETAILS TO FOLLOW", "Hashtags", "Try Our AI Features", "Explore what", "Comments", "No comments yet", "Related Articles",
        "4 hours ago", "6 hours ago", "8 hours ago", "- Russia Today",
    ];

    private static PageExtraction Extract()
    {
        var path = TextTestFiles.ReferencePage()!;
        return new TextExtractor().Extract(new PageInput(path, PageFormat.Text, File.ReadAllBytes(path)));
    }

    [ReferencePageFact]
    public void Names_the_language_the_page_does_not_declare()
    {
        Assert.All(Extract().Articles, a => Assert.Equal("en", a.Language));
    }

    [ReferencePageFact]
    public void Finds_four_articles_in_page_order()
    {
        var page = Extract();

        Assert.Null(page.Error);
        Assert.Equal(
            [TopTitle, TopTitle, "Macron reveals topics he discussed with Putin", "Ukrainian spies infiltrated NATO state"],
            page.Articles.Select(a => a.Title));
    }

    [ReferencePageFact]
    public void Top_article_has_its_six_paragraphs_and_no_source_line_of_its_own()
    {
        var top = Extract().Articles[0];

        Assert.Null(top.Source);
        Assert.Null(top.Published);
        Assert.Equal(6, top.Paragraphs.Count);
        Assert.StartsWith("In a statement on Friday, the ministry said", top.Paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("from Russian captivity,' he added.", top.Paragraphs[^1], StringComparison.Ordinal);
    }

    [ReferencePageFact]
    public void Listing_items_have_Russia_Today_as_source_and_their_full_bodies()
    {
        var items = Extract().Articles.Skip(1).ToList();

        Assert.Equal(3, items.Count);
        Assert.All(items, item => Assert.Equal("Russia Today", item.Source));

        // Relative times ("4 hours ago") cannot be dated without the page's own date.
        Assert.All(items, item => Assert.Null(item.Published));
        Assert.All(items, item => Assert.Single(item.Paragraphs));

        Assert.StartsWith("Russia has returned more of its service members", items[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("from Russian captivity,' he added.", items[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("French President Emmanuel Macron said", items[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("as part of a potential peace framework.", items[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Ukraine's Security Service (SBU) embedded an agent", items[2].Text, StringComparison.Ordinal);
        Assert.EndsWith("during a phone call on Thursday.", items[2].Text, StringComparison.Ordinal);
    }

    [ReferencePageFact]
    public void No_chrome_inside_any_body_or_title()
    {
        foreach (var article in Extract().Articles)
        {
            foreach (var chrome in Chrome)
            {
                Assert.DoesNotContain(chrome, article.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(chrome, article.Title, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(article.Paragraphs, p => p == "Russia Today");
        }
    }

    [ReferencePageFact]
    public void Removed_blocks_are_listed_as_boilerplate()
    {
        var boilerplate = Extract().Boilerplate;

        foreach (var block in new[] { "Hashtags", "Try Our AI Features", "Explore what Daily8 AI can do for you:", "Comments", "No comments yet...", "Related Articles", "4 hours ago", "- Russia Today" })
        {
            Assert.Contains(block, boilerplate);
        }

        // Once as its own line under the top article, once cut from the end of the first listing item.
        Assert.Equal(2, boilerplate.Count(b => b == "DETAILS TO FOLLOW"));
    }

    [ReferencePageFact]
    public void Every_line_of_the_page_is_accounted_for()
    {
        var text = File.ReadAllText(TextTestFiles.ReferencePage()!);
        var lines = new TextExtractor().ClassifyLines(text);

        var nonBlank = text.Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));
        Assert.Equal(nonBlank, lines.Count);
        Assert.Equal(4, lines.Count(l => l.Class == TextLineClass.Title));
        Assert.Equal(9, lines.Count(l => l.Class == TextLineClass.Metadata));
        Assert.Equal(9, lines.Count(l => l.Class == TextLineClass.Body));
        Assert.Equal(7, lines.Count(l => l.Class == TextLineClass.Boilerplate));
    }
}
