using Parallax.Bench.Spin;
using Spectre.Console;
using Xunit.Abstractions;

namespace Parallax.Bench.Tests.Spin;

public sealed class SpinBenchmarkTests(ITestOutputHelper output)
{
    [SharedDataFact("benchmarks/story-clustering/ecbplus")]
    public async Task Sample_run_gives_sane_figures()
    {
        var figures = await SpinBenchmark.RunAsync(CancellationToken.None, sample: 20, repoHint: SourceFolder());
        if (figures is null)
        {
            output.WriteLine("../shared/benchmarks not found: nothing to measure.");
            return;
        }

        Print(figures);
        var all = figures.Sets[^1];
        Assert.Equal(3, all.Rates.Count);
        foreach (var rate in all.Rates)
        {
            Assert.InRange(rate.RestoredShare, 0.3, 1.0);
            Assert.InRange(rate.RecallAt1PctFpr, 0.0, 1.0);
        }

        // More spin is easier to see, and at 30% most spun copies stand out from every natural article.
        Assert.True(all.Rates[2].MeanScore > all.Rates[0].MeanScore);
        Assert.True(all.Rates[0].MeanScore > all.MeanNaturalScore);
        Assert.True(all.Rates[1].RecallAt1PctFpr >= 0.7, $"recall at 30%: {all.Rates[1].RecallAt1PctFpr}");
        Assert.True(all.Rates[1].RestoredShare >= 0.5, $"restored at 30%: {all.Rates[1].RestoredShare}");
        Assert.NotNull(figures.Tortured);
        Assert.True(figures.Tortured.Phrases > 7000);
    }

    [SharedDataFact("benchmarks/story-clustering/ecbplus")]
    public async Task Full()
    {
        if (Environment.GetEnvironmentVariable("PARALLAX_SPIN_BENCH") != "full")
        {
            output.WriteLine("Set PARALLAX_SPIN_BENCH=full to run the whole spin benchmark.");
            return;
        }

        var figures = await SpinBenchmark.RunAsync(CancellationToken.None, repoHint: SourceFolder());
        Assert.NotNull(figures);
        Print(figures);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? "";

    private void Print(SpinFigures figures)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 160;
        SpinBenchmark.Print(figures, console);
        output.WriteLine(writer.ToString());
    }
}
