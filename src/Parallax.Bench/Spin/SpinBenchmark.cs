using System.Globalization;
using System.Text;
using Parallax.Core.Spin;
using Spectre.Console;

namespace Parallax.Bench.Spin;

/// <summary>Spin figures at one spin rate, over one set of articles.</summary>
/// <param name="Rate">Share of content words the spinner replaced.</param>
/// <param name="Articles">Spun articles scored.</param>
/// <param name="RecallAt1PctFpr">Share of spun articles scoring above the threshold that flags 1% of the unspun ones.</param>
/// <param name="RecallAtShippedThreshold">Share of spun articles that <see cref="SpinAnalyzer"/> calls spun.</param>
/// <param name="Swaps">Words and phrases the spinner swapped.</param>
/// <param name="Restored">Swaps put back to the original wording exactly (case aside) by <see cref="SpinAnalyzer.Restore"/>.</param>
/// <param name="Edits">Restorations the analyser made (on swapped and unswapped words).</param>
/// <param name="MeanScore">Mean spin score of the spun articles.</param>
internal sealed record SpinRateFigures(
    double Rate, int Articles, double RecallAt1PctFpr, double RecallAtShippedThreshold, int Swaps, int Restored,
    int Edits, double MeanScore)
{
    public double RestoredShare => Swaps == 0 ? 0 : (double)Restored / Swaps;

    /// <summary>Share of the analyser's restorations that were at a swap and gave back the original.</summary>
    public double EditPrecision => Edits == 0 ? 0 : (double)Restored / Edits;
}

/// <summary>Spin figures for one set of articles (the report split, the calibration split, or all).</summary>
internal sealed record SpinSetFigures(
    string Name, int Articles, double ThresholdAt1PctFpr, double FalsePositiveRateAtShipped, double MeanNaturalScore,
    int NaturalEdits, int NaturalWords, IReadOnlyList<SpinRateFigures> Rates);

/// <summary>How many real tortured phrases (PPS list) the restorer brings back to their expected wording.</summary>
internal sealed record TorturedFigures(int Phrases, int RestoredExactly, int Changed, double ExpectedWordsRecovered);

/// <summary>What the cheap screen sent on to the full reading, over all articles: unspun, then at each rate.</summary>
/// <param name="Passed">Articles sent on, unspun first and then per rate.</param>
/// <param name="Of">Articles screened, in the same order.</param>
/// <param name="Missed">Articles the full reading calls spun that the screen did not send on.</param>
internal sealed record ScreenFigures(int[] Passed, int[] Of, int Missed);

/// <summary>All spin figures of one run.</summary>
internal sealed record SpinFigures(
    IReadOnlyList<SpinSetFigures> Sets, TorturedFigures? Tortured, int Seed, double ShippedThreshold, TimeSpan Elapsed,
    ScreenFigures? Screen = null);

/// <summary>
/// The spin benchmark: spun copies of the ECB+ articles made by <see cref="SyntheticSpinner"/> at 10%, 30% and 50% of
/// content words; detection recall at the threshold that flags 1% of the unspun articles; share of swapped words the
/// analyser restores; and the real tortured phrases of the PPS list. Topics 1-22 are the calibration split (the shipped
/// threshold and the analyser's constants were chosen there); topics 23-45 are reported apart, and all together.
/// Entry points: <see cref="RunAsync"/> (finds the data itself) or <see cref="Run"/>; then <see cref="Print"/>.
/// </summary>
internal static class SpinBenchmark
{
    public static readonly double[] Rates = [0.1, 0.3, 0.5];

    /// <summary>
    /// Loads ECB+ and the tortured-phrase list from ../shared/benchmarks and runs the benchmark; null (with a message on
    /// standard error) when the data is absent. <paramref name="sample"/> keeps every n-th document for a quick run.
    /// </summary>
    public static async Task<SpinFigures?> RunAsync(
        CancellationToken ct, int sample = 1, int seed = 1, string? repoHint = null)
    {
        var ecb = SpinBenchmarkData.Locate(SpinBenchmarkData.EcbPlusPath, repoHint);
        if (ecb is null)
        {
            await Console.Error.WriteLineAsync($"spin bench: {SpinBenchmarkData.EcbPlusPath} not found; skipped.");
            return null;
        }

        var documents = await SpinBenchmarkData.LoadEcbPlusAsync(ecb, ct);
        var kept = new List<SpinBenchDocument>();
        for (var i = 0; i < documents.Count; i += Math.Max(1, sample))
        {
            kept.Add(documents[i]);
        }

        var tortured = SpinBenchmarkData.Locate(SpinBenchmarkData.TorturedPath, repoHint);
        return Run(kept, tortured, SpinAnalyzer.CreateDefault(), seed, ct);
    }

    /// <summary>Runs the benchmark over the given articles (topic decides the split) and the tortured-phrase CSV.</summary>
    public static SpinFigures Run(
        IReadOnlyList<SpinBenchDocument> documents, string? torturedCsvPath, SpinAnalyzer analyzer, int seed = 1,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(analyzer);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // Read every article once unspun and once per rate; the splits below are views over these results.
        var spinner = new SyntheticSpinner(Thesaurus.Default, seed);
        var natural = new List<SpinReading>(documents.Count);
        var spun = new List<(SpunText Spun, SpinReading Reading)>[Rates.Length];
        for (var r = 0; r < Rates.Length; r++)
        {
            spun[r] = new List<(SpunText, SpinReading)>(documents.Count);
        }

        var screen = new ScreenFigures(new int[Rates.Length + 1], new int[Rates.Length + 1], 0);
        var missed = 0;
        foreach (var document in documents)
        {
            ct.ThrowIfCancellationRequested();
            natural.Add(Screened(analyzer, document.Text, screen, 0, ref missed));
            for (var r = 0; r < Rates.Length; r++)
            {
                var text = spinner.Spin(document.Text, Rates[r]);
                spun[r].Add((text, Screened(analyzer, text.Text, screen, r + 1, ref missed)));
            }
        }

        var sets = new List<SpinSetFigures>();
        foreach (var (name, keep) in new (string, Func<SpinBenchDocument, bool>)[]
        {
            ("report: topics 23-45", d => d.Topic >= 23),
            ("calibration: topics 1-22", d => d.Topic <= 22),
            ("all", _ => true),
        })
        {
            var indexes = new List<int>();
            for (var i = 0; i < documents.Count; i++)
            {
                if (keep(documents[i]))
                {
                    indexes.Add(i);
                }
            }

            if (indexes.Count > 0)
            {
                sets.Add(SetFigures(name, indexes, analyzer.Options.SpunThreshold, natural, spun));
            }
        }

        var tortured = torturedCsvPath is null ? null : Tortured(torturedCsvPath, analyzer);
        return new SpinFigures(sets, tortured, seed, analyzer.Options.SpunThreshold, watch.Elapsed,
            screen with { Missed = missed });
    }

    // The reading as Analyze scores it: a text the screen does not send on keeps the screen's score. The restorations
    // are the full reading's either way, as Restore makes them whatever the score.
    private static SpinReading Screened(SpinAnalyzer analyzer, string text, ScreenFigures screen, int row, ref int missed)
    {
        var reading = analyzer.Read(text);
        var screened = analyzer.Screen(text);
        screen.Of[row]++;
        screen.Passed[row] += screened.Passes ? 1 : 0;
        missed += !screened.Passes && reading.Score >= analyzer.Options.SpunThreshold ? 1 : 0;
        return screened.Passes ? reading : reading with { Score = screened.Score };
    }

    private static SpinSetFigures SetFigures(
        string name, List<int> indexes, double shipped, List<SpinReading> natural,
        List<(SpunText Spun, SpinReading Reading)>[] spun)
    {
        var naturalScores = new List<double>(indexes.Count);
        var naturalEdits = 0;
        var naturalWords = 0;
        foreach (var i in indexes)
        {
            naturalScores.Add(natural[i].Score);
            naturalEdits += natural[i].Edits.Count;
            naturalWords += natural[i].JudgedWords;
        }

        var threshold = ThresholdForFalsePositiveRate(naturalScores, 0.01);
        var shippedFalsePositives = naturalScores.Count(s => s >= shipped);
        var rates = new List<SpinRateFigures>();
        for (var r = 0; r < Rates.Length; r++)
        {
            int detected = 0, detectedShipped = 0, swaps = 0, restored = 0, edits = 0;
            double scoreSum = 0;
            foreach (var i in indexes)
            {
                var (text, reading) = spun[r][i];
                if (text.Swaps.Count == 0)
                {
                    continue;
                }

                detected += reading.Score > threshold ? 1 : 0;
                detectedShipped += reading.Score >= shipped ? 1 : 0;
                scoreSum += reading.Score;
                swaps += text.Swaps.Count;
                restored += CountRestored(text.Swaps, reading.Edits);
                edits += reading.Edits.Count;
            }

            var articles = indexes.Count(i => spun[r][i].Spun.Swaps.Count > 0);
            rates.Add(new SpinRateFigures(Rates[r], articles, Share(detected, articles), Share(detectedShipped, articles),
                swaps, restored, edits, articles == 0 ? 0 : scoreSum / articles));
        }

        return new SpinSetFigures(name, indexes.Count, threshold, Share(shippedFalsePositives, naturalScores.Count),
            naturalScores.Count == 0 ? 0 : naturalScores.Average(), naturalEdits, naturalWords, rates);
    }

    /// <summary>
    /// The smallest threshold t such that at most <paramref name="rate"/> of the natural scores are above t
    /// (articles scoring strictly above t are called spun).
    /// </summary>
    public static double ThresholdForFalsePositiveRate(IReadOnlyList<double> naturalScores, double rate)
    {
        if (naturalScores.Count == 0)
        {
            return 0;
        }

        var sorted = naturalScores.OrderByDescending(s => s).ToArray();
        var allowed = (int)Math.Floor(rate * sorted.Length);
        return sorted[Math.Min(allowed, sorted.Length - 1)];
    }

    // A swap is restored when an edit covers exactly its span in the spun text and gives back the original wording.
    private static int CountRestored(IReadOnlyList<SpinSwap> swaps, IReadOnlyList<SpinEdit> edits)
    {
        var restored = 0;
        var e = 0;
        foreach (var swap in swaps)
        {
            while (e < edits.Count && edits[e].Start < swap.SpunStart)
            {
                e++;
            }

            if (e < edits.Count && edits[e].Start == swap.SpunStart && edits[e].Length == swap.Replacement.Length
                && string.Equals(edits[e].Replacement, swap.Original, StringComparison.OrdinalIgnoreCase))
            {
                restored++;
            }
        }

        return restored;
    }

    /// <summary>
    /// Restores each tortured phrase on its own (no sentence around it) and compares with the expected wording after
    /// lower-casing and dropping the curators' notes in brackets; "a / b" and "a or b" accept either.
    /// </summary>
    public static TorturedFigures Tortured(string csvPath, SpinAnalyzer analyzer)
    {
        int phrases = 0, exact = 0, changed = 0;
        double wordsRecovered = 0;
        foreach (var (tortured, expected) in ReadTortured(csvPath))
        {
            phrases++;
            var restored = Normalise(analyzer.Restore(tortured));
            if (restored != Normalise(tortured))
            {
                changed++;
            }

            var alternatives = Alternatives(expected);
            if (alternatives.Contains(restored))
            {
                exact++;
            }

            var best = 0.0;
            var restoredWords = restored.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var torturedWords = Normalise(tortured).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var alternative in alternatives)
            {
                // Of the expected words the spinner had changed, how many are back.
                var wanted = alternative.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Where(w => !torturedWords.Contains(w)).ToArray();
                if (wanted.Length > 0)
                {
                    best = Math.Max(best, (double)wanted.Count(restoredWords.Contains) / wanted.Length);
                }
            }

            wordsRecovered += best;
        }

        return new TorturedFigures(phrases, exact, changed, phrases == 0 ? 0 : wordsRecovered / phrases);
    }

    /// <summary>The first quoted phrase and the expected wording of each row of the PPS export.</summary>
    public static IEnumerable<(string Tortured, string Expected)> ReadTortured(string csvPath)
    {
        var first = true;
        foreach (var row in Csv.ReadRecords(File.ReadAllText(csvPath)))
        {
            if (first)
            {
                first = false;
                continue;
            }

            if (row.Count < 2)
            {
                continue;
            }

            var query = row[0];
            var open = query.IndexOf('"');
            var close = open < 0 ? -1 : query.IndexOf('"', open + 1);
            var phrase = open >= 0 && close > open ? query[(open + 1)..close] : query;
            if (phrase.Length > 0 && row[1].Length > 0)
            {
                yield return (phrase, row[1]);
            }
        }
    }

    private static List<string> Alternatives(string expected)
    {
        var text = new StringBuilder();
        var depth = 0;
        foreach (var c in expected)
        {
            depth += c is '(' or '[' ? 1 : 0;
            if (depth == 0)
            {
                text.Append(c);
            }

            depth -= c is ')' or ']' && depth > 0 ? 1 : 0;
        }

        var result = new List<string>();
        foreach (var part in text.ToString().Replace(" or ", "/", StringComparison.OrdinalIgnoreCase).Split('/', ';'))
        {
            var normal = Normalise(part);
            if (normal.Length > 0)
            {
                result.Add(normal);
            }
        }

        return result;
    }

    private static string Normalise(string text)
    {
        var words = Parallax.Core.Language.WordTokenizer.LowerWords(text);
        return string.Join(' ', words);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    /// <summary>The command that reproduces the figures on its own.</summary>
    public const string ReproduceCommand =
        "PARALLAX_SPIN_BENCH=full dotnet test tests/Parallax.Bench.Tests -c Release "
        + "--filter \"FullyQualifiedName~SpinBenchmarkTests.Full\" --logger \"console;verbosity=detailed\"";

    /// <summary>
    /// Prints the figures as tables, with the command that reproduces them (<paramref name="reproduce"/>, by default
    /// <see cref="ReproduceCommand"/>; `bench stories` passes its own command line).
    /// </summary>
    public static void Print(SpinFigures figures, IAnsiConsole console, string? reproduce = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(console);
        var inv = CultureInfo.InvariantCulture;
        foreach (var set in figures.Sets)
        {
            var table = new Table().Title($"Spin on spun ECB+ copies, {Markup.Escape(set.Name)} ({set.Articles} articles)");
            table.AddColumns("spin rate", "recall @1% FPR", "recall @shipped", "mean score", "swaps", "restored",
                "restored share", "edit precision");
            foreach (var r in set.Rates)
            {
                table.AddRow(r.Rate.ToString("P0", inv), r.RecallAt1PctFpr.ToString("0.000", inv),
                    r.RecallAtShippedThreshold.ToString("0.000", inv), r.MeanScore.ToString("0.000", inv),
                    r.Swaps.ToString(inv), r.Restored.ToString(inv), r.RestoredShare.ToString("0.000", inv),
                    r.EditPrecision.ToString("0.000", inv));
            }

            table.Caption(Markup.Escape(
                string.Create(inv, $"unspun: threshold at 1% FPR {set.ThresholdAt1PctFpr:0.000}, shipped threshold {figures.ShippedThreshold:0.00} ")
                + string.Create(inv, $"flags {set.FalsePositiveRateAtShipped:P1}, mean score {set.MeanNaturalScore:0.000}, ")
                + string.Create(inv, $"{set.NaturalEdits} edits over {set.NaturalWords} judged words")));
            console.Write(table);
        }

        if (figures.Tortured is { } t)
        {
            console.MarkupLine(Markup.Escape(
                string.Create(inv, $"Tortured phrases (PPS, scientific): {t.RestoredExactly}/{t.Phrases} restored exactly ")
                + string.Create(inv, $"({(double)t.RestoredExactly / Math.Max(1, t.Phrases):P1}); {t.Changed} changed at all; ")
                + string.Create(inv, $"share of the changed expected words recovered {t.ExpectedWordsRecovered:0.000}")));
        }

        if (figures.Screen is { } screen)
        {
            var shares = string.Join(", ", Rates.Select((rate, r) =>
                string.Create(inv, $"{(double)screen.Passed[r + 1] / Math.Max(1, screen.Of[r + 1]):P1} at {rate:P0}")));
            console.MarkupLine(Markup.Escape(
                string.Create(inv, $"Screen: sends {(double)screen.Passed[0] / Math.Max(1, screen.Of[0]):P1} of unspun articles ")
                + $"on to the full reading, {shares} spin; misses {screen.Missed} the full reading calls spun"));
        }

        console.MarkupLine(Markup.Escape(
            string.Create(inv, $"seed {figures.Seed}, {figures.Elapsed.TotalSeconds:0.0}s. Reproduce: ")
            + (reproduce ?? ReproduceCommand)));
    }
}
