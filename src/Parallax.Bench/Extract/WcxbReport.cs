using System.Globalization;
using System.Text.Json;
using Parallax.Bench.Extract.Peers;
using Spectre.Console;

namespace Parallax.Bench.Extract;

/// <summary>
/// The WCXB set's figures with its own metric (word F1, snippet checks, title, author and date accuracy), for us and
/// each peer that ran, over the pages run and, when all were run, over the calibration and held-out halves too.
/// </summary>
internal sealed class WcxbReport : IExtractReport
{
    private readonly string name;
    private readonly OurRun ours;
    private readonly IReadOnlyList<PeerRun> peers;
    private readonly List<Row> rows = [];
    private readonly IReadOnlyList<WordPageScore> ourScores;

    public WcxbReport(string name, IReadOnlyList<ExtractionCase> cases, OurRun ours, IReadOnlyList<PeerRun> peers, bool halves, Func<string, bool> isCalibration)
    {
        this.name = name;
        this.ours = ours;
        this.peers = peers;
        ourScores = cases.Select((c, i) => WordF1Metric.Score(c, ours.Texts[i], ours.Articles[i])).ToList();
        AddRows("parallax", ourScores, halves, isCalibration, ours.PagesPerSecond);
        foreach (var run in peers.Where(r => r.Error is null && r.Texts.Count == cases.Count))
        {
            var scores = cases.Select((c, i) => WordF1Metric.Score(c, run.Texts[i])).ToList();
            AddRows(run.Name, scores, halves, isCalibration, run.PassSeconds.Count == 0 ? null : cases.Count / BenchExtractCommand.Median(run.PassSeconds), metadata: false);
        }
    }

    /// <summary>One line of the table: an extractor over one group of pages.</summary>
    private sealed record Row(string Extractor, string Pages, WordSummary Summary, double? PagesPerSecond, bool Metadata);

    private void AddRows(string extractor, IReadOnlyList<WordPageScore> scores, bool halves, Func<string, bool> isCalibration, double? speed, bool metadata = true)
    {
        rows.Add(new Row(extractor, halves ? "all" : "run", WordF1Metric.Summarize(scores), speed, metadata));
        if (halves)
        {
            rows.Add(new Row(extractor, "calibration", WordF1Metric.Summarize(scores.Where(s => isCalibration(s.Id)).ToList()), null, metadata));
            rows.Add(new Row(extractor, "held-out", WordF1Metric.Summarize(scores.Where(s => !isCalibration(s.Id)).ToList()), null, metadata));
        }
    }

    public void Print(int worst)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 180;
        }

        Console.WriteLine($"{name}: {ourScores.Count} pages, first article per page; word F1 as WCXB defines it (published: rs-trafilatura 0.932, trafilatura 0.926, Readability 0.825)");
        var table = new Table().AddColumns("extractor", "pages", "n", "precision", "recall", "F1", "with kept", "without avoided", "title", "author", "date", "pages/s");
        foreach (var row in rows)
        {
            var s = row.Summary;
            table.AddRow(
                Markup.Escape(row.Extractor), row.Pages, s.Pages.ToString(CultureInfo.InvariantCulture), F(s.Precision), F(s.Recall), F(s.F1), F(s.WithKept), F(s.WithoutAvoided),
                row.Metadata ? F(s.TitleAccuracy) : "-", row.Metadata ? F(s.AuthorAccuracy) : "-", row.Metadata ? F(s.DateAccuracy) : "-",
                row.PagesPerSecond?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-");
        }

        AnsiConsole.Write(table);
        foreach (var run in peers.Where(p => p.Error is not null))
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{run.Name}: {run.Error}[/]");
        }

        Console.WriteLine($"failed: {ours.Failures}, split into several articles: {ours.SeveralArticles}; halves fixed by page id (SHA-256 of the id, first byte below 128 is calibration); metadata accuracy over pages whose truth has the field; peers' metadata not compared.");
        if (ours.PassSeconds.Count > 0)
        {
            Console.WriteLine($"speed: median of {ours.PassSeconds.Count} timed passes on one thread after {BenchExtractCommand.WarmUpPasses} untimed warm-up passes (load average {BenchExtractReport.LoadAverage()}); pages per CPU-second (median): {ourScores.Count / BenchExtractCommand.Median(ours.PassCpuSeconds):0.0}; peak memory {BenchExtractReport.Mb(ours.PeakMemoryBytes)}");
        }

        if (worst > 0)
        {
            Console.WriteLine($"worst {worst} pages by word F1:");
            foreach (var page in Worst(worst))
            {
                Console.WriteLine($"  {page.Id}  F1 {page.F1:0.000}  P {page.Precision:0.000}  R {page.Recall:0.000}  tokens {page.Predicted}/{page.Reference}  with {page.WithFound}/{page.WithCount}");
            }
        }
    }

    public string ToJson(int worst, string commandLine)
    {
        var payload = new Dictionary<string, object?>
        {
            ["set"] = name,
            ["pages"] = ourScores.Count,
            ["failed"] = ours.Failures,
            ["rows"] = rows.Select(r => new Dictionary<string, object?>
            {
                ["extractor"] = r.Extractor,
                ["pages"] = r.Pages,
                ["n"] = r.Summary.Pages,
                ["precision"] = r.Summary.Precision,
                ["recall"] = r.Summary.Recall,
                ["f1"] = r.Summary.F1,
                ["withKept"] = r.Summary.WithKept,
                ["withoutAvoided"] = r.Summary.WithoutAvoided,
                ["titleAccuracy"] = r.Metadata ? r.Summary.TitleAccuracy : null,
                ["authorAccuracy"] = r.Metadata ? r.Summary.AuthorAccuracy : null,
                ["dateAccuracy"] = r.Metadata ? r.Summary.DateAccuracy : null,
                ["pagesPerSecond"] = r.PagesPerSecond,
            }).ToList(),
            ["passSeconds"] = ours.PassSeconds,
            ["peakMemoryBytes"] = ours.PeakMemoryBytes,
            ["peerErrors"] = peers.Where(p => p.Error is not null).Select(p => new { name = p.Name, error = p.Error }).ToList(),
            ["worst"] = Worst(worst).Select(p => new Dictionary<string, object?> { ["id"] = p.Id, ["f1"] = p.F1, ["precision"] = p.Precision, ["recall"] = p.Recall }).ToList(),
            ["command"] = commandLine,
        };
        return JsonSerializer.Serialize(payload, new JsonSerializerOptions { WriteIndented = true });
    }

    private IEnumerable<WordPageScore> Worst(int count) => ourScores.OrderBy(p => p.F1).ThenBy(p => p.Id, StringComparer.Ordinal).Take(count);

    private static string F(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-";
}
