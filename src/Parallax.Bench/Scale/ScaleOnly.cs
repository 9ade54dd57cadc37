using System.Diagnostics;
using System.Globalization;
using Parallax.Bench.Stories;
using Parallax.Core.Stories;
using Spectre.Console;

namespace Parallax.Bench.Scale;

/// <summary>
/// `parallax bench stories --scale N,... --scale-only`: the scale runs alone, on the same stream as the full command
/// (built from the ECB+ texts, seed 7) with the shipped story options, so that a change to the session's growth can be
/// measured in minutes rather than after the ten of the ECB+ tuning and study.
/// </summary>
internal static class ScaleOnly
{
    public static async Task<int> RunAsync(int[] scales, bool embeddings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var commandLine = ReproduceLine.Current();
        if (BenchPaths.BenchmarksRoot() is not { } benchmarks)
        {
            await Console.Error.WriteLineAsync("parallax: ../shared/benchmarks not found next to the repository; nothing to measure.");
            return 2;
        }

        var progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var sources = (await BenchData.ReadEcbPlusAsync(benchmarks, cancellationToken)).Select(d => (d.EventCluster, d.Text)).ToList();
        using var model = embeddings ? new Parallax.Embeddings.ArcticEmbedder(threads: 1) : null;
        var runs = new List<ScaleFigures>();
        foreach (var n in scales)
        {
            progress.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Scale: {n:N0} synthetic articles...")));
            var runClock = Stopwatch.StartNew();
            runs.Add(ScaleBenchmark.Run(sources, n, StoryOptions.Default, seed: 7, i =>
            {
                // A long run states its rate and memory as it goes, so that one cut short still says how it grew.
                if (i % 100_000 == 0)
                {
                    var seconds = runClock.Elapsed.TotalSeconds;
                    var workingSet = Environment.WorkingSet / (1024.0 * 1024 * 1024);
                    progress.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                        $"  {i:N0} after {seconds:0} s: {i / seconds:0} articles/s so far, working set {workingSet:0.00} GiB")));
                }
            }, model));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            // Into a file the table's 17 columns would be squeezed to 80 characters, one digit a line.
            console.Profile.Width = 320;
        }

        ScaleTable.Print(runs, console);
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Story options: the shipped defaults{(embeddings ? ", with the embedding cascade" : ", words only")}. Total {clock.Elapsed.TotalSeconds:0} s. Reproduce: {commandLine}")));
        return 0;
    }
}
