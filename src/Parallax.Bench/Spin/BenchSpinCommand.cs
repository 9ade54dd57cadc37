using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parallax.Bench.Extract;
using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;
using Parallax.Core.Spin;
using Spectre.Console;

namespace Parallax.Bench.Spin;

/// <summary>Everything `parallax bench spin` measured.</summary>
internal sealed record BenchSpinReport(
    string Command, SpinBotFigures? SpinBot, ScreenSpeedFigures? Screen, TorturedFigures? Tortured,
    SpinFigures? Synthetic, double Seconds);

/// <summary>
/// `parallax bench spin [--synthetic] [--skip-speed] [--json]`: spin on real spinner output (the SpinBot set, its
/// calibration half and its held-out half), the screen's cost per article on the extraction pages, the PPS tortured
/// phrases restored exactly, and with --synthetic the synthetic spinner's figures on ECB+.
/// </summary>
internal static class BenchSpinCommand
{
    public static Command Create()
    {
        var synthetic = new Option<bool>("--synthetic") { Description = "Also run the synthetic spinner over ECB+ (minutes)." };
        var skipSpeed = new Option<bool>("--skip-speed") { Description = "Skip timing the screen on the extraction pages." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with every figure instead of tables." };
        var command = new Command(
            "spin",
            "Spin on SpinBot output (detection at 1% of ECB+ flagged, restoration with and without the original, linking), " +
            "the screen's cost per article, PPS tortured phrases.")
        {
            synthetic,
            skipSpeed,
            json,
        };
        command.SetAction((result, ct) => RunAsync(
            result.GetValue(synthetic), result.GetValue(skipSpeed), result.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(bool synthetic, bool skipSpeed, bool json, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var benchmarks = BenchPaths.BenchmarksRoot();
        if (benchmarks is null)
        {
            await Console.Error.WriteLineAsync("parallax-bench spin: ../shared/benchmarks not found beside the checkout.");
            return 1;
        }

        // The screen is timed first, in a fresh process state, so its cold pass is cold.
        ScreenSpeedFigures? screen = null;
        var pagesDir = ExtractionBenchData.DefaultDir();
        if (!skipSpeed && pagesDir is not null && Directory.Exists(pagesDir))
        {
            var cases = await ExtractionBenchData.LoadAsync(pagesDir, ct);
            screen = ScreenSpeed.Run([.. cases.Select(c => new PageInput(c.Id, PageFormat.Html, c.Bytes, null, c.Url))]);
        }

        var pipeline = new ParallaxPipelineBuilder().Build();
        SpinBotFigures? spinBot = null;
        var pairs = SpinBenchmarkData.Locate(SpinBotData.PairsPath);
        var ecb = SpinBenchmarkData.Locate(SpinBenchmarkData.EcbPlusPath);
        if (pairs is not null && ecb is not null)
        {
            var documents = await SpinBotData.LoadAsync(pairs, ct);
            var news = (await SpinBenchmarkData.LoadEcbPlusAsync(ecb, ct)).Select(d => d.Text).ToList();
            spinBot = SpinBotBenchmark.Run(documents, news, pipeline, ct);
        }
        else
        {
            await Console.Error.WriteLineAsync("parallax-bench spin: the SpinBot pairs or ECB+ are missing; SpinBot figures skipped.");
        }

        var torturedPath = SpinBenchmarkData.Locate(SpinBenchmarkData.TorturedPath);
        var tortured = torturedPath is null ? null : SpinBenchmark.Tortured(torturedPath, pipeline.Spin);
        var syntheticFigures = synthetic ? await SpinBenchmark.RunAsync(ct) : null;
        var report = new BenchSpinReport(ReproduceLine.Current(), spinBot, screen, tortured, syntheticFigures, watch.Elapsed.TotalSeconds);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        }
        else
        {
            // Piped to a file, lines are kept whole (Spectre would wrap them at 80 columns).
            var console = AnsiConsole.Console;
            if (Console.IsOutputRedirected)
            {
                console.Profile.Width = 100_000;
            }

            Print(report, console);
        }

        return 0;
    }

    private static void Print(BenchSpinReport report, IAnsiConsole console)
    {
        var inv = CultureInfo.InvariantCulture;
        if (report.SpinBot is { } bot)
        {
            // One line per set rather than a table: the figures stay whole in a narrow terminal and in a log.
            console.MarkupLine("[bold]Spin on SpinBot output[/] (Wikipedia; calibration d000-d015, held out d016-d031, fixed before tuning)");
            foreach (var s in bot.Sets)
            {
                console.MarkupLine(Markup.Escape(string.Create(inv, $"  {s.Set} ({s.Documents} documents): ")
                    + string.Create(inv, $"flagged {s.FlaggedShare:0.000} ({s.Flagged}) at 1% of ECB+, originals flagged {s.OriginalsFlagged}, ")
                    + string.Create(inv, $"{s.FlaggedShipped} at the shipped threshold; median score spun {s.MedianSpun:0.000}, original {s.MedianOriginal:0.000}; ")
                    + string.Create(inv, $"restored without the original {s.Unlinked.Share:0.000} ({s.Unlinked.Restored}/{s.Unlinked.Substitutions}); ")
                    + string.Create(inv, $"linked {s.LinkedShare:0.000} ({s.Linked}); ")
                    + string.Create(inv, $"restored when linked {s.WhenLinked.Share:0.000} ({s.WhenLinked.Restored}/{s.WhenLinked.Substitutions})")));
            }

            console.MarkupLine(Markup.Escape(string.Create(inv,
                $"  threshold {bot.Threshold:0.000} flags {bot.EcbFlagged} of {bot.EcbArticles} ECB+ articles; shipped threshold {bot.ShippedThreshold:0.00}; ")
                + string.Create(inv, $"{bot.EcbSpunLinks} ECB+ articles linked as spun copies of another")));
            foreach (var line in bot.NotLinked)
            {
                console.MarkupLine(Markup.Escape("  not linked: " + line));
            }
        }

        if (report.Screen is { } s2)
        {
            console.MarkupLine(Markup.Escape(string.Create(inv,
                $"Screen over {s2.Articles} articles of the extraction pages, one thread: cold median {s2.ColdMedian:0.00} ms (p90 {s2.ColdP90:0.00}), ")
                + string.Create(inv, $"warm median {s2.WarmMedian:0.00} ms (p90 {s2.WarmP90:0.00}); word data loaded in {s2.LoadMilliseconds:0} ms; ")
                + string.Create(inv, $"{s2.Passed} sent on to the full reading")));
        }

        if (report.Tortured is { } t)
        {
            console.MarkupLine(Markup.Escape(string.Create(inv,
                $"Tortured phrases (PPS; a test, never a dictionary): {t.RestoredExactly} of {t.Phrases} restored exactly, {t.Changed} changed at all")));
        }

        if (report.Synthetic is { } synthetic)
        {
            SpinBenchmark.Print(synthetic, console, report.Command);
        }

        console.MarkupLine(Markup.Escape(string.Create(inv, $"{report.Seconds:0.0}s. Reproduce: {report.Command}")));
    }
}
