using System.Globalization;
using System.Text.Json;
using Parallax.Bench.Extract.Peers;
using Spectre.Console;

namespace Parallax.Bench.Extract;

/// <summary>The Scrapinghub set's figures (its upstream shingle metric), as a table or as JSON.</summary>
internal sealed record BenchExtractReport(string Name, OurRun Ours, IReadOnlyList<(PeerRun Run, MetricSummary? Summary)> Peers, int PageCount) : IExtractReport
{
    public static BenchExtractReport Create(string name, IReadOnlyList<ExtractionCase> cases, OurRun ours, IReadOnlyList<PeerRun> peers) =>
        new(name, ours, peers.Select(run => (run, run.Error is null && run.Texts.Count == cases.Count
            ? ExtractionMetric.Summarize(cases.Select((c, i) => ExtractionMetric.Score(c.Id, c.Truth, run.Texts[i])).ToList())
            : null)).ToList(), cases.Count);

    private double OurSpeed => Ours.PagesPerSecond ?? double.NaN;

    private double? SpeedOf(PeerRun run) => run.PassSeconds.Count == 0 ? null : PageCount / BenchExtractCommand.Median(run.PassSeconds);

    public void Print(int worst)
    {
        // Redirected output gets Spectre's default 80 columns, which wraps the table; a file or pipe has room.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160;
        }

        var s = Ours.Summary;
        Console.WriteLine($"{Name}: {PageCount} pages, first article per page");
        var table = new Table().AddColumns("extractor", "precision", "recall", "F1", "accuracy", "pages/s", "speed ratio", "peak memory");
        table.AddRow("parallax", F(s.Precision), F(s.Recall), F(s.F1), F(s.Accuracy), OurSpeed.ToString("0.0", CultureInfo.InvariantCulture), "1.0", Mb(Ours.PeakMemoryBytes));
        foreach (var (run, summary) in Peers)
        {
            var speed = SpeedOf(run);
            table.AddRow(
                Markup.Escape(run.Name),
                summary is null ? "-" : F(summary.Precision),
                summary is null ? "-" : F(summary.Recall),
                summary is null ? "-" : F(summary.F1),
                summary is null ? "-" : F(summary.Accuracy),
                speed?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-",
                speed is { } v ? (OurSpeed / v).ToString("0.0", CultureInfo.InvariantCulture) + "x slower" : "-",
                run.PeakMemoryBytes is { } m ? Mb(m) : "-");
        }

        AnsiConsole.Write(table);
        foreach (var (run, _) in Peers.Where(p => p.Run.Error is not null))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{run.Name}: {run.Error}[/]");
        }

        Console.WriteLine($"pages: {PageCount}, failed: {Ours.Failures}, split into several articles: {Ours.SeveralArticles} (the first is scored); speed: median of {Ours.PassSeconds.Count} timed passes on one thread after {BenchExtractCommand.WarmUpPasses} untimed warm-up passes, extraction only (pages read and decompressed before timing); pass seconds: {string.Join(", ", Ours.PassSeconds.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"CPU time per pass (process, s): {string.Join(", ", Ours.PassCpuSeconds.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))}; pages per CPU-second (median): {PageCount / BenchExtractCommand.Median(Ours.PassCpuSeconds):0.0}; wall-clock speed drops when other processes load the machine (load average {LoadAverage()}).");
        Console.WriteLine($"peak memory: process peak working set. metric: upstream shingle metric (\\w+ tokens, 4-shingle multisets, F1 of mean precision and mean recall).");
        if (worst > 0)
        {
            Console.WriteLine($"worst {worst} pages by F1:");
            foreach (var page in Worst(worst))
            {
                Console.WriteLine($"  {page.Id}  F1 {page.F1:0.000}  P {page.Precision ?? 0:0.000}  R {page.Recall ?? 0:0.000}  tp {page.TruePositives} fp {page.FalsePositives} fn {page.FalseNegatives}");
            }
        }

    }

    public string ToJson(int worst, string commandLine)
    {
        var s = Ours.Summary;
        var payload = new Dictionary<string, object?>
        {
            ["set"] = Name,
            ["pages"] = PageCount,
            ["failed"] = Ours.Failures,
            ["severalArticles"] = Ours.SeveralArticles,
            ["precision"] = s.Precision,
            ["recall"] = s.Recall,
            ["f1"] = s.F1,
            ["accuracy"] = s.Accuracy,
            ["pagesPerSecond"] = Ours.PagesPerSecond,
            ["passSeconds"] = Ours.PassSeconds,
            ["passCpuSeconds"] = Ours.PassCpuSeconds,
            ["pagesPerCpuSecond"] = Ours.PassCpuSeconds.Count == 0 ? (double?)null : PageCount / BenchExtractCommand.Median(Ours.PassCpuSeconds),
            ["loadAverage"] = LoadAverage(),
            ["peakMemoryBytes"] = Ours.PeakMemoryBytes,
            ["peers"] = Peers.Select(p => new Dictionary<string, object?>
            {
                ["name"] = p.Run.Name,
                ["precision"] = p.Summary?.Precision,
                ["recall"] = p.Summary?.Recall,
                ["f1"] = p.Summary?.F1,
                ["accuracy"] = p.Summary?.Accuracy,
                ["pagesPerSecond"] = SpeedOf(p.Run),
                ["speedRatio"] = SpeedOf(p.Run) is { } v && Ours.PagesPerSecond is { } o ? o / v : null,
                ["passSeconds"] = p.Run.PassSeconds,
                ["peakMemoryBytes"] = p.Run.PeakMemoryBytes,
                ["error"] = p.Run.Error,
            }).ToList(),
            ["worst"] = Worst(worst).Select(p => new Dictionary<string, object?> { ["id"] = p.Id, ["f1"] = p.F1, ["precision"] = p.Precision, ["recall"] = p.Recall }).ToList(),
            ["command"] = commandLine,
        };
        return JsonSerializer.Serialize(payload, new JsonSerializerOptions { WriteIndented = true });
    }

    private IEnumerable<PageScore> Worst(int count) => Ours.Pages.OrderBy(p => p.F1).ThenBy(p => p.Id, StringComparer.Ordinal).Take(count);

    /// <summary>The one-minute load average where the system reports it (Linux), else "n/a".</summary>
    internal static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    internal static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    internal static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture) + " MB";
}
