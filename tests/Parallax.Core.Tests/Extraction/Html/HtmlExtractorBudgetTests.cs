using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>
/// Pages whose tree would cost the HTML5 builder minutes or gigabytes are refused in a fraction of a second with the
/// budget named; pages that only look costly from their tags (raw text, select in select, a in a) are read.
/// </summary>
public sealed class HtmlExtractorBudgetTests
{
    /// <summary>
    /// Catches a hang, not a slow machine (the refusals take milliseconds; before the budgets these pages took from
    /// 36 seconds to more than 12 minutes): generous, so that a loaded test machine does not fail them.
    /// </summary>
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(10);

    /// <summary>For large pages that are read, not refused: bounded, but parsed and analysed in full.</summary>
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The structural budgets (nodes, depth, text) are what these tests check; the page time limit is the machine's
    /// speed, so it is raised here and tested on its own (a one-tick limit).
    /// </summary>
    private static readonly HtmlExtractor Extractor = new(new ExtractionOptions { TimeLimit = TimeSpan.FromSeconds(60) });

    private static readonly string Prose = string.Concat(Enumerable.Repeat("The council voted on Tuesday to rebuild the old harbour wall before the storms. ", 8));

    private static (PageExtraction Result, TimeSpan Took) Timed(string html, HtmlExtractor? extractor = null) =>
        Timed(Encoding.UTF8.GetBytes(html), extractor);

    private static (PageExtraction Result, TimeSpan Took) Timed(byte[] bytes, HtmlExtractor? extractor = null)
    {
        var watch = Stopwatch.StartNew();
        var result = (extractor ?? Extractor).Extract(new PageInput("budget.html", PageFormat.Html, bytes));
        return (result, watch.Elapsed);
    }

    private static string Article => "<html><body><article><h1>Harbour wall</h1><p>" + Prose + "</p></article>";

    private static string ReopenedFormatting()
    {
        var builder = new StringBuilder("<html><body><div>");
        for (var n = 0; n < 1_500; n++)
        {
            builder.Append("<b class=\"c").Append(n).Append("\">");
        }

        builder.Append("</div>");
        builder.Insert(builder.Length, "<p>x</p>", 20_000);
        return builder.ToString();
    }

    [Fact]
    public void Formatting_elements_reopened_in_every_paragraph_are_refused_quickly()
    {
        var (result, took) = Timed(ReopenedFormatting());

        Assert.Empty(result.Articles);
        Assert.Contains("DOM nodes", result.Error, StringComparison.Ordinal);
        Assert.True(took < Quick, $"took {took}");
    }

    [Fact]
    public void The_same_page_gzipped_counts_its_decompressed_size()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(ReopenedFormatting()));
        }

        Assert.True(packed.Length < 16_000, $"gzipped to {packed.Length} bytes");
        packed.Position = 0;
        using var unpacked = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionMode.Decompress))
        {
            gzip.CopyTo(unpacked);
        }

        var (result, took) = Timed(unpacked.ToArray());

        Assert.Contains("DOM nodes", result.Error, StringComparison.Ordinal);
        Assert.True(took < Quick, $"took {took}");
    }

    [Fact]
    public void A_few_unclosed_formatting_elements_across_paragraphs_are_still_read()
    {
        var builder = new StringBuilder("<html><body><div class=story><b><i><em>");
        for (var n = 0; n < 40; n++)
        {
            builder.Append("<p>").Append(Prose).Append("</p>");
        }

        var (result, _) = Timed(builder.ToString());

        Assert.Null(result.Error);
        Assert.Contains("harbour wall", result.Articles[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void Stray_end_tags_inside_unclosed_divs_are_refused_quickly(int count)
    {
        var builder = new StringBuilder(Article);
        builder.Insert(builder.Length, "<div></x>", count);

        var (result, took) = Timed(builder.ToString());

        Assert.Empty(result.Articles);
        Assert.Contains("nested deeper", result.Error, StringComparison.Ordinal);
        Assert.True(took < Quick, $"took {took}");
    }

    [Fact]
    public void Stray_end_tags_alone_do_not_hide_the_article()
    {
        var builder = new StringBuilder(Article);
        builder.Insert(builder.Length, "</x>", 200_000);

        var (result, took) = Timed(builder.ToString());

        Assert.Null(result.Error);
        Assert.Contains("harbour wall", result.Articles[0].Text, StringComparison.Ordinal);
        Assert.True(took < Bounded, $"took {took}");
    }

    [Fact]
    public void Stray_end_tags_under_a_deep_stack_of_inline_elements_are_cut_before_parsing()
    {
        var builder = new StringBuilder(Article);
        builder.Insert(builder.Length, "<span>", 1_900);
        builder.Insert(builder.Length, "</x>", 1_000_000);

        var (result, took) = Timed(builder.ToString());

        Assert.Null(result.Error);
        Assert.Contains("harbour wall", result.Articles[0].Text, StringComparison.Ordinal);
        Assert.True(took < Bounded, $"took {took}");
    }

    [Fact]
    public void Blocks_under_a_deep_stack_of_inline_elements_are_refused_for_their_steps()
    {
        // Each <div> checks for an open p through all 1,900 spans, and its end tag walks them again.
        var builder = new StringBuilder(Article);
        builder.Insert(builder.Length, "<span>", 1_900);
        builder.Insert(builder.Length, "<div></div>", 100_000);

        var (result, took) = Timed(builder.ToString());

        Assert.Empty(result.Articles);
        Assert.Contains("steps", result.Error, StringComparison.Ordinal);
        Assert.True(took < Quick, $"took {took}");
    }

    [Theory]
    [InlineData("<!-- a comment --!>")]
    [InlineData("<!-->")]
    [InlineData("<!--->")]
    [InlineData("<!-- a -- b --->")]
    public void Comments_end_where_the_html5_tokenizer_ends_them(string comment)
    {
        var html = "<html><body><article><h1>Harbour wall</h1>" + comment + "<p>" + Prose + "</p></article></body></html>";

        var (result, _) = Timed(html);

        Assert.Null(result.Error);
        Assert.Contains("harbour wall", result.Articles[0].Text, StringComparison.Ordinal);
    }

    public static TheoryData<string> FlatShapes() => new()
    {
        "<xmp>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "</xmp>",
        "<textarea>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "</textarea>",
        string.Concat(Enumerable.Repeat("<select>", 10_000)),
        string.Concat(Enumerable.Repeat("<a href=\"/x\">link ", 20_000)),
        string.Concat(Enumerable.Repeat("<a href=\"/x\">", 50_000)),
        string.Concat(Enumerable.Repeat("<p><b>bold", 5_000)),
        "<div title=\"a > b\">" + string.Concat(Enumerable.Repeat("<li>item", 5_000)),
    };

    [Theory]
    [MemberData(nameof(FlatShapes))]
    public void Tags_that_the_tree_builder_does_not_nest_are_not_counted_as_nesting(string shape)
    {
        var (result, took) = Timed(Article + shape);

        Assert.DoesNotContain("nested", result.Error ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", result.Error ?? string.Empty, StringComparison.Ordinal);
        Assert.True(took < Bounded, $"took {took}");
    }

    [Fact]
    public void Plaintext_holding_divs_is_text_not_nesting()
    {
        var (result, took) = Timed(Article + "<plaintext>" + string.Concat(Enumerable.Repeat("<div>", 10_000)));

        Assert.DoesNotContain("nested", result.Error ?? string.Empty, StringComparison.Ordinal);
        Assert.True(took < Quick, $"took {took}");
    }

    [Fact]
    public void Unclosed_formatting_elements_nest_as_the_parser_nests_them()
    {
        // Each <b> opens inside the last: a real 5,000-level tree, unlike 5,000 <a>s.
        var (result, _) = Timed(Article + string.Concat(Enumerable.Repeat("<b>x", 5_000)));

        Assert.Contains("nested deeper", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_over_the_text_budget_is_refused_with_the_budget_named()
    {
        var paragraph = "<p>" + Prose + "</p>";
        var builder = new StringBuilder("<html><body><article><h1>Very long</h1>");
        builder.Insert(builder.Length, paragraph, (5 * 1024 * 1024) / paragraph.Length);

        var (result, took) = Timed(builder.ToString());

        Assert.Empty(result.Articles);
        Assert.Contains("characters of visible text", result.Error, StringComparison.Ordinal);
        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took}");
    }

    [Fact]
    public void A_smaller_node_budget_refuses_a_page_a_default_one_reads()
    {
        var html = Article + string.Concat(Enumerable.Repeat("<p>" + Prose + "</p>", 50));
        var strict = new HtmlExtractor(new ExtractionOptions { MaxNodes = 40 });

        Assert.Null(Timed(html).Result.Error);
        Assert.Contains("40 DOM nodes", Timed(html, strict).Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_time_limit_is_a_last_guard_with_its_own_reason()
    {
        var html = Article + string.Concat(Enumerable.Repeat("<p>" + Prose + "</p>", 5_000));
        var hurried = new HtmlExtractor(new ExtractionOptions { TimeLimit = TimeSpan.FromTicks(1) });

        Assert.Contains("time limit", Timed(html, hurried).Result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Budgets_that_are_not_positive_are_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new HtmlExtractor(new ExtractionOptions { MaxNodes = 0 }));

        Assert.Contains("MaxNodes", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExtractionOptions { TimeLimit = TimeSpan.Zero }.Validate());
    }

    [Theory]
    [InlineData("<article></article>")]
    [InlineData("<article><p>Word</p></article>")]
    [InlineData("<article><h1>Title</h1><p>Word.</p></article><article></article>")]
    public void Empty_and_one_word_articles_end_quickly_with_a_reason(string content)
    {
        var (result, took) = Timed("<html><body>" + content + "</body></html>");

        if (result.Articles.Count == 0)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }

        Assert.True(took < Quick, $"took {took}");
    }

    [Fact]
    public void A_one_word_page_says_how_little_text_it_holds()
    {
        var (result, _) = Timed("<html><body><article><p>Word</p></article></body></html>");

        Assert.Empty(result.Articles);
        Assert.Contains("no article found (4 characters of visible text", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u1C5A\u1C5F\u1C64\u1C6E \u1C5E\u1C5F\u1C68\u1C6A\u1C64 \u1C6B\u1C5F\u1C67\u1C5F\u1C6E. ")]
    [InlineData("\U00012000\U00012001\U00012002 \U00012003\U00012004, \U00012005\U00012006. ")]
    [InlineData("\u0E01\u0E32\u0E23\u0E1B\u0E23\u0E30\u0E0A\u0E38\u0E21\u0E2A\u0E20\u0E32\u0E40\u0E21\u0E37\u0E2D\u0E07\u0E27\u0E31\u0E19\u0E19\u0E35\u0E49 ")]
    public void Text_in_scripts_without_word_lists_is_read_or_refused_with_a_reason(string sentence)
    {
        var html = "<html><body><article><h1>" + sentence + "</h1>" + string.Concat(Enumerable.Repeat("<p>" + string.Concat(Enumerable.Repeat(sentence, 12)) + "</p>", 4)) + "</article></body></html>";

        var (result, took) = Timed(html);

        Assert.True(result.Articles.Count > 0 || !string.IsNullOrWhiteSpace(result.Error));
        Assert.True(took < Quick, $"took {took}");
        if (result.Articles.Count > 0)
        {
            Assert.Contains(sentence.Trim()[..2], result.Articles[0].Text, StringComparison.Ordinal);
        }
    }
}
