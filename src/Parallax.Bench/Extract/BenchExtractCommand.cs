using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Parallax.Bench.Extract.Peers;
using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;

namespace Parallax.Bench.Extract;

/// <summary>
/// `parallax bench extract [DIR] [--set all|scrapinghub|wcxb] [--peers] [--subset all|calibration|holdout] ...`: the
/// article-extraction benchmarks. Every page goes the way a user's file goes: its file is read by PageFiles and
/// extracted by the pipeline, the first article is scored. Speed is ours on one thread (median of the timed passes,
/// after untimed warm-up passes, the first of which gives the texts scored); the peers run on the same pages.
/// </summary>
internal static class BenchExtractCommand
{
    /// <summary>Untimed passes before the timed ones; the first also gives the texts that are scored.</summary>
    public const int WarmUpPasses = 4;

    public static Command Create()
    {
        var dir = new Argument<string?>("DIR") { Description = $"One benchmark folder, either layout (ground-truth.json and html/, or WCXB's ground-truth/ and html/). Default: both sets, {ExtractionBenchData.DefaultRelativeDir} and {WcxbBenchData.DefaultRelativeDir} from the repository root.", Arity = ArgumentArity.ZeroOrOne };
        var set = new Option<string>("--set") { Description = "Which set when no DIR is given: all (default), scrapinghub or wcxb.", DefaultValueFactory = _ => "all" };
        set.AcceptOnlyFromAmong("all", "scrapinghub", "wcxb");
        var peers = new Option<bool>("--peers") { Description = "Also run the peer extractors (Readability.js with jsdom, SmartReader) on the same pages and compare." };
        var passes = new Option<int>("--passes") { Description = "Timed passes over all pages (the median is reported; at least 3).", DefaultValueFactory = _ => 5 };
        var noTiming = new Option<bool>("--no-timing") { Description = "Score the first pass only, with no warm-up or timed passes (for tuning; no speed figures)." };
        var worst = new Option<int>("--worst") { Description = "List the N pages with the lowest F1, for tuning.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object." };
        var subset = new Option<string>("--subset") { Description = "Which pages: all (default; WCXB then reports both halves too), calibration (the half tuned on; tune is the same) or holdout. Halves are fixed by page id: Scrapinghub ids starting 0-7, WCXB ids whose SHA-256 starts below 128.", DefaultValueFactory = _ => "all" };
        subset.AcceptOnlyFromAmong("all", "calibration", "tune", "holdout");
        var save = new Option<string?>("--save") { Description = "Also write our texts to this file as JSON in the upstream prediction format ({id: {\"articleBody\": text}}), for checking with the upstream evaluation script (one set only)." };
        var show = new Option<string?>("--show") { Description = "Print what we extract from the page with this id (or id prefix), beside its expected text, and stop." };
        var command = new Command("extract", "Article extraction benchmarks (Scrapinghub's 181 pages and WCXB's 711): precision, recall, F1, snippet and metadata checks, pages/second and peak memory, with peers for comparison.")
        {
            dir, set, peers, passes, noTiming, worst, json, show, save, subset,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new BenchExtractOptions(result.GetValue(dir), result.GetValue(peers), result.GetValue(passes), result.GetValue(worst), result.GetValue(json), result.GetValue(show), result.GetValue(save), result.GetValue(subset) ?? "all", result.GetValue(set) ?? "all", result.GetValue(noTiming)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(BenchExtractOptions options, CancellationToken cancellationToken)
    {
        if (options.Passes < 3)
        {
            await Console.Error.WriteLineAsync("parallax: --passes must be at least 3 (the speed is a median).");
            return 2;
        }

        var sets = FindSets(options);
        if (sets.Count == 0)
        {
            var where = options.Dir ?? $"{ExtractionBenchData.DefaultRelativeDir} or {WcxbBenchData.DefaultRelativeDir}";
            await Console.Error.WriteLineAsync($"parallax: benchmark not found at {where} (expected ground-truth.json and html/, or ground-truth/ and html/); nothing to measure.");
            return 2;
        }

        var progress = BenchProgress.ToStandardError();
        var reports = new List<IExtractReport>();
        foreach (var set in sets)
        {
            progress.Step($"{set.Name}: reading the pages under {set.Dir}");
            var all = set.Wcxb ? await WcxbBenchData.LoadAsync(set.Dir, cancellationToken) : await ExtractionBenchData.LoadAsync(set.Dir, cancellationToken);
            var cases = Subset(all, set, options.Subset);
            if (cases.Count == 0)
            {
                await Console.Error.WriteLineAsync($"parallax: no pages under {set.Dir}.");
                return 2;
            }

            if (options.Show is { } id)
            {
                return ExtractShow.Print(cases, id);
            }

            var timing = options.NoTiming ? "first pass only, untimed" : $"{WarmUpPasses} untimed and {options.Passes} timed passes on one thread";
            progress.Step($"{set.Name}: extracting {cases.Count} pages, {timing}");
            var ours = RunOurs(cases, options.NoTiming ? 0 : options.Passes, cancellationToken);
            if (options.Save is { } savePath)
            {
                await SaveAsync(savePath, cases, ours, cancellationToken);
            }

            var peerRuns = new List<PeerRun>();
            if (options.Peers)
            {
                progress.Step($"{set.Name}: peers Readability.js and SmartReader, {options.Passes} passes each (Readability.js takes minutes)");
                peerRuns.AddRange(await RunPeersAsync(cases, options.Passes, cancellationToken));
            }

            reports.Add(set.Wcxb
                ? new WcxbReport(set.Name, cases, ours, peerRuns, options.Subset == "all", set.IsCalibration)
                : BenchExtractReport.Create(set.Name, cases, ours, peerRuns));
        }

        var commandLine = ReproduceLine.Current();
        if (options.Json)
        {
            Console.WriteLine(reports.Count == 1
                ? reports[0].ToJson(options.Worst, commandLine)
                : "{\"sets\":[" + string.Join(',', reports.Select(r => r.ToJson(options.Worst, commandLine))) + "],\"command\":" + JsonSerializer.Serialize(commandLine) + "}");
        }
        else
        {
            foreach (var report in reports)
            {
                report.Print(options.Worst);
            }

            Console.WriteLine($"command: {commandLine}");
        }

        return 0;
    }

    /// <summary>One benchmark set found on disk, with its calibration rule.</summary>
    private sealed record BenchSet(string Name, string Dir, bool Wcxb, Func<string, bool> IsCalibration);

    private static List<BenchSet> FindSets(BenchExtractOptions options)
    {
        var sets = new List<BenchSet>();
        if (options.Dir is { } dir)
        {
            if (ExtractionBenchData.IsSet(dir))
            {
                sets.Add(new BenchSet(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir))), dir, false, ExtractionBenchData.IsCalibration));
            }
            else if (WcxbBenchData.IsSet(dir))
            {
                sets.Add(new BenchSet("WCXB", dir, true, WcxbBenchData.IsCalibration));
            }

            return sets;
        }

        if (options.Set is "all" or "scrapinghub" && ExtractionBenchData.DefaultDir() is { } scrapinghub && ExtractionBenchData.IsSet(scrapinghub))
        {
            sets.Add(new BenchSet("Scrapinghub article-extraction", scrapinghub, false, ExtractionBenchData.IsCalibration));
        }

        if (options.Set is "all" or "wcxb" && WcxbBenchData.DefaultDir() is { } wcxb && WcxbBenchData.IsSet(wcxb))
        {
            sets.Add(new BenchSet("WCXB dev articles", wcxb, true, WcxbBenchData.IsCalibration));
        }

        return sets;
    }

    private static IReadOnlyList<ExtractionCase> Subset(IReadOnlyList<ExtractionCase> cases, BenchSet set, string subset) => subset switch
    {
        "calibration" or "tune" => cases.Where(c => set.IsCalibration(c.Id)).ToList(),
        "holdout" => cases.Where(c => !set.IsCalibration(c.Id)).ToList(),
        _ => cases,
    };

    private static async Task SaveAsync(string path, IReadOnlyList<ExtractionCase> cases, OurRun ours, CancellationToken cancellationToken)
    {
        var predictions = new SortedDictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            predictions[cases[i].Id] = new Dictionary<string, string> { ["articleBody"] = ours.Texts[i] };
        }

        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(predictions, new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
    }

    /// <summary>
    /// The first pass gives the texts scored (each page's first article, as `parallax analyze` lists it); then untimed
    /// warm-up passes and the timed passes, all on this one thread. <paramref name="passes"/> 0 stops after the first.
    /// </summary>
    private static OurRun RunOurs(IReadOnlyList<ExtractionCase> cases, int passes, CancellationToken cancellationToken)
    {
        var pipeline = ParallaxPipeline.CreateDefault();
        var inputs = cases.Select(c => c.Page).ToArray();
        var texts = new string[inputs.Length];
        var firsts = new ExtractedArticle?[inputs.Length];
        var failures = 0;
        var several = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var extraction = pipeline.Extract(inputs[i]);
            firsts[i] = extraction.Articles.Count > 0 ? extraction.Articles[0] : null;
            texts[i] = firsts[i]?.Text ?? string.Empty;
            failures += extraction.Error is null ? 0 : 1;
            several += extraction.Articles.Count > 1 ? 1 : 0;
        }

        var seconds = new List<double>(passes);
        var cpuSeconds = new List<double>(passes);
        if (passes > 0)
        {
            // More untimed passes let tiered compilation and PGO finish optimising the hot paths (ours and the parser's)
            // before timing starts; on this benchmark the time per pass settles after about four passes.
            for (var warm = 1; warm < WarmUpPasses; warm++)
            {
                foreach (var input in inputs)
                {
                    pipeline.Extract(input);
                }
            }

            Time(pipeline, inputs, passes, seconds, cpuSeconds, cancellationToken);
        }

        var scores = cases.Select((c, i) => ExtractionMetric.Score(c.Id, c.Truth, texts[i])).ToList();
        using var process = Process.GetCurrentProcess();
        return new OurRun(ExtractionMetric.Summarize(scores), scores, seconds, process.PeakWorkingSet64, failures, several, cpuSeconds, texts, firsts);
    }

    private static void Time(ParallaxPipeline pipeline, PageInput[] inputs, int passes, List<double> seconds, List<double> cpuSeconds, CancellationToken cancellationToken)
    {
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
                sink += pipeline.Extract(input).Articles.Count;
            }

            seconds.Add(watch.Elapsed.TotalSeconds);
            self.Refresh();
            cpuSeconds.Add((self.TotalProcessorTime - cpu).TotalSeconds);
        }

        System.Runtime.GCSettings.LatencyMode = latency;
        GC.KeepAlive(sink);
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

    /// <summary>The median, NaN for no values (a speed figure that was not measured).</summary>
    internal static double Median(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : Medians.Of(values);
}

internal sealed record BenchExtractOptions(string? Dir, bool Peers, int Passes, int Worst, bool Json, string? Show = null, string? Save = null, string Subset = "all", string Set = "all", bool NoTiming = false);

/// <summary>Our figures: the metric, per-page scores, seconds per timed pass, peak working set, pages that failed, and each page's first article.</summary>
internal sealed record OurRun(MetricSummary Summary, IReadOnlyList<PageScore> Pages, IReadOnlyList<double> PassSeconds, long PeakMemoryBytes, int Failures, int SeveralArticles, IReadOnlyList<double> PassCpuSeconds, IReadOnlyList<string> Texts, IReadOnlyList<ExtractedArticle?> Articles)
{
    public double? PagesPerSecond => PassSeconds.Count == 0 ? null : Pages.Count / BenchExtractCommand.Median(PassSeconds);
}

/// <summary>One set's figures, printed for a person or as JSON.</summary>
internal interface IExtractReport
{
    void Print(int worst);

    string ToJson(int worst, string commandLine);
}
