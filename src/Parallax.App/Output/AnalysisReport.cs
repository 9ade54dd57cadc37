using Parallax.Core.Analysis;
using Spectre.Console;

namespace Parallax.App.Output;

/// <summary>The result of an analysis, printed for a person to read.</summary>
internal static class AnalysisReport
{
    public static void Write(IAnsiConsole console, AnalysisResult result)
    {
        var articles = new Table().Title($"[bold]{result.Articles.Count} articles[/]")
            .AddColumns("id", "title", "source", "published", "words", "spin", "copy of");
        foreach (var a in result.Articles)
        {
            articles.AddRow(
                a.Id,
                Markup.Escape(Shorten(a.Title, 70)),
                Markup.Escape(a.Source ?? a.OriginalPublisher ?? "-"),
                a.Published?.ToString("yyyy-MM-dd HH:mm") ?? "-",
                WordCount(a.Text).ToString("N0"),
                a.Spin.Spun ? $"[red]{a.Spin.Score:0.00} spun[/]" : $"{a.Spin.Score:0.00}",
                a.CopyOf ?? "-");
        }

        console.Write(articles);

        if (result.Stories.Count == 0)
        {
            return;
        }

        var titles = result.Articles.ToDictionary(a => a.Id, a => a.Title);
        console.WriteLine();
        console.Write(new Rule($"[bold]{result.Stories.Count} stories[/]").LeftJustified());
        foreach (var story in result.Stories)
        {
            var tree = new Tree($"[bold]{story.Id}[/] {Markup.Escape(story.Title)} [grey]({Markup.Escape(string.Join(", ", story.Sources))})[/]");
            foreach (var id in story.Articles)
            {
                tree.AddNode($"{id} {Markup.Escape(Shorten(titles.GetValueOrDefault(id, ""), 80))}");
            }

            if (story.Related.Count > 0)
            {
                tree.AddNode($"[grey]related: {string.Join(", ", story.Related)}[/]");
            }

            console.Write(tree);
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
