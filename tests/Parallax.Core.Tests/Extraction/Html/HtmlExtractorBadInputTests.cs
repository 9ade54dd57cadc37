using System.Text;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>Bad pages give a clear reason and never an exception.</summary>
public sealed class HtmlExtractorBadInputTests
{
    private static readonly HtmlExtractor Extractor = new();

    private static PageExtraction Extract(byte[] bytes, string? charset = null) =>
        Extractor.Extract(new PageInput("bad.html", PageFormat.Html, bytes, charset));

    private static PageExtraction Extract(string html) => Extract(Encoding.UTF8.GetBytes(html));

    [Fact]
    public void Empty_page_fails_with_a_reason()
    {
        var result = Extract([]);

        Assert.Empty(result.Articles);
        Assert.Equal("bad.html", result.Path);
        Assert.Contains("empty", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_page_fails_with_a_reason()
    {
        var result = Extract("   \n\t  ");

        Assert.Empty(result.Articles);
        Assert.Contains("empty", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_bytes_fail_as_binary()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;

        var result = Extract(bytes);

        Assert.Empty(result.Articles);
        Assert.Contains("binary", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_only_page_says_so()
    {
        var result = Extract("<html><head><script>var a = 1;</script></head><body><script>document.write('<p>hello</p>');</script></body></html>");

        Assert.Empty(result.Articles);
        Assert.Contains("script-only", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_page_is_refused_with_the_limit_named()
    {
        var result = Extract(new byte[ExtractionOptions.Default.MaxBytes + 1]);

        Assert.Empty(result.Articles);
        Assert.Contains("limit", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hundred_thousand_nested_divs_are_refused_quickly_with_the_reason()
    {
        var builder = new StringBuilder("<html><body>");
        builder.Insert(builder.Length, "<div>", 100_000);
        builder.Append("<p>").Append(string.Concat(Enumerable.Repeat("Deep inside the nest there is still a sentence to read. ", 12))).Append("</p>");
        builder.Insert(builder.Length, "</div>", 100_000);
        builder.Append("</body></html>");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = Extract(builder.ToString());

        Assert.Empty(result.Articles);
        Assert.Contains("nested deeper", result.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Nesting_below_the_limit_is_extracted_with_iterative_walks()
    {
        // Deeper than the index folds (DomIndex.MaxDepth) but under the refusal limit: the text must still come out.
        var builder = new StringBuilder("<html><body>");
        builder.Insert(builder.Length, "<div>", 1_500);
        builder.Append("<p>").Append(string.Concat(Enumerable.Repeat("Deep inside the nest there is still a sentence to read. ", 12))).Append("</p>");
        builder.Insert(builder.Length, "</div>", 1_500);
        builder.Append("</body></html>");

        var result = Extract(builder.ToString());

        Assert.Null(result.Error);
        Assert.Contains("Deep inside the nest", result.Articles[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_paragraphs_and_list_items_do_not_count_as_nesting()
    {
        var builder = new StringBuilder("<html><body><ul>");
        for (var i = 0; i < 3_000; i++)
        {
            builder.Append("<li>item ").Append(i).Append("<p>Paragraph number ").Append(i).Append(" of a long and sloppy page.");
        }

        var result = Extract(builder.ToString());

        Assert.DoesNotContain("nested", result.Error ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_page_without_text_reports_the_depth()
    {
        var builder = new StringBuilder("<html><body>");
        builder.Insert(builder.Length, "<div><span>", 5_000);
        builder.Append("x");

        var result = Extract(builder.ToString());

        Assert.Empty(result.Articles);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Truncated_page_still_gives_the_text_before_the_cut()
    {
        var html = Encoding.UTF8.GetString(HtmlFixtures.Bytes("news-page.html"));
        var cut = html.IndexOf("The board expects", StringComparison.Ordinal);

        var result = Extract(html[..cut]);

        Assert.Null(result.Error);
        Assert.Contains("propeller shafts", result.Articles[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_declared_charset_on_utf8_bytes_still_reads_utf8()
    {
        var html = "<html><head><meta charset=\"iso-8859-1\"></head><body><article><p>" + string.Concat(Enumerable.Repeat("Zürich, Göteborg and Kraków signed the pact on the river. ", 10)) + "</p></article></body></html>";

        var result = Extract(Encoding.UTF8.GetBytes(html), charset: "windows-1251");

        Assert.Contains("Zürich, Göteborg and Kraków", result.Articles[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_charset_label_falls_back_without_failing()
    {
        var html = "<html><head><meta charset=\"x-no-such-charset\"></head><body><p>" + string.Concat(Enumerable.Repeat("A plain sentence about a quiet harbour town at dawn. ", 12)) + "</p></body></html>";

        var result = Extract(Encoding.ASCII.GetBytes(html));

        Assert.Null(result.Error);
        Assert.Contains("quiet harbour town", result.Articles[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_markup_is_read_like_a_browser_would()
    {
        var html = "<html><body><div class=story><p>" + string.Concat(Enumerable.Repeat("The mayor <b>opened <i>the bridge</b> on Friday</i> morning. ", 8)) + "<p>Unclosed paragraph about tolls and traffic on the new road today.<div>";

        var result = Extract(html);

        Assert.Null(result.Error);
        Assert.Contains("The mayor opened the bridge on Friday morning.", result.Articles[0].Text, StringComparison.Ordinal);
    }
}
