using Parallax.App.Bench.Spin;
using Parallax.Core.Spin;
using Xunit.Abstractions;

namespace Parallax.App.Tests.Bench.Spin;

/// <summary>Error analysis of the restorer on the calibration split (topics 1-22); runs with PARALLAX_SPIN_BENCH=diag.</summary>
public sealed class SpinDiagnosticsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Calibration_split_error_analysis()
    {
        if (Environment.GetEnvironmentVariable("PARALLAX_SPIN_BENCH") != "diag")
        {
            output.WriteLine("Set PARALLAX_SPIN_BENCH=diag to print the restorer's error analysis.");
            return;
        }

        var path = SpinBenchmarkData.Locate(SpinBenchmarkData.EcbPlusPath, SourceFolder());
        Assert.NotNull(path);
        var documents = (await SpinBenchmarkData.LoadEcbPlusAsync(path, CancellationToken.None)).Where(d => d.Topic <= 22).Where((_, i) => i % 4 == 0).ToList();
        var spinner = new SyntheticSpinner(Thesaurus.Default, 1);
        var v = (Environment.GetEnvironmentVariable("PARALLAX_SPIN_GRID") ?? "0.3:1:100").Split(':').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var analyzer = new SpinAnalyzer(Thesaurus.Default, new SpinOptions(RestorePrior: v[0], ChannelWeight: v[1], Smoothing: v[2]));
        int kept = 0, wrong = 0, right = 0, total = 0;
        var samples = new List<string>();
        foreach (var document in documents)
        {
            var spun = spinner.Spin(document.Text, 0.3);
            var edits = analyzer.Read(spun.Text).Edits;
            foreach (var swap in spun.Swaps)
            {
                total++;
                var edit = edits.FirstOrDefault(e => e.Start == swap.SpunStart);
                var before = spun.Text[Math.Max(0, swap.SpunStart - 20)..swap.SpunStart].Replace('\n', ' ');
                var after = spun.Text[(swap.SpunStart + swap.Replacement.Length)..Math.Min(spun.Text.Length, swap.SpunStart + swap.Replacement.Length + 20)].Replace('\n', ' ');
                if (edit is null)
                {
                    kept++;
                    if (samples.Count < 400)
                    {
                        samples.Add($"KEPT  {swap.Original} -> {swap.Replacement}   [{before}|{after}]");
                    }
                }
                else if (string.Equals(edit.Replacement, swap.Original, StringComparison.OrdinalIgnoreCase))
                {
                    right++;
                }
                else
                {
                    wrong++;
                    if (samples.Count < 400)
                    {
                        samples.Add($"WRONG {swap.Original} -> {swap.Replacement} -> {edit.Replacement} ({edit.Probability:0.00})   [{before}|{after}]");
                    }
                }
            }
        }

        output.WriteLine($"swaps {total}: right {right}, wrong {wrong}, kept {kept}");
        foreach (var s in samples)
        {
            output.WriteLine(s);
        }
    }

    [Fact]
    public async Task Calibration_split_grid()
    {
        if (Environment.GetEnvironmentVariable("PARALLAX_SPIN_BENCH") != "grid")
        {
            output.WriteLine("Set PARALLAX_SPIN_BENCH=grid to search the analyser's constants on topics 1-22.");
            return;
        }

        var path = SpinBenchmarkData.Locate(SpinBenchmarkData.EcbPlusPath, SourceFolder());
        Assert.NotNull(path);
        var documents = (await SpinBenchmarkData.LoadEcbPlusAsync(path, CancellationToken.None)).Where(d => d.Topic <= 22).Where((_, i) => i % 3 == 0).ToList();
        var spinner = new SyntheticSpinner(Thesaurus.Default, 1);
        var spun = documents.Select(d => spinner.Spin(d.Text, 0.3)).ToList();
        var grid = Environment.GetEnvironmentVariable("PARALLAX_SPIN_GRID") ?? "0.3:1:100";
        foreach (var cell in grid.Split(' '))
        {
            var v = cell.Split(':').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var analyzer = new SpinAnalyzer(Thesaurus.Default, new SpinOptions(RestorePrior: v[0], ChannelWeight: v[1], Smoothing: v[2], SenseWeight: v.Length > 3 ? v[3] : 0, DocumentWeight: v.Length > 4 ? v[4] : 0.3));
            int swaps = 0, restored = 0, naturalEdits = 0, naturalWords = 0;
            for (var k = 0; k < documents.Count; k++)
            {
                var edits = analyzer.Read(spun[k].Text).Edits;
                swaps += spun[k].Swaps.Count;
                restored += spun[k].Swaps.Count(s => edits.Any(e => e.Start == s.SpunStart && string.Equals(e.Replacement, s.Original, StringComparison.OrdinalIgnoreCase)));
                var natural = analyzer.Read(documents[k].Text);
                naturalEdits += natural.Edits.Count;
                naturalWords += natural.JudgedWords;
            }

            output.WriteLine($"{cell}: restored {(double)restored / swaps:0.000} natural edits/word {(double)naturalEdits / naturalWords:0.000}");
        }
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? "";
}
