using System.Diagnostics;
using System.Globalization;
using Parallax.Bench.Extract;
using Parallax.Bench.Spin;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;
using Parallax.Core.Spin;
using Xunit.Abstractions;

namespace Parallax.Bench.Tests.Spin;

/// <summary>
/// Printouts for the spin screen, not assertions. PARALLAX_SPIN_BENCH=screen: on the calibration split (ECB+ topics
/// 1-22; the report split after it, for the record) how the screen's score relates to the full score, and which
/// screen thresholds would lose an article the full detector flags. PARALLAX_SPIN_BENCH=timing: median milliseconds per
/// article of the screen and of the full reading over the texts the pipeline extracts from the 181 extraction pages.
/// </summary>
public sealed class SpinScreenBenchTests(ITestOutputHelper output)
{
    private static readonly double[] Thresholds = [0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24];

    [Fact]
    public async Task Screen_against_the_full_detector()
    {
        if (Environment.GetEnvironmentVariable("PARALLAX_SPIN_BENCH") != "screen")
        {
            output.WriteLine("Set PARALLAX_SPIN_BENCH=screen to print the screen's calibration.");
            return;
        }

        var path = SpinBenchmarkData.Locate(SpinBenchmarkData.EcbPlusPath, SourceFolder());
        Assert.NotNull(path);
        var documents = await SpinBenchmarkData.LoadEcbPlusAsync(path, CancellationToken.None);
        var analyzer = SpinAnalyzer.CreateDefault();
        foreach (var (name, keep) in new (string, Func<int, bool>)[] { ("calibration 1-22", t => t <= 22), ("report 23-45", t => t >= 23) })
        {
            var spinner = new SyntheticSpinner(Thesaurus.Default, 1);
            var rows = new List<(string Kind, double Screen, double Full)>();
            foreach (var document in documents.Where(d => keep(d.Topic)))
            {
                rows.Add(("unspun", analyzer.Screen(document.Text).Score, analyzer.Read(document.Text).Score));
                foreach (var rate in SpinBenchmark.Rates)
                {
                    var spun = spinner.Spin(document.Text, rate).Text;
                    rows.Add(($"{rate:0.0}", analyzer.Screen(spun).Score, analyzer.Read(spun).Score));
                }
            }

            var natural = rows.Where(r => r.Kind == "unspun").Select(r => r.Full).ToList();
            var at1 = SpinBenchmark.ThresholdForFalsePositiveRate(natural, 0.01);
            output.WriteLine($"== {name}: threshold at 1% FPR {at1:0.000}, shipped {analyzer.Options.SpunThreshold}");
            foreach (var kind in new[] { "unspun", "0.1", "0.3", "0.5" })
            {
                var set = rows.Where(r => r.Kind == kind).ToList();
                var flagged = set.Where(r => r.Full > at1 - 0.03).ToList();
                var line = $"{kind,-6} n={set.Count} full>{at1 - 0.03:0.000}: {flagged.Count}, min screen among them "
                    + $"{(flagged.Count == 0 ? double.NaN : flagged.Min(r => r.Screen)):0.000}; lost/pass share by screen threshold:";
                foreach (var t in Thresholds)
                {
                    line += string.Create(CultureInfo.InvariantCulture,
                        $" {t:0.00}:{flagged.Count(r => r.Screen < t)}/{(double)set.Count(r => r.Screen >= t) / set.Count:0.00}");
                }

                output.WriteLine(line);
            }
        }
    }

    [Fact]
    public async Task Timing_on_the_extraction_pages()
    {
        if (Environment.GetEnvironmentVariable("PARALLAX_SPIN_BENCH") != "timing")
        {
            output.WriteLine("Set PARALLAX_SPIN_BENCH=timing to print the screen's and the full reading's speed.");
            return;
        }

        var dir = Path.GetFullPath(Path.Combine(SourceFolder(), "../../../..", ExtractionBenchData.DefaultRelativeDir));
        var cases = await ExtractionBenchData.LoadAsync(dir, CancellationToken.None);
        var extractor = new HtmlExtractor();
        var texts = cases.Select(c => string.Join("\n\n", extractor.Extract(
            new PageInput(c.Id, PageFormat.Html, c.Bytes, null, c.Url)).Articles.Select(a => a.Text))).ToList();
        var analyzer = SpinAnalyzer.CreateDefault();
        var watch = Stopwatch.StartNew();
        var first = analyzer.Screen("The mayor said the road would open.");
        output.WriteLine($"first screen (loads the base resources): {watch.Elapsed.TotalMilliseconds:0} ms");
        watch.Restart();
        analyzer.Read("The mayor said the road would open.");
        output.WriteLine($"first full reading (loads the trigram model and vectors): {watch.Elapsed.TotalMilliseconds:0} ms");
        foreach (var text in texts)
        {
            analyzer.Read(text); // warm the memos, as a long-running pipeline has them
        }

        // Each article is timed a few times and the fastest kept: the machine is shared, and a preempted run says
        // nothing about the code.
        var screen = new List<double>();
        var full = new List<double>();
        var analyze = new List<double>();
        var passed = 0;
        foreach (var text in texts)
        {
            passed += analyzer.Screen(text).Passes ? 1 : 0;
            screen.Add(Fastest(5, () => analyzer.Screen(text)));
            full.Add(Fastest(3, () => analyzer.Read(text)));
            analyze.Add(Fastest(3, () => analyzer.Analyze(text)));
        }

        output.WriteLine($"{texts.Count} pages, {texts.Sum(t => t.Length)} characters, {passed} pass the screen ({first.Passes})");
        output.WriteLine($"screen:  median {Median(screen):0.00} ms, mean {screen.Average():0.00} ms, total {screen.Sum():0} ms");
        output.WriteLine($"full:    median {Median(full):0.00} ms, mean {full.Average():0.00} ms, total {full.Sum():0} ms");
        output.WriteLine($"Analyze: median {Median(analyze):0.00} ms, mean {analyze.Average():0.00} ms, total {analyze.Sum():0} ms");
    }

    private static double Fastest(int runs, Action action)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? "";
}
