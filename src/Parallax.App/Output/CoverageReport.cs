using Parallax.Core.Analysis;
using Spectre.Console;

namespace Parallax.App.Output;

/// <summary>
/// A story's coverage for a person: one column per report (up to four), rows for what they agree on, where they
/// differ (the differing value in bold), each quoted statement as every outlet rendered it, and the words each
/// uses for one thing; then what only one report carries. Every cell ends with its span, so the words can be found.
/// </summary>
internal static class CoverageReport
{
    private const int MaxColumns = 4;

    public static void Write(IAnsiConsole console, StoryRecord story, IReadOnlyDictionary<string, AnalyzedArticle> articles)
    {
        var c = story.Coverage;
        if (c.Reports.Count < 2 || c.Shared.Count + c.Conflicts.Count + c.Quotes.Count + c.Terms.Count == 0)
        {
            return;
        }

        var columns = c.Reports.Take(MaxColumns).ToList();
        console.MarkupLine($"  [bold]how the {c.Reports.Count} reports of {story.Id} compare[/] [grey](spans are [[start, end]] in each article's text)[/]");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("[grey]what[/]"));
        foreach (var id in columns)
        {
            var source = articles.TryGetValue(id, out var a) && a.Source is { } s ? s : "unknown source";
            table.AddColumn(new TableColumn($"[bold]{id}[/] {Markup.Escape(source)}"));
        }

        foreach (var shared in c.Shared)
        {
            Row(table, columns, "[green]agree[/]", shared.Variants, v => Markup.Escape(v.Text));
        }

        foreach (var conflict in c.Conflicts)
        {
            Row(table, columns, $"[red]differ: {Markup.Escape(conflict.Topic)}[/]", conflict.Variants, v => Highlight(v.Text, v.Value));
        }

        foreach (var quote in c.Quotes.Where(q => q.Variants.Select(v => v.Article).Distinct().Count() > 1))
        {
            var who = quote.Speaker is null ? "[yellow]speaker unknown[/]" : Markup.Escape(quote.Speaker);
            Row(table, columns, $"[blue]quote[/] {who}", quote.Variants, v => $"[italic]\u201C{Markup.Escape(v.Text)}\u201D[/]");
        }

        foreach (var term in c.Terms)
        {
            Row(table, columns, $"[purple]term ({term.Kind})[/]", term.Variants, v => $"[bold]{Markup.Escape(v.Text)}[/]");
        }

        console.Write(table);
        foreach (var only in c.Exclusive)
        {
            console.MarkupLine($"  [grey]only {only.Article}:[/]");
            for (var i = 0; i < only.Claims.Count; i++)
            {
                console.MarkupLine($"    {Markup.Escape(only.Claims[i])} [grey][[{only.Spans[i][0]}, {only.Spans[i][1]}]][/]");
            }
        }

        if (c.Reports.Count > MaxColumns)
        {
            console.MarkupLine($"  [grey]{c.Reports.Count - MaxColumns} more reports compared; --json lists them all.[/]");
        }

        foreach (var left in c.LeftOut)
        {
            console.MarkupLine($"  [grey]{left.Article} not compared: {Markup.Escape(left.Reason)}[/]");
        }
    }

    private static void Row(Table table, List<string> columns, string what, IReadOnlyList<CoverageVariant> variants, Func<CoverageVariant, string> cell)
    {
        var cells = new List<string> { what };
        foreach (var id in columns)
        {
            var v = variants.FirstOrDefault(x => x.Article == id);
            cells.Add(v is null ? "[grey]-[/]" : $"{cell(v)} [grey][[{v.Span[0]}, {v.Span[1]}]][/]");
        }

        table.AddRow(cells.ToArray());
    }

    private static string Highlight(string text, string? value)
    {
        var at = value is null ? -1 : text.IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? Markup.Escape(text)
            : Markup.Escape(text[..at]) + $"[bold red]{Markup.Escape(value!)}[/]" + Markup.Escape(text[(at + value!.Length)..]);
    }
}
