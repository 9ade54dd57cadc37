using Parallax.Ingest.Archives;

namespace Parallax.Ingest.Tests.Archives;

public sealed class JsonArticleLineTests
{
    [Fact]
    public void A_written_line_reads_back_as_the_same_article()
    {
        var published = new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.FromHours(1));
        var text = "Kraków's \"new\" bridge opens.\n\nTraffic\tresumes on Monday.";
        var line = JsonArticleLine.Format("https://post.example/bridge", "Bridge opens – at last", text, published, "Wendmouth Post");

        Assert.DoesNotContain('\n', line);
        var article = ArchiveFiles.ParseJsonArticle(line, "test").Article!;
        Assert.Equal(("Bridge opens – at last", "Wendmouth Post", "https://post.example/bridge", published), (article.Title, article.Source, article.Url, article.Published));
        Assert.Equal(["Kraków's \"new\" bridge opens.", "Traffic\tresumes on Monday."], article.Paragraphs);
    }

    [Fact]
    public void Unknown_fields_are_left_out()
    {
        var line = JsonArticleLine.Format(null, null, "Only a text.", null, null);

        Assert.Equal("{\"text\":\"Only a text.\"}", line);
        var article = ArchiveFiles.ParseJsonArticle(line, "test").Article!;
        Assert.Equal((null, null, (DateTimeOffset?)null), (article.Url, article.Source, article.Published));
    }
}
