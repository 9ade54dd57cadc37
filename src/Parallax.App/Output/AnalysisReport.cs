using Parallax.Core.Analysis;
using Spectre.Console;

namespace Parallax.App.Output;

/// <summary>
/// The result of an analysis, printed for a person to read: the stories first (what happened), each with
/// its reports and their copies, then one line per article with its metadata.
/// </summary>
internal static class AnalysisReport
{
    /// <summary>
    /// The console to print on. Piped to a file, Spectre would wrap at 80 columns; a report in a file is read with
    /// an editor or grep, so lines are kept whole and headings are plain.
    /// </summary>
    public static IAnsiConsole ConsoleFor(TextWriter output, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = Unwrapped;
        }

        return console;
    }

    /// <summary>Wider than any line of a report, so nothing wraps.</summary>
    private const int Unwrapped = 1_000_000;

    public static void Write(IAnsiConsole console, AnalysisResult result, IReadOnlySet<string>? partialPaths = null)
    {
        partialPaths ??= new HashSet<string>();
        var byId = result.Articles.ToDictionary(a => a.Id);
        if (result.Stories.Count > 0)
        {
            Heading(console, $"{result.Stories.Count} stories");
            foreach (var story in result.Stories)
            {
                var sources = story.Sources.Count > 0 ? $" [grey]({Markup.Escape(string.Join(", ", story.Sources))})[/]" : "";
                var tree = new Tree($"[bold]{story.Id}[/] {Markup.Escape(story.Title)}{sources}");
                foreach (var id in story.Articles)
                {
                    tree.AddNode(ArticleHeadline(byId[id], partialPaths));
                }

                if (story.Related.Count > 0)
                {
                    tree.AddNode($"[grey]related: {string.Join(", ", story.Related)}[/]");
                }

                console.Write(tree);
                CoverageReport.Write(console, story, byId);
            }

            console.WriteLine();
        }

        Heading(console, $"{result.Articles.Count} articles");
        foreach (var article in result.Articles)
        {
            console.MarkupLine(ArticleHeadline(article, partialPaths));
            console.MarkupLine($"    [grey]{Markup.Escape(Details(article))}[/]");
            if (SwapLine(article) is { } swaps)
            {
                console.MarkupLine($"    [grey]{Markup.Escape(swaps)}[/]");
            }
        }
    }

    // Swaps shown per copy restored from its original; a long list is cut (the JSON has every one).
    private const int SwapsShown = 12;

    /// <summary>A spun copy restored from its original lists its swaps: "swaps: amid -> during; ...".</summary>
    internal static string? SwapLine(AnalyzedArticle article)
    {
        if (article.Spin.Swaps is not { Count: > 0 } swaps)
        {
            return null;
        }

        var shown = swaps.Take(SwapsShown).Select(s => $"{Quoted(s.Spun)} -> {Quoted(s.Original)}");
        var more = swaps.Count > SwapsShown ? $"; ... {swaps.Count - SwapsShown} more" : "";
        return $"swaps: {string.Join("; ", shown)}{more}";
    }

    private static string Quoted(string phrase) => phrase.Length == 0 ? "(nothing)" : $"\"{phrase}\"";

    private static void Heading(IAnsiConsole console, string text)
    {
        if (console.Profile.Width >= Unwrapped)
        {
            console.MarkupLine($"── [bold]{text}[/] ──");
        }
        else
        {
            console.Write(new Rule($"[bold]{text}[/]").LeftJustified());
        }
    }

    /// <summary>
    /// A spun copy says so ("spun copy of a6"), so it does not read as a verbatim one; its measured share of swapped
    /// words and its swaps follow on the article's detail lines.
    /// </summary>
    internal static string ArticleHeadline(AnalyzedArticle article, IReadOnlySet<string> partialPaths)
    {
        var copy = (article.CopyOf, article.Spin.Spun) switch
        {
            (null, true) => " [red]spun[/]",
            (null, false) => "",
            (var of, true) => $" [red]spun copy of {of}[/]",
            (var of, false) => $" [yellow]copy of {of}[/]",
        };
        var partial = partialPaths.Contains(article.Path) ? " [red]partial (the file was cut short)[/]" : "";
        return $"[bold]{article.Id}[/] {Markup.Escape(article.Title)}{copy}{partial}";
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
        if (article.Spin is { RestoredFrom: { } from, SwappedShare: { } share })
        {
            parts.Add($"{share * 100:0}% of words swapped, restored from {from}");
        }

        parts.Add(Path.GetFileName(article.Path));
        return string.Join(" · ", parts);
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
