using Parallax.Core.Analysis;
using Spectre.Console;

namespace Parallax.App.Output;

/// <summary>
/// The result of an analysis, printed for a person to read: the stories first (what happened), each with
/// its reports and their copies, then one line per article with its metadata.
/// </summary>
internal static class AnalysisReport
{
    public static void Write(IAnsiConsole console, AnalysisResult result)
    {
        var byId = result.Articles.ToDictionary(a => a.Id);
        if (result.Stories.Count > 0)
        {
            console.Write(new Rule($"[bold]{result.Stories.Count} stories[/]").LeftJustified());
            foreach (var story in result.Stories)
            {
                var sources = story.Sources.Count > 0 ? $" [grey]({Markup.Escape(string.Join(", ", story.Sources))})[/]" : "";
                var tree = new Tree($"[bold]{story.Id}[/] {Markup.Escape(story.Title)}{sources}");
                foreach (var id in story.Articles)
                {
                    tree.AddNode(ArticleHeadline(byId[id]));
                }

                if (story.Related.Count > 0)
                {
                    tree.AddNode($"[grey]related: {string.Join(", ", story.Related)}[/]");
                }

                console.Write(tree);
            }

            console.WriteLine();
        }

        console.Write(new Rule($"[bold]{result.Articles.Count} articles[/]").LeftJustified());
        foreach (var article in result.Articles)
        {
            console.MarkupLine(ArticleHeadline(article));
            console.MarkupLine($"    [grey]{Markup.Escape(Details(article))}[/]");
        }
    }

    private static string ArticleHeadline(AnalyzedArticle article)
    {
        var copy = article.CopyOf is null ? "" : $" [yellow]copy of {article.CopyOf}[/]";
        var spun = article.Spin.Spun ? " [red]spun[/]" : "";
        return $"[bold]{article.Id}[/] {Markup.Escape(article.Title)}{copy}{spun}";
    }

    private static string Details(AnalyzedArticle article)
    {
        var parts = new List<string> { article.Source ?? "unknown source" };
        if (article.CopyOf is not null && article.OriginalPublisher is not null)
        {
            parts.Add($"original by {article.OriginalPublisher}");
        }

        if (article.Published is { } published)
        {
            parts.Add(published.ToString("yyyy-MM-dd HH:mm zzz"));
        }

        parts.Add($"{WordCount(article.Text):N0} words");
        parts.Add($"spin {article.Spin.Score:0.00}");
        parts.Add(Path.GetFileName(article.Path));
        return string.Join(" · ", parts);
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
