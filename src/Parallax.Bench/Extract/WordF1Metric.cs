using System.Globalization;
using Parallax.Core.Extraction;

namespace Parallax.Bench.Extract;

/// <summary>One WCXB page scored: word overlap counts, snippet checks and metadata matches (null where the truth has no value).</summary>
internal sealed record WordPageScore(
    string Id,
    int Overlap,
    int Predicted,
    int Reference,
    int WithFound,
    int WithCount,
    int WithoutAvoided,
    int WithoutCount,
    bool? TitleMatch = null,
    bool? AuthorMatch = null,
    bool? DateMatch = null)
{
    public double Precision => Predicted == 0 ? 0 : (double)Overlap / Predicted;

    public double Recall => Reference == 0 ? (Predicted == 0 ? 1 : 0) : (double)Overlap / Reference;

    /// <summary>The page's F1; an empty prediction scores 0, as the benchmark says.</summary>
    public double F1 => Predicted == 0 || Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>A set of WCXB pages summarised: means over pages, snippet shares over all snippets, metadata accuracy over pages with a true value.</summary>
internal sealed record WordSummary(
    int Pages,
    double Precision,
    double Recall,
    double F1,
    double WithKept,
    double WithoutAvoided,
    double? TitleAccuracy,
    double? AuthorAccuracy,
    double? DateAccuracy);

/// <summary>
/// WCXB's metric as its README defines it: lowercased <c>\w+</c> tokens counted with multiplicity, per-page precision
/// (overlap / predicted tokens), recall (overlap / reference tokens) and F1, averaged over pages, an empty prediction
/// scoring 0. Snippets count as kept when their tokens appear, in order and adjacent, among the extraction's tokens.
/// Metadata match when the lowercased tokens are the same (title, author) or the calendar day is the same (date).
/// </summary>
internal static class WordF1Metric
{
    public static WordPageScore Score(ExtractionCase page, string text, ExtractedArticle? article = null)
    {
        var predicted = Lower(ExtractionMetric.Tokens(text));
        var reference = Lower(ExtractionMetric.Tokens(page.Truth));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in reference)
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        var overlap = 0;
        foreach (var token in predicted)
        {
            if (counts.TryGetValue(token, out var left) && left > 0)
            {
                counts[token] = left - 1;
                overlap++;
            }
        }

        var truth = page.Wcxb;
        var joined = " " + string.Join(' ', predicted) + " ";
        var withFound = truth?.With.Count(s => Contains(joined, s)) ?? 0;
        var withoutAvoided = truth?.Without.Count(s => !Contains(joined, s)) ?? 0;
        return new WordPageScore(
            page.Id,
            overlap,
            predicted.Count,
            reference.Count,
            withFound,
            truth?.With.Count ?? 0,
            withoutAvoided,
            truth?.Without.Count ?? 0,
            truth?.Title is { } title ? SameWords(title, article?.Title) : null,
            truth?.Author is { } author ? SameWords(author, article?.Author) : null,
            truth?.PublishDate is { } date ? SameDay(date, article?.Published) : null);
    }

    public static WordSummary Summarize(IReadOnlyList<WordPageScore> pages)
    {
        var n = Math.Max(1, pages.Count);
        var withCount = pages.Sum(p => p.WithCount);
        var withoutCount = pages.Sum(p => p.WithoutCount);
        return new WordSummary(
            pages.Count,
            pages.Sum(p => p.Precision) / n,
            pages.Sum(p => p.Recall) / n,
            pages.Sum(p => p.F1) / n,
            withCount == 0 ? 1 : (double)pages.Sum(p => p.WithFound) / withCount,
            withoutCount == 0 ? 1 : (double)pages.Sum(p => p.WithoutAvoided) / withoutCount,
            Accuracy(pages.Select(p => p.TitleMatch)),
            Accuracy(pages.Select(p => p.AuthorMatch)),
            Accuracy(pages.Select(p => p.DateMatch)));
    }

    private static double? Accuracy(IEnumerable<bool?> matches)
    {
        var known = matches.Where(m => m is not null).ToList();
        return known.Count == 0 ? null : (double)known.Count(m => m == true) / known.Count;
    }

    private static List<string> Lower(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            tokens[i] = tokens[i].ToLowerInvariant();
        }

        return tokens;
    }

    private static bool Contains(string joinedTokens, string snippet)
    {
        var tokens = Lower(ExtractionMetric.Tokens(snippet));
        return tokens.Count == 0 || joinedTokens.Contains(" " + string.Join(' ', tokens) + " ", StringComparison.Ordinal);
    }

    internal static bool SameWords(string expected, string? actual) =>
        actual is not null && Lower(ExtractionMetric.Tokens(expected)).SequenceEqual(Lower(ExtractionMetric.Tokens(actual)), StringComparer.Ordinal);

    /// <summary>The day as the page states it (the date in its own offset) against the truth's yyyy-MM-dd.</summary>
    internal static bool SameDay(string expected, DateTimeOffset? actual) =>
        actual is { } date && expected.Length >= 10 && expected[..10] == date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
