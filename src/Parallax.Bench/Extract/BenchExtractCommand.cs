using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parallax.Bench.Extract.Peers;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;
using Spectre.Console;

namespace Parallax.Bench.Extract;

/// <summary>
/// `parallax bench extract [DIR] [--peers] [--passes N] [--worst N] [--json]`: the article-extraction benchmark
/// with the upstream metric, our speed on one thread (median of the timed passes, after untimed warm-up passes, the first
/// of which gives the texts scored), peak memory, and the peers' figures on the same pages in the same invocation.
/// </summary>
internal static class BenchExtractCommand
{
    /// <summary>Untimed passes before the timed ones; the first also gives the texts that are scored.</summary>
    public const int WarmUpPasses = 4;

    public static Command Create()
    {
        var dir = new Argument<string?>("DIR") { Description = $"Benchmark folder (ground-truth.json and html/ID.html.gz). Default: {ExtractionBenchData.DefaultRelativeDir} from the repository root.", Arity = ArgumentArity.ZeroOrOne };
        var peers = new Option<bool>("--peers") { Description = "Also run the peer extractors (Readability.js with jsdom, SmartReader) on the same pages and compare." };
        var passes = new Option<int>("--passes") { Description = "Timed passes over all pages (the median is reported; at least 3).", DefaultValueFactory = _ => 5 };
        var worst = new Option<int>("--worst") { Description = "List the N pages with the lowest F1, for tuning.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var subset = new Option<string>("--subset") { Description = "Which pages: all (default), tune (ids starting 0-7, the half used for tuning) or holdout (ids starting 8-f).", DefaultValueFactory = _ => "all" };
        subset.AcceptOnlyFromAmong("all", "tune", "holdout");
        var save = new Option<string?>("--save") { Description = "Also write our texts to this file as JSON in the upstream prediction format ({id: {\"articleBody\": text}}), for checking with the upstream evaluation script." };
        var show = new Option<string?>("--show") { Description = "Print what we extract from the page with this id (or id prefix), beside its expected text, and stop." };
        var command = new Command("extract", "Article extraction benchmark: precision, recall, F1, accuracy, pages/second and peak memory, with peers for comparison.")
        {
            dir, peers, passes, worst, json, show, save, subset,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new BenchExtractOptions(result.GetValue(dir), result.GetValue(peers), result.GetValue(passes), result.GetValue(worst), result.GetValue(json), result.GetValue(show), result.GetValue(save), result.GetValue(subset) ?? "all"),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(BenchExtractOptions options, CancellationToken cancellationToken)
    {
        var dir = options.Dir ?? ExtractionBenchData.DefaultDir();
        if (dir is null || !File.Exists(Path.Combine(dir, "ground-truth.json")))
        {
            await Console.Error.WriteLineAsync($"parallax: benchmark not found at {dir ?? ExtractionBenchData.DefaultRelativeDir} (expected ground-truth.json and html/); nothing to measure.");
            return 2;
        }

        if (options.Passes < 3)
        {
            await Console.Error.WriteLineAsync("parallax: --passes must be at least 3 (the speed is a median).");
            return 2;
        }

        var cases = ExtractionBenchData.Subset(await ExtractionBenchData.LoadAsync(dir, cancellationToken), options.Subset);
        if (cases.Count == 0)
        {
            await Console.Error.WriteLineAsync($"parallax: no pages under {dir}.");
            return 2;
        }

        if (options.Show is { } id)
        {
            return Show(cases, id);
        }

        var progress = BenchProgress.ToStandardError();
        progress.Step($"Parallax: extracting {cases.Count} pages, {WarmUpPasses} untimed and {options.Passes} timed passes on one thread");
        var ours = RunOurs(cases, options.Passes, cancellationToken);
        if (options.Save is { } savePath)
        {
            var predictions = new SortedDictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            for (var i = 0; i < cases.Count; i++)
            {
                predictions[cases[i].Id] = new Dictionary<string, string> { ["articleBody"] = ours.Texts[i] };
            }

            await File.WriteAllTextAsync(savePath, JsonSerializer.Serialize(predictions, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        }

        var peerRuns = new List<(PeerRun Run, MetricSummary? Summary)>();
        if (options.Peers)
        {
            progress.Step($"Peers: Readability.js and SmartReader, {options.Passes} passes each (Readability.js takes minutes)");
            foreach (var run in await RunPeersAsync(cases, options.Passes, cancellationToken))
            {
                var summary = run.Error is null && run.Texts.Count == cases.Count
                    ? ExtractionMetric.Summarize(cases.Select((c, i) => ExtractionMetric.Score(c.Id, c.Truth, run.Texts[i])).ToList())
                    : null;
                peerRuns.Add((run, summary));
            }
        }

        var report = new BenchExtractReport(ours, peerRuns, ReproduceLine.Current(), cases.Count);
        if (options.Json)
        {
            Console.WriteLine(report.ToJson(options.Worst));
        }
        else
        {
            report.Print(options.Worst);
        }

        return 0;
    }

    private static int Show(IReadOnlyList<ExtractionCase> cases, string id)
    {
        var found = cases.FirstOrDefault(c => c.Id.StartsWith(id, StringComparison.Ordinal));
        if (found is null)
        {
            Console.Error.WriteLine($"parallax: no page with id {id}");
            return 2;
        }

        var extraction = new HtmlExtractor().Extract(new PageInput(found.Id, PageFormat.Html, found.Bytes, null, found.Url));
        var text = string.Join("\n\n", extraction.Articles.Select(a => a.Text));
        var score = ExtractionMetric.Score(found.Id, found.Truth, text);
        Console.WriteLine($"page {found.Id} {found.Url}\nerror: {extraction.Error ?? "none"}; articles: {extraction.Articles.Count}; F1 {score.F1:0.000} P {score.Precision ?? 0:0.000} R {score.Recall ?? 0:0.000}");
        foreach (var article in extraction.Articles)
        {
            Console.WriteLine($"--- title: {article.Title} | source: {article.Source} | url: {article.Url} | published: {article.Published:O} | author: {article.Author} | lang: {article.Language}");
        }

        // Paragraphs on one side only, compared by their word tokens: what we added, and what we missed.
        var truthKey = " " + string.Join(' ', ExtractionMetric.Tokens(found.Truth)) + " ";
        var ourKey = " " + string.Join(' ', ExtractionMetric.Tokens(text)) + " ";
        foreach (var paragraph in text.Split("\n\n"))
        {
            var key = " " + string.Join(' ', ExtractionMetric.Tokens(paragraph)) + " ";
            Console.WriteLine((truthKey.Contains(key, StringComparison.Ordinal) ? "  = " : "  + ") + Cut(paragraph));
        }

        Console.WriteLine("=== expected but missing:");
        foreach (var paragraph in found.Truth.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = " " + string.Join(' ', ExtractionMetric.Tokens(paragraph)) + " ";
            if (!ourKey.Contains(key, StringComparison.Ordinal))
            {
                Console.WriteLine("  - " + Cut(paragraph));
            }
        }

        Console.WriteLine($"=== boilerplate blocks: {extraction.Boilerplate.Count}");
        foreach (var block in extraction.Boilerplate)
        {
            Console.WriteLine("  | " + Cut(block));
        }

        return 0;
    }

    private static string Cut(string text) => text.Length > 160 ? text[..160] + "..." : text;

    /// <summary>Warm-up passes (the first gives the texts scored), then the timed passes, all on this one thread.</summary>
    private static OurRun RunOurs(IReadOnlyList<ExtractionCase> cases, int passes, CancellationToken cancellationToken)
    {
        var extractor = new HtmlExtractor();
        var inputs = cases.Select(c => new PageInput(c.Id, PageFormat.Html, c.Bytes, null, c.Url)).ToArray();
        var texts = new string[inputs.Length];
        var failures = 0;
        var several = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var extraction = extractor.Extract(inputs[i]);
            texts[i] = string.Join("\n\n", extraction.Articles.Select(a => a.Text));
            if (extraction.Error is not null)
            {
                failures++;
            }

            if (extraction.Articles.Count > 1)
            {
                several++;
            }
        }

        // More untimed passes let tiered compilation and PGO finish optimising the hot paths (ours and the parser's)
        // before timing starts; on this benchmark the time per pass settles after about four passes.
        for (var warm = 1; warm < WarmUpPasses; warm++)
        {
            foreach (var input in inputs)
            {
                extractor.Extract(input);
            }
        }

        var seconds = new List<double>(passes);
        var cpuSeconds = new List<double>(passes);
        var sink = 0;

        // Blocking collections on this thread, so that the pass uses one core and its CPU time is its own.
        var latency = System.Runtime.GCSettings.LatencyMode;
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
        using var self = Process.GetCurrentProcess();
        for (var pass = 0; pass < passes; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            self.Refresh();
            var cpu = self.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var input in inputs)
            {
                sink += extractor.Extract(input).Articles.Count;
            }

            seconds.Add(watch.Elapsed.TotalSeconds);
            self.Refresh();
            cpuSeconds.Add((self.TotalProcessorTime - cpu).TotalSeconds);
        }

        System.Runtime.GCSettings.LatencyMode = latency;
        GC.KeepAlive(sink);
        var scores = cases.Select((c, i) => ExtractionMetric.Score(c.Id, c.Truth, texts[i])).ToList();
        using var process = Process.GetCurrentProcess();
        return new OurRun(ExtractionMetric.Summarize(scores), scores, seconds, process.PeakWorkingSet64, failures, several, cpuSeconds, texts);
    }

    /// <summary>Runs the peers (Readability.js with jsdom, SmartReader) on the same pages; a peer that fails is reported, not thrown.</summary>
    private static async Task<IReadOnlyList<PeerRun>> RunPeersAsync(IReadOnlyList<ExtractionCase> cases, int passes, CancellationToken cancellationToken)
    {
        var root = BenchPaths.RepoRoot() ?? Directory.GetCurrentDirectory();
        var peers = ExtractionPeers.All(root);
        var pages = cases.Select(c => c.ToBenchPage()).ToList();
        var runs = new List<PeerRun>();
        foreach (var peer in peers)
        {
            try
            {
                runs.Add(await peer.RunAsync(pages, passes, cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                runs.Add(new PeerRun(peer.Name, [], [], null, exception.Message));
            }
        }

        return runs;
    }

    internal static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

internal sealed record BenchExtractOptions(string? Dir, bool Peers, int Passes, int Worst, bool Json, string? Show = null, string? Save = null, string Subset = "all");

/// <summary>Our figures: the metric, per-page scores, seconds per timed pass, peak working set, pages that failed.</summary>
internal sealed record OurRun(MetricSummary Summary, IReadOnlyList<PageScore> Pages, IReadOnlyList<double> PassSeconds, long PeakMemoryBytes, int Failures, int SeveralArticles, IReadOnlyList<double> PassCpuSeconds, IReadOnlyList<string> Texts);

/// <summary>Prints the benchmark's figures as a table or as JSON.</summary>
internal sealed record BenchExtractReport(OurRun Ours, IReadOnlyList<(PeerRun Run, MetricSummary? Summary)> Peers, string CommandLine, int PageCount)
{
    private double OurSpeed => PageCount / BenchExtractCommand.Median(Ours.PassSeconds);

    private double? SpeedOf(PeerRun run) => run.PassSeconds.Count == 0 ? null : PageCount / BenchExtractCommand.Median(run.PassSeconds);

    public void Print(int worst)
    {
        // Redirected output gets Spectre's default 80 columns, which wraps the table; a file or pipe has room.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160;
        }

        var s = Ours.Summary;
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

        Console.WriteLine($"pages: {PageCount}, failed: {Ours.Failures}, split into several articles: {Ours.SeveralArticles} (their texts are joined for scoring); speed: median of {Ours.PassSeconds.Count} timed passes on one thread after {BenchExtractCommand.WarmUpPasses} untimed warm-up passes, extraction only (pages read and decompressed before timing); pass seconds: {string.Join(", ", Ours.PassSeconds.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture)))}");
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

        Console.WriteLine($"command: {CommandLine}");
    }

    public string ToJson(int worst)
    {
        var s = Ours.Summary;
        var payload = new Dictionary<string, object?>
        {
            ["pages"] = PageCount,
            ["failed"] = Ours.Failures,
            ["severalArticles"] = Ours.SeveralArticles,
            ["precision"] = s.Precision,
            ["recall"] = s.Recall,
            ["f1"] = s.F1,
            ["accuracy"] = s.Accuracy,
            ["pagesPerSecond"] = OurSpeed,
            ["passSeconds"] = Ours.PassSeconds,
            ["passCpuSeconds"] = Ours.PassCpuSeconds,
            ["pagesPerCpuSecond"] = PageCount / BenchExtractCommand.Median(Ours.PassCpuSeconds),
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
                ["speedRatio"] = SpeedOf(p.Run) is { } v ? OurSpeed / v : null,
                ["passSeconds"] = p.Run.PassSeconds,
                ["peakMemoryBytes"] = p.Run.PeakMemoryBytes,
                ["error"] = p.Run.Error,
            }).ToList(),
            ["worst"] = Worst(worst).Select(p => new Dictionary<string, object?> { ["id"] = p.Id, ["f1"] = p.F1, ["precision"] = p.Precision, ["recall"] = p.Recall }).ToList(),
            ["command"] = CommandLine,
        };
        return JsonSerializer.Serialize(payload, new JsonSerializerOptions { WriteIndented = true });
    }

    private IEnumerable<PageScore> Worst(int count) => Ours.Pages.OrderBy(p => p.F1).ThenBy(p => p.Id, StringComparer.Ordinal).Take(count);

    /// <summary>The one-minute load average where the system reports it (Linux), else "n/a".</summary>
    private static string LoadAverage()
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

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture) + " MB";
}
