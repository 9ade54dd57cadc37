using System.Globalization;

namespace Parallax.Bench.Extract;

/// <summary>Shingle counts of one page: what the extraction shares with the truth, what it adds, what it misses.</summary>
internal readonly record struct PageScore(string Id, int TruePositives, int FalsePositives, int FalseNegatives, bool ExactTokens, bool Empty)
{
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>This page's own F1, only to rank pages for --worst; the benchmark's F1 is not a mean of these.</summary>
    public double F1
    {
        get
        {
            var p = Precision ?? 0;
            var r = Recall ?? 0;
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}

/// <summary>The benchmark's figures over all pages.</summary>
internal sealed record MetricSummary(double Precision, double Recall, double F1, double Accuracy, int Pages);

/// <summary>
/// The upstream article-extraction-benchmark metric, exactly as its README defines it: tokens are maximal runs of
/// word characters as Python's <c>\w</c> reads them (letters, numbers, underscore; case kept), each text becomes
/// a multiset of 4-token shingles (one shorter shingle for 1 to 3 tokens), precision and recall are averaged over
/// pages, and F1 is the harmonic mean of the two means.
/// </summary>
internal static class ExtractionMetric
{
    private const int ShingleSize = 4;

    public static PageScore Score(string id, string truth, string extracted)
    {
        var trueTokens = Tokens(truth);
        var predicted = Tokens(extracted);
        var trueShingles = Shingles(trueTokens);
        var predictedShingles = Shingles(predicted);
        var tp = 0;
        var fp = 0;
        foreach (var (shingle, count) in predictedShingles)
        {
            var shared = trueShingles.TryGetValue(shingle, out var trueCount) ? Math.Min(count, trueCount) : 0;
            tp += shared;
            fp += count - shared;
        }

        var fn = 0;
        foreach (var (shingle, count) in trueShingles)
        {
            var shared = predictedShingles.TryGetValue(shingle, out var predictedCount) ? Math.Min(count, predictedCount) : 0;
            fn += count - shared;
        }

        return new PageScore(id, tp, fp, fn, trueTokens.SequenceEqual(predicted, StringComparer.Ordinal), predicted.Count == 0);
    }

    /// <summary>Precision over pages with a non-empty extraction, recall over pages with a non-empty truth, F1 of the two means.</summary>
    public static MetricSummary Summarize(IReadOnlyList<PageScore> pages)
    {
        double precisionSum = 0, recallSum = 0;
        int precisionPages = 0, recallPages = 0, exact = 0;
        foreach (var page in pages)
        {
            if (page.Precision is { } p)
            {
                precisionSum += p;
                precisionPages++;
            }

            if (page.Recall is { } r)
            {
                recallSum += r;
                recallPages++;
            }

            if (page.ExactTokens)
            {
                exact++;
            }
        }

        var precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        var recall = recallPages == 0 ? 0 : recallSum / recallPages;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new MetricSummary(precision, recall, f1, pages.Count == 0 ? 0 : (double)exact / pages.Count, pages.Count);
    }

    /// <summary>Maximal runs of Python <c>\w</c> characters: letters (L*), numbers (N*) and the underscore.</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var width = char.IsSurrogatePair(text, i) ? 2 : 1;
            var word = IsWordChar(text, i);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }

            i += width;
        }

        if (start >= 0)
        {
            tokens.Add(text[start..]);
        }

        return tokens;
    }

    private static bool IsWordChar(string text, int i)
    {
        var category = char.IsSurrogatePair(text, i)
            ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(text[i], text[i + 1]))
            : CharUnicodeInfo.GetUnicodeCategory(text[i]);
        return text[i] == '_' || category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    /// <summary>The multiset of shingles, keyed by the tokens joined with a separator no token contains.</summary>
    private static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = tokens.ToArray();
        var count = Math.Max(1, words.Length - ShingleSize + 1);
        for (var i = 0; i < count; i++)
        {
            var length = Math.Min(ShingleSize, words.Length - i);
            if (length <= 0)
            {
                break;
            }

            var key = string.Join('\u0001', words, i, length);
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }
}
