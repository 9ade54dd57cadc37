using System.Text;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Text;

namespace Parallax.Core.Tests.Extraction.Text;

public sealed class BadInputTests
{
    private static readonly TextExtractor Extractor = new();

    private static PageExtraction Run(byte[] bytes, string? charset = null) =>
        Extractor.Extract(new PageInput("page.txt", PageFormat.Text, bytes, charset));

    private static PageExtraction Run(string text) => Run(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Empty_page_fails_with_a_reason()
    {
        var result = Run([]);

        Assert.Equal("page.txt", result.Path);
        Assert.Empty(result.Articles);
        Assert.Contains("empty", result.Error);
    }

    [Fact]
    public void Whitespace_only_page_fails_as_empty()
    {
        var result = Run("  \n\t\n\r\n   \n");

        Assert.Empty(result.Articles);
        Assert.Contains("whitespace", result.Error);
    }

    [Fact]
    public void One_line_page_is_a_short_article()
    {
        const string line = "The council voted seven to two on Tuesday night to fund a new barrier along the east bank of the river.";
        var result = Run(line);

        Assert.Null(result.Error);
        Assert.Equal(line, Assert.Single(result.Articles).Text);
    }

    [Fact]
    public void Title_date_and_one_line_is_a_short_article_with_its_date()
    {
        var result = Run("Council funds the river barrier\nMarch 3, 2024\nThe council voted on Tuesday to fund a new barrier.\n");

        var article = Assert.Single(result.Articles);
        Assert.Equal("Council funds the river barrier", article.Title);
        Assert.Equal("The council voted on Tuesday to fund a new barrier.", article.Text);
        Assert.Equal(new DateTimeOffset(2024, 3, 3, 0, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Binary_content_fails()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var result = Run(bytes);

        Assert.Empty(result.Articles);
        Assert.Contains("binary", result.Error);
    }

    [Fact]
    public void Too_many_lines_fails_and_names_the_limit()
    {
        var text = string.Concat(Enumerable.Repeat("A line of a page that goes on.\n", TextExtractor.MaxLines + 1));

        var result = Run(text);

        Assert.Empty(result.Articles);
        Assert.Contains("20,000", result.Error);
    }

    [Fact]
    public void Too_long_a_line_fails_and_names_the_limit()
    {
        var text = "Title of the page\n" + new string('a', TextExtractor.MaxLineLength + 1) + "\n";

        var result = Run(text);

        Assert.Empty(result.Articles);
        Assert.Contains("line 2", result.Error);
        Assert.Contains("100,000", result.Error);
    }

    [Fact]
    public void Page_of_chrome_only_has_no_articles_and_keeps_its_boilerplate()
    {
        var result = Run("Home | World | Sport | Business\nRelated Articles\nComments\nNo comments yet...\nShare this article\n");

        Assert.Empty(result.Articles);
        Assert.Contains("only boilerplate", result.Error);
        Assert.Equal(5, result.Boilerplate.Count);
    }

    [Fact]
    public void Short_lines_without_running_text_are_read_as_a_short_article()
    {
        var result = Run("Harbourton\nValemont\nNorthgate\nIsle of Brenn\n");

        var article = Assert.Single(result.Articles);
        Assert.Equal("Harbourton", article.Title);
        Assert.Equal(["Valemont", "Northgate", "Isle of Brenn"], article.Paragraphs);
    }

    [Fact]
    public void Windows_1252_page_declared_by_charset_is_decoded()
    {
        var text = "Café owners count the cost of the flood\n" +
                   "Owners of the Café Zoë on Quay Street said the water reached the counter for the first time since 1998.\n";
        var bytes = CodePagesBytes(text, 1252);

        var result = Run(bytes, "windows-1252");

        var article = Assert.Single(result.Articles);
        Assert.Equal("Café owners count the cost of the flood", article.Title);
        Assert.Contains("Café Zoë", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Crlf_and_bom_are_handled()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "Ferry services suspended as storm hits the coast\r\nAll ferry crossings between Harbourton and the Isle of Brenn were cancelled on Wednesday, the operator said.\r\n")).ToArray();

        var article = Assert.Single(Run(bytes).Articles);

        Assert.Equal("Ferry services suspended as storm hits the coast", article.Title);
        Assert.EndsWith("the operator said.", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void One_extractor_gives_the_same_results_on_many_threads()
    {
        var pages = Directory.GetFiles(TextTestFiles.FixturesFolder(), "*.page.txt")
            .Select(f => string.Join('\n', File.ReadAllLines(f).Where(l => !l.StartsWith("##", StringComparison.Ordinal)).Select(l => l.Contains('|') ? l[(l.IndexOf('|') + 1)..].Trim() : string.Empty)))
            .ToArray();
        var expected = pages.Select(p => Describe(Run(p))).ToArray();

        var actual = new string[pages.Length * 50];
        Parallel.For(0, actual.Length, i => actual[i] = Describe(Run(pages[i % pages.Length])));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % pages.Length], actual[i]);
        }

        static string Describe(PageExtraction result) =>
            string.Join(" / ", result.Articles.Select(a => $"{a.Title} [{a.Source}] {a.Paragraphs.Count}")) + " | " + string.Join(" / ", result.Boilerplate);
    }

    private static byte[] CodePagesBytes(string text, int codePage)
    {
        // Decoding a page registers the code-pages provider; do the same before encoding the fixture.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage).GetBytes(text);
    }
}
