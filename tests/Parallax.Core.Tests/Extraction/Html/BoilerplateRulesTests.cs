using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>Tables a reviewer can read: which class names mark boilerplate, and which lines are not body text.</summary>
public sealed class BoilerplateRulesTests
{
    [Theory]
    [InlineData("share-bar", true)]
    [InlineData("socialShareButtons", true)]
    [InlineData("newsletter-signup", true)]
    [InlineData("related-stories", true)]
    [InlineData("most-popular", true)]
    [InlineData("cookie-consent", true)]
    [InlineData("comments-area", true)]
    [InlineData("article-comments", true)]
    [InlineData("ad-slot", true)]
    [InlineData("sidebar", true)]
    [InlineData("article-body", false)]
    [InlineData("story-content", false)]
    [InlineData("entry-content", false)]
    [InlineData("paywall", false)]
    [InlineData("oddrow player-2020-580", false)]
    [InlineData("address", false)]
    [InlineData("shadow", false)]
    [InlineData("overflow-hidden", false)]
    [InlineData("box x-overflow_hidden", false)]
    [InlineData("tw-overflow-hidden", false)]
    [InlineData("hidden lg:block", false)]
    [InlineData("md:hidden", false)]
    [InlineData("hidden", true)]
    [InlineData("sr-only visually-hidden", true)]
    public void Class_words_mark_boilerplate(string className, bool junk)
    {
        Assert.Equal(junk, BoilerplateWords.Judge(className, null).Junk);
    }

    [Fact]
    public void A_framework_root_id_and_a_heading_classed_header_are_not_boilerplate()
    {
        Assert.False(BoilerplateWords.Judge(null, "__next").Junk);
        Assert.True(BoilerplateWords.Judge(null, "next-article").Junk);
        Assert.False(BoilerplateWords.Judge("header-anchor-post", null, heading: true).Junk);
        Assert.True(BoilerplateWords.Judge("header-anchor-post", null).Junk);
        Assert.True(BoilerplateWords.Judge("related-header", null, heading: true).Junk);
    }

    [Theory]
    [InlineData("section component--paragraph", "component_1ad269af0d", false)]
    [InlineData("css-1k075w5 e13lia4i19", null, false)]
    [InlineData("richtext", "richtext-2ad314195f", false)]
    [InlineData("top-ad2", null, true)]
    [InlineData("slot", "ad-1", true)]
    public void Letters_cut_out_of_a_generated_name_are_not_words(string? className, string? id, bool junk)
    {
        // "1ad269af0d" is a hash: the "ad" in it is chance. "ad2" and "ad-1" number an advertisement slot.
        Assert.Equal(junk, BoilerplateWords.Judge(className, id).Junk);
    }

    [Theory]
    [InlineData("richtext cmp-richtext--disclaimer")]
    [InlineData("post-disclosure")]
    [InlineData("legal-disclaimers")]
    public void Legal_small_print_is_boilerplate(string className)
    {
        Assert.True(BoilerplateWords.Judge(className, null).Junk);
    }

    [Theory]
    [InlineData("author-bio", true)]
    [InlineData("related-posts", true)]
    [InlineData("site-footer", true)]
    [InlineData("modal", true)]
    [InlineData("content sidebar-enabled--false", false)]
    [InlineData("listicle-header", false)]
    [InlineData("testimonial-carousel", false)]
    public void Words_for_what_a_block_is_for_are_firm_and_words_for_its_place_are_not(string className, bool firm)
    {
        var verdict = BoilerplateWords.Judge(className, null);

        Assert.True(verdict.Junk);
        Assert.Equal(firm, verdict.Firm);
    }

    [Fact]
    public void Page_builder_widgets_are_soft_words_and_comments_are_marked_as_comments()
    {
        Assert.True(BoilerplateWords.Judge("elementor-widget elementor-widget-text-editor", null) is { Junk: true, Soft: true });
        Assert.True(BoilerplateWords.Judge("comments-area", null).Comments);
        Assert.False(BoilerplateWords.Judge("sidebar", null).Comments);
    }

    [Fact]
    public void Article_words_weigh_for_a_container_and_boilerplate_words_against()
    {
        Assert.True(BoilerplateWords.Judge("article-body", null).Weight > 0);
        Assert.True(BoilerplateWords.Judge("related-links", null).Weight < 0);
        Assert.True(BoilerplateWords.Judge("social-embed", null) is { Junk: true, Soft: true, Weight: 0 });
        Assert.Equal(0, BoilerplateWords.Judge("wrapper", null).Weight);
    }

    [Theory]
    [InlineData("By Justine Coleman - 11/18/19 11:04 PM EST", "Byline")]
    [InlineData("By Mira Castellane", "Byline")]
    [InlineData("Updated at 1:23 p.m.", "Dateline")]
    [InlineData("segunda-feira, 22 de janeiro de 2018 às 0:13", "Dateline")]
    [InlineData("November 19, 2019", "Dateline")]
    [InlineData("Comments", "Chrome")]
    [InlineData("Share this:", "Chrome")]
    [InlineData("Advertisement", "Chrome")]
    [InlineData("By the end of 2019 the council had spent nine million on the bridge and its approach roads.", "None")]
    [InlineData("The vote is due on November 19, after a long debate in the chamber about the cost of the works.", "None")]
    [InlineData("Share prices fell.", "None")]
    public void Lines_that_are_not_body_text(string text, string expected)
    {
        Assert.Equal(Enum.Parse<DropReason>(expected), ParagraphFilter.Judge(new WrittenParagraph(text, 0, "p"), title: null));
    }

    [Theory]
    [InlineData("By Justine Coleman - 11/18/19 11:04 PM EST", "Justine Coleman")]
    [InlineData("By Ada Lark | 14 Feb 2030", "Ada Lark")]
    [InlineData("Bystanders watched the fire", null)]
    public void Byline_gives_the_author_name(string line, string? expected)
    {
        Assert.Equal(expected, ParagraphFilter.BylineName(line));
    }

    [Fact]
    public void The_title_repeated_as_a_heading_and_lines_of_links_are_dropped()
    {
        Assert.Equal(DropReason.Title, ParagraphFilter.Judge(new WrittenParagraph("Harbour ferry returns", 0, "h2"), "Harbour ferry returns"));
        Assert.Equal(DropReason.LinksOnly, ParagraphFilter.Judge(new WrittenParagraph("North quay works to finish in spring", 36, "li"), null));
        Assert.Equal(DropReason.None, ParagraphFilter.Judge(new WrittenParagraph("http://example.org/report.pdf", 29, "p"), null));
    }
}
