using Parallax.Bench.Spin;
using Parallax.Core.Spin;
using Xunit.Abstractions;

namespace Parallax.Bench.Tests.Spin;

/// <summary>
/// Where the restorer goes wrong, on the calibration split only (ECB+ topics 1-22) at 30% spin: a breakdown of the
/// swaps by outcome and a sample of each error class. Runs only with PARALLAX_SPIN_BENCH=diag.
/// </summary>
public sealed class SpinDiagnosticsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Diagnose()
    {
        if (Environment.GetEnvironmentVariable("PARALLAX_SPIN_BENCH") != "diag")
        {
            output.WriteLine("Set PARALLAX_SPIN_BENCH=diag to print the calibration split's error classes.");
            return;
        }

        var path = SpinBenchmarkData.Locate(SpinBenchmarkData.EcbPlusPath, SourceFolder());
        Assert.NotNull(path);
        var documents = await SpinBenchmarkData.LoadEcbPlusAsync(path, CancellationToken.None);
        var analyzer = new SpinAnalyzer(Thesaurus.Default, OptionsFromEnvironment());
        Summary(documents, analyzer);
        if (Environment.GetEnvironmentVariable("PARALLAX_SPIN_DIAG_SAMPLES") is null)
        {
            return;
        }

        var spinner = new SyntheticSpinner(Thesaurus.Default, 1);
        var classes = new Dictionary<string, List<string>>();
        var falseEdits = new List<string>();
        var n = 0;
        foreach (var document in documents)
        {
            if (document.Topic > 22 || n++ % 2 != 0)
            {
                continue;
            }

            var spun = spinner.Spin(document.Text, 0.3);
            var reading = analyzer.Read(spun.Text);
            var edits = reading.Edits.ToDictionary(e => e.Start);
            var swapStarts = new HashSet<int>();
            foreach (var swap in spun.Swaps)
            {
                swapStarts.Add(swap.SpunStart);
                string cls;
                var context = Around(spun.Text, swap.SpunStart, swap.Replacement.Length);
                var detail = $"{swap.Original} -> {swap.Replacement}";
                if (edits.TryGetValue(swap.SpunStart, out var edit))
                {
                    if (edit.Length != swap.Replacement.Length)
                    {
                        cls = "edit with other span";
                    }
                    else if (string.Equals(edit.Replacement, swap.Original, StringComparison.OrdinalIgnoreCase))
                    {
                        cls = "restored";
                    }
                    else
                    {
                        cls = "wrong candidate";
                    }

                    detail += $" => {edit.Replacement} ({edit.Probability:0.00})";
                }
                else
                {
                    var alternatives = analyzer.Alternatives(spun.Text[swap.SpunStart..]);
                    cls = alternatives.Any(a => string.Equals(a, swap.Original, StringComparison.OrdinalIgnoreCase))
                        ? "missed (original among candidates)" : "missed (original not a candidate)";
                }

                if (cls != "restored" && System.Text.RegularExpressions.Regex.Matches(spun.Text, $@"\b{System.Text.RegularExpressions.Regex.Escape(swap.Original)}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Count > 0)
                {
                    cls += " (original form elsewhere)";
                }

                if (!classes.TryGetValue(cls, out var list))
                {
                    classes[cls] = list = [];
                }

                list.Add(detail + "   | " + context);
            }

            foreach (var edit in reading.Edits)
            {
                if (!swapStarts.Contains(edit.Start))
                {
                    falseEdits.Add($"{edit.Original} => {edit.Replacement} ({edit.Probability:0.00})   | "
                        + Around(spun.Text, edit.Start, edit.Length));
                }
            }
        }

        var total = classes.Values.Sum(l => l.Count);
        foreach (var (cls, list) in classes.OrderByDescending(kv => kv.Value.Count))
        {
            output.WriteLine($"== {cls}: {list.Count} ({(double)list.Count / total:P1})");
            for (var i = 0; i < list.Count; i += Math.Max(1, list.Count / 25))
            {
                output.WriteLine("   " + list[i]);
            }
        }

        output.WriteLine($"== edits on unswapped words: {falseEdits.Count}");
        for (var i = 0; i < falseEdits.Count; i += Math.Max(1, falseEdits.Count / 30))
        {
            output.WriteLine("   " + falseEdits[i]);
        }
    }

    // Restored share and edit precision at 10% and 30%, and edits per judged word on the unspun articles, over the
    // whole calibration split.
    private void Summary(IReadOnlyList<SpinBenchDocument> documents, SpinAnalyzer analyzer)
    {
        int naturalEdits = 0, naturalWords = 0;
        var scores = new List<double>();
        var spunScores = new List<double>();
        foreach (var document in documents)
        {
            if (document.Topic <= 22)
            {
                var reading = analyzer.Read(document.Text);
                naturalEdits += reading.Edits.Count;
                naturalWords += reading.JudgedWords;
                scores.Add(reading.Score);
            }
        }

        var threshold = SpinBenchmark.ThresholdForFalsePositiveRate(scores, 0.01);
        var rates = (Environment.GetEnvironmentVariable("PARALLAX_SPIN_DIAG_RATES") ?? "0.1,0.3,0.5").Split(',')
            .Select(r => double.Parse(r, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var rate in rates)
        {
            var spinner = new SyntheticSpinner(Thesaurus.Default, 1);
            int swaps = 0, restored = 0, edits = 0, detected = 0, articles = 0;
            foreach (var document in documents)
            {
                if (document.Topic > 22)
                {
                    continue;
                }

                var spun = spinner.Spin(document.Text, rate);
                var reading = analyzer.Read(spun.Text);
                var byStart = reading.Edits.ToDictionary(e => e.Start);
                swaps += spun.Swaps.Count;
                edits += reading.Edits.Count;
                articles++;
                detected += reading.Score > threshold ? 1 : 0;
                foreach (var swap in spun.Swaps)
                {
                    if (byStart.TryGetValue(swap.SpunStart, out var e) && e.Length == swap.Replacement.Length
                        && string.Equals(e.Replacement, swap.Original, StringComparison.OrdinalIgnoreCase))
                    {
                        restored++;
                    }
                }
            }

            output.WriteLine($"rate {rate:0.0}: recall@1%FPR {(double)detected / articles:0.000} restored {(double)restored / swaps:0.000} precision {(double)restored / Math.Max(1, edits):0.000}");
        }

        output.WriteLine($"natural: edits {(double)naturalEdits / Math.Max(1, naturalWords):0.000} of judged words; threshold@1% {threshold:0.000}");
    }

    // SpinOptions from PARALLAX_SPIN_OPTS ("Name=value;Name=value"), for calibration runs.
    private static SpinOptions OptionsFromEnvironment()
    {
        var options = SpinOptions.Default with { };
        foreach (var pair in (Environment.GetEnvironmentVariable("PARALLAX_SPIN_OPTS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            var property = typeof(SpinOptions).GetProperty(parts[0].Trim())
                ?? throw new ArgumentException($"no option {parts[0]}");
            property.SetValue(options, Convert.ChangeType(parts[1], property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        }

        return options;
    }

    private static string Around(string text, int start, int length)
    {
        var from = Math.Max(0, start - 30);
        var to = Math.Min(text.Length, start + length + 30);
        return (text[from..start] + "[" + text[start..(start + length)] + "]" + text[(start + length)..to])
            .Replace('\n', ' ');
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? "";
}
