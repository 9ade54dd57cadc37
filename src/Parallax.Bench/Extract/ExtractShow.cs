using Parallax.Core.Pipeline;

namespace Parallax.Bench.Extract;

/// <summary>`--show ID`: one page's extraction beside its truth, paragraph by paragraph, for tuning.</summary>
internal static class ExtractShow
{
    public static int Print(IReadOnlyList<ExtractionCase> cases, string id)
    {
        var found = cases.FirstOrDefault(c => c.Id.StartsWith(id, StringComparison.Ordinal));
        if (found is null)
        {
            Console.Error.WriteLine($"parallax: no page with id {id}");
            return 2;
        }

        var extraction = ParallaxPipeline.CreateDefault().Extract(found.Page);
        var first = extraction.Articles.Count > 0 ? extraction.Articles[0] : null;
        var text = first?.Text ?? string.Empty;
        var score = WordF1Metric.Score(found, text, first);
        Console.WriteLine($"page {found.Id} {found.Url}\nerror: {extraction.Error ?? "none"}; articles: {extraction.Articles.Count}; word F1 {score.F1:0.000} P {score.Precision:0.000} R {score.Recall:0.000}; first article scored");
        if (found.Wcxb is { } truth)
        {
            Console.WriteLine($"expected title: {truth.Title} | author: {truth.Author} | date: {truth.PublishDate}");
        }

        foreach (var article in extraction.Articles)
        {
            Console.WriteLine($"--- title: {article.Title} | source: {article.Source} | url: {article.Url} | published: {article.Published:O} | author: {article.Author} | lang: {article.Language}");
        }

        // Paragraphs on one side only, compared by their word tokens: what we added, and what we missed.
        var truthKey = Key(found.Truth);
        var ourKey = Key(text);
        foreach (var paragraph in text.Split("\n\n"))
        {
            Console.WriteLine((truthKey.Contains(Key(paragraph), StringComparison.Ordinal) ? "  = " : "  + ") + Cut(paragraph));
        }

        Console.WriteLine("=== expected but missing:");
        foreach (var paragraph in found.Truth.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ourKey.Contains(Key(paragraph), StringComparison.Ordinal))
            {
                Console.WriteLine("  - " + Cut(paragraph));
            }
        }

        Console.WriteLine($"=== boilerplate blocks: {extraction.Boilerplate.Count}");
        foreach (var block in extraction.Boilerplate)
        {
            Console.WriteLine("  | " + Cut(block));
        }

        return 0;
    }

    private static string Key(string text) => " " + string.Join(' ', ExtractionMetric.Tokens(text).Select(t => t.ToLowerInvariant())) + " ";

    private static string Cut(string text) => text.Length > 160 ? text[..160] + "..." : text;
}
