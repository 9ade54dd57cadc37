using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parallax.Bench.Copies;
using Parallax.Bench.Scale;
using Parallax.Bench.Spin;
using Parallax.Core.Pipeline;
using Parallax.Core.Spin;
using Parallax.Core.Stories;
using Spectre.Console;

namespace Parallax.Bench.Stories;

/// <summary>B-cubed F1 over shuffled arrival orders of all 982 ECB+ documents.</summary>
internal sealed record ShuffleFigures(int Orders, double Median, double Minimum, double Maximum);

/// <summary>Clustering figures on one set of documents.</summary>
internal sealed record SetFigures(string Set, string Order, ClusteringScore Score);

/// <summary>Everything `parallax bench stories` measured; printed for people or as one JSON object.</summary>
internal sealed record StoriesBenchReport(
    string Command,
    StoryOptions Tuned,
    bool TunedEqualsShippedDefaults,
    ClusteringScore TuningScore,
    int GridSize,
    IReadOnlyList<SetFigures> Engine,
    ShuffleFigures Shuffles,
    PairStudyFigures PairStudy,
    Calibration? Calibration,
    bool Embeddings,
    int EmbeddedEcb,
    double BaselineThreshold,
    IReadOnlyList<SetFigures> Baseline,
    double RelatedSameTopicShare,
    int StoriesWithRelated,
    IReadOnlyList<SetFigures> Headlines,
    SpinFigures? Spin,
    CopyBenchmarkResult? Copies,
    IReadOnlyList<ScaleFigures> Scale,
    double Seconds);

/// <summary>
/// `parallax bench stories [--scale N,...] [--skip-scale] [--json]`: story clustering on ECB+ (tuned on topics 1-22,
/// reported on 23-45 and all) against a TF-IDF average-link baseline from the same run, the headline sample, the
/// spin and copy benchmarks, and a synthetic stream at scale. Prints every figure and the command that reproduces it.
/// </summary>
internal static class BenchStoriesCommand
{
    public static Command Create()
    {
        var scale = new Option<string>("--scale")
        {
            Description = "Synthetic stream sizes, comma-separated (default 100000,1000000).",
            DefaultValueFactory = _ => "100000,1000000",
        };
        scale.Validators.Add(result =>
        {
            if (TryParseScales(result.GetValueOrDefault<string>(), out _) is { } problem)
            {
                result.AddError(problem);
            }
        });
        var skipScale = new Option<bool>("--skip-scale") { Description = "Skip the synthetic scale runs." };
        var skipSpin = new Option<bool>("--skip-spin") { Description = "Skip the spin and copy benchmarks." };
        var noEmbeddings = new Option<bool>("--no-embeddings") { Description = "Cluster on words alone (no sentence-embedding cascade)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with every figure instead of tables." };
        var scaleOnly = new Option<bool>("--scale-only")
        {
            Description = "Only the synthetic scale runs, with the shipped story options (what tuning on ECB+ topics 1-22 gives; the ECB+, headline, spin and copy figures are skipped).",
        };
        var command = new Command(
            "stories",
            "Story clustering (ECB+, headlines) against a TF-IDF average-link baseline, spin and copy figures, and a " +
            "synthetic stream at scale (articles per second, peak memory).")
        {
            scale,
            skipScale,
            skipSpin,
            noEmbeddings,
            json,
            scaleOnly,
        };
        command.SetAction((result, cancellationToken) => result.GetValue(scaleOnly)
            ? ScaleOnly.RunAsync(ParseScales(result.GetValue(scale)), !result.GetValue(noEmbeddings), cancellationToken)
            : RunAsync(
            ParseScales(result.GetValue(scale)), result.GetValue(skipScale), result.GetValue(skipSpin), !result.GetValue(noEmbeddings), result.GetValue(json), cancellationToken));
        return command;
    }

    internal static int[] ParseScales(string? value) => TryParseScales(value, out var scales) is null ? scales : [];

    /// <summary>Checked when the command line is parsed, before any benchmark runs: a bad size is a usage error, not a crash after minutes.</summary>
    /// <returns>Null when every size is a whole number from 1 to 100,000,000; else why not.</returns>
    internal static string? TryParseScales(string? value, out int[] scales, string option = "--scale")
    {
        scales = [];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parsed = new List<int>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || n < 1 || n > MaxScale)
            {
                return $"{option} takes sizes from 1 to {MaxScale:N0} articles, comma-separated (such as 100000,1000000); '{part}' is not one.";
            }

            parsed.Add(n);
        }

        scales = [.. parsed];
        return null;
    }

    private const int MaxScale = 100_000_000;

    private static async Task<int> RunAsync(int[] scales, bool skipScale, bool skipSpin, bool embeddings, bool json, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var commandLine = ReproduceLine.Current();
        var benchmarks = BenchPaths.BenchmarksRoot();
        if (benchmarks is null)
        {
            await Console.Error.WriteLineAsync("parallax: ../shared/benchmarks not found next to the repository; nothing to measure.");
            return 2;
        }

        var progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        void Step(string message) => progress.MarkupLine($"[grey]{Markup.Escape(message)}[/]");

        // ECB+: tune on topics 1-22, report on 23-45 and all; streaming order = file order (topic by topic, the two
        // events of a topic interleaved), and a seeded shuffle of all documents as a check on order sensitivity.
        var pipeline = ParallaxPipeline.CreateDefault();
        Step("ECB+: reading the documents as .txt pages through the pipeline...");
        var read = await BenchData.ReadEcbPlusAsync(benchmarks, cancellationToken);
        var pages = await BenchPages.FromTextsAsync(read.Select(d => (d.Id, d.Text)).ToList(), pipeline, cancellationToken);
        var documents = read.Select((d, i) => d with { Page = pages[i] }).ToList();
        var refused = pages.Where(p => p.Articles.Count == 0).ToList();
        Step($"ECB+: {refused.Count} of {pages.Count} pages gave no article"
            + (refused.Count > 0 ? $" (first: {refused[0].Name}: {refused[0].Error})" : string.Empty));
        var train = documents.Where(d => d.Topic <= 22).ToList();
        var test = documents.Where(d => d.Topic >= 23).ToList();
        var shuffled = documents.ToArray();
        new Random(1).Shuffle(shuffled);
        using var model = embeddings ? new Parallax.Embeddings.ArcticEmbedder(threads: 1) : null;
        var embedder = model is null ? null : new CachedEmbedder(model, Path.Combine(Path.GetTempPath(), "parallax-bench", $"arctic-embed-xs-{Parallax.Embeddings.ArcticEmbedder.MaxTokens}.cache"));
        if (embedder is not null)
        {
            // Every ECB+ passage once (two at a time), into the cache the grid and the orders then read: the fit of
            // the calibration needs all pairs of the tuning split, and the graded pairs all documents.
            Step("ECB+: embedding title + lead of each document (cached across runs)...");
            Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = 2 }, d =>
            {
                var (title, body) = SameStoryScorer.SplitTitle(d.Text);
                embedder.Embed(EmbeddingPassage.Of(title, body, StoryOptions.Default.EmbeddingWords));
            });
            embedder.Save();
            embedder.ResetCounts();
        }

        Step($"ECB+: {documents.Count} documents; tuning on topics 1-22 ({train.Count})...");
        var tuned = StoryRuns.Tune(train, Docs(train), Gold(train), StoryOptions.Default, embedder);
        var options = tuned.Options;
        var engine = new List<SetFigures>();
        var embeddedEcb = 0;
        foreach (var (name, order, set) in new[]
        {
            ("topics 1-22 (tuning)", "file order", train), ("topics 23-45", "file order", test),
            ("all 982", "file order", documents.ToList()), ("all 982", "shuffled (seed 1)", shuffled.ToList()),
        })
        {
            embedder?.ResetCounts();
            engine.Add(new SetFigures(name, order, ClusteringMetrics.Score(StoryRuns.Cluster(Docs(set), options, embedder), Gold(set))));
            if (name == "all 982" && order == "file order")
            {
                embeddedEcb = embedder?.Requested ?? 0;
            }
        }

        Step("ECB+: 10 shuffled arrival orders...");
        var orders = new List<double>();
        for (var seed = 1; seed <= 10; seed++)
        {
            var order = documents.ToArray();
            new Random(seed).Shuffle(order);
            orders.Add(ClusteringMetrics.Score(StoryRuns.Cluster(Docs(order), options, embedder), Gold(order)).BCubed.F1);
        }

        orders.Sort();
        var shuffles = new ShuffleFigures(orders.Count, (orders[4] + orders[5]) / 2, orders[0], orders[^1]);

        Step("ECB+: graded pairs (Spearman)...");
        embedder?.ResetCounts();
        var pairStudy = PairStudy.Run(documents, options, embedder);

        var (relatedShare, withRelated) = RelatedSameTopic(documents, options);

        Step("ECB+: TF-IDF average-link baseline...");
        var trainBaseline = AverageLinkBaseline.Build(train.Select(d => d.Text).ToList());
        var (baselineThreshold, baselineBest) = (0.0, -1.0);
        for (var t = 0.02; t < 0.95; t += 0.01)
        {
            var f1 = ClusteringMetrics.Score(trainBaseline.Cut(t), Gold(train)).BCubed.F1;
            if (f1 > baselineBest + 1e-12)
            {
                (baselineThreshold, baselineBest) = (Math.Round(t, 2), f1);
            }
        }

        var baseline = new List<SetFigures>();
        foreach (var (name, set) in new[] { ("topics 1-22 (tuning)", train), ("topics 23-45", test), ("all 982", documents.ToList()) })
        {
            var built = AverageLinkBaseline.Build(set.Select(d => d.Text).ToList());
            baseline.Add(new SetFigures(name, "batch", ClusteringMetrics.Score(built.Cut(baselineThreshold), Gold(set))));
        }

        Step("Headlines...");
        var headlines = await HeadlineRuns.RunAsync(benchmarks, options, pipeline, embedder, cancellationToken);
        embedder?.Save();

        SpinFigures? spin = null;
        CopyBenchmarkResult? copyFigures = null;
        if (!skipSpin)
        {
            Step("Spin benchmark (SpinBenchmark)...");
            spin = await SpinBenchmark.RunAsync(cancellationToken);
            Step("Copy benchmark (CopyBenchmark)...");
            copyFigures = CopyBenchmark.Run(
                documents.Select(d => new CopyBenchDocument(d.Id, d.EventCluster, d.Text)).ToList(),
                SpinAnalyzer.CreateDefault(), cancellationToken: cancellationToken);
        }

        var scaleFigures = new List<ScaleFigures>();
        if (!skipScale)
        {
            var sources = documents.Select(d => (d.EventCluster, d.Text)).ToList();
            foreach (var n in scales)
            {
                Step($"Scale: {n:N0} synthetic articles...");
                scaleFigures.Add(ScaleBenchmark.Run(sources, n, options, seed: 7, i =>
                {
                    if (i % 100_000 == 0)
                    {
                        Step($"  {i:N0}");
                    }
                }, model));
            }
        }

        var report = new StoriesBenchReport(
            commandLine, options, options == StoryOptions.Default, tuned.Score, tuned.GridSize, engine, shuffles, pairStudy, tuned.Calibration,
            embedder is not null, embeddedEcb, baselineThreshold, baseline,
            relatedShare, withRelated, headlines, spin, copyFigures, scaleFigures, clock.Elapsed.TotalSeconds);
        if (json)
        {
            await using var stdout = Console.OpenStandardOutput();
            await JsonSerializer.SerializeAsync(stdout, report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }, cancellationToken);
            await stdout.WriteAsync("\n"u8.ToArray(), cancellationToken);
        }
        else
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            if (Console.IsOutputRedirected)
            {
                console.Profile.Width = 200; // a log file: do not squeeze the tables to 80 columns
            }

            Print(report, console);
        }

        return 0;
    }

    /// <summary>ECB+ documents as the pipeline read their pages.</summary>
    internal static List<BenchPage> Docs(IEnumerable<EcbDocument> set) => set.Select(d => d.Page!).ToList();

    private static List<string> Gold(IEnumerable<EcbDocument> set) => set.Select(d => d.EventCluster).ToList();

    /// <summary>
    /// Related stories on all of ECB+ (file order): the share of stories whose top related story is mostly about the
    /// same gold topic (same topic, other event is exactly what "related" should find).
    /// </summary>
    private static (double Share, int Stories) RelatedSameTopic(IReadOnlyList<EcbDocument> documents, StoryOptions options)
    {
        var labels = StoryRuns.Cluster(Docs(documents), options, embedder: null, out var session);
        var topicVotes = new Dictionary<int, Dictionary<int, int>>();
        for (var i = 0; i < documents.Count; i++)
        {
            var story = labels[i];
            if (!topicVotes.TryGetValue(story, out var votes))
            {
                topicVotes[story] = votes = [];
            }

            votes[documents[i].Topic] = votes.GetValueOrDefault(documents[i].Topic) + 1;
        }

        int Topic(int story) => topicVotes[story].MaxBy(kv => kv.Value).Key;
        int with = 0, same = 0;
        foreach (var story in topicVotes.Keys)
        {
            var related = story < 0 ? [] : session.Related(story);
            if (related.Count > 0)
            {
                with++;
                same += topicVotes.ContainsKey(related[0].Story) && Topic(related[0].Story) == Topic(story) ? 1 : 0;
            }
        }

        return (with == 0 ? 0 : (double)same / with, with);
    }

    private static void Print(StoriesBenchReport report, IAnsiConsole console)
    {
        var inv = CultureInfo.InvariantCulture;
        string F(double v) => v.ToString("0.000", inv);
        var o = report.Tuned;
        console.MarkupLine($"[bold]parallax bench stories[/]  (reproduce: [green]{Markup.Escape(report.Command)}[/], Release build)");
        console.MarkupLine(Markup.Escape(string.Create(inv,
            $"Tuned on ECB+ topics 1-22 only (join = best lexical pair F1 over same-topic pairs, each pair alone; then {report.GridSize} grid points, best B-cubed F1 {F(report.TuningScore.BCubed.F1)}): idf prior {o.IdfPrior}, background documents {o.BackgroundDocuments} (general-English idf prior, fixed, not tuned), join {o.JoinThreshold}, event check {o.LocalJoinThreshold}, merge {o.MergeThreshold}, split {o.SplitThreshold}, entity weight {o.EntityWeight}; ")
            + (report.TunedEqualsShippedDefaults ? "these are the shipped defaults." : "DIFFERENT from the shipped defaults (StoryOptions.Default).")));

        var table = new Table().Title("ECB+ event clustering (982 docs, 86 events in 43 topics)")
            .AddColumns("system", "set", "order", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1", "clusters/gold");
        foreach (var (system, rows) in new[] { ("Parallax online", report.Engine), ($"TF-IDF average link (t={report.BaselineThreshold.ToString(inv)})", report.Baseline) })
        {
            foreach (var row in rows)
            {
                var s = row.Score;
                table.AddRow(Markup.Escape(system), Markup.Escape(row.Set), Markup.Escape(row.Order), F(s.BCubed.Precision), F(s.BCubed.Recall), F(s.BCubed.F1),
                    F(s.Pairwise.Precision), F(s.Pairwise.Recall), F(s.Pairwise.F1), $"{s.Clusters}/{s.GoldClusters}");
            }
        }

        foreach (var h in report.Headlines)
        {
            var s = h.Score;
            table.AddRow("Parallax online, title only", Markup.Escape(h.Set), h.Order, F(s.BCubed.Precision), F(s.BCubed.Recall), F(s.BCubed.F1),
                F(s.Pairwise.Precision), F(s.Pairwise.Recall), F(s.Pairwise.F1), $"{s.Clusters}/{s.GoldClusters}");
        }

        table.Caption(Markup.Escape(
            "Input: each ECB+ document is written as a .txt page and read back through the pipeline and one session, as `parallax analyze` reads files (dates the extractor finds in a page are used); headlines are title-only entries with their timestamps. " +
            "Baseline: scikit-learn-style TF-IDF, cosine, average link (nearest-neighbour chain), threshold tuned on topics 1-22, idf over the set clustered. " +
            "Target B-cubed F1 >= 0.90 on all 982."));
        console.Write(table);
        var sh = report.Shuffles;
        console.MarkupLine(Markup.Escape(string.Create(inv,
            $"ECB+ all 982, {sh.Orders} shuffled arrival orders (seeds 1-{sh.Orders}): B-cubed F1 median {F(sh.Median)}, minimum {F(sh.Minimum)}, maximum {F(sh.Maximum)}. ")
            + (report.Embeddings
                ? string.Create(inv, $"Embedding cascade on (snowflake-arctic-embed-xs): {report.EmbeddedEcb} of 982 passages embedded in the file-order run of all 982.")
                : "Embedding cascade off (--no-embeddings): words alone.")));
        if (report.Calibration is { } c)
        {
            console.MarkupLine(Markup.Escape(string.Create(inv,
                $"Calibration (logistic fit of same event on {c.Pairs} pairs of topics 1-22, each pair scored alone): lexical slope {o.LexicalSlope}; with embeddings: lexical slope {o.EmbeddingLexicalSlope}, embedding slope {o.EmbeddingSlope}, embedding centre {o.EmbeddingCenter}; embedding consulted when the lexical probability is in [{o.AmbiguousLow}, {o.AmbiguousHigh}).")));
        }

        var ps = report.PairStudy;
        var graded = new Table().Title(Markup.Escape(string.Create(inv,
                $"ECB+ graded pairs: Spearman with gold (same event 2: {ps.SameEvent}, same topic other event 1: {ps.SameTopic}, other topic 0: {ps.OtherTopic})")))
            .AddColumns("similarity", "Spearman rho");
        foreach (var f in ps.Figures)
        {
            graded.AddRow(Markup.Escape(f.Similarity), F(f.Spearman));
        }

        graded.Caption(Markup.Escape(string.Create(inv,
            $"Sampling: for every document in file order, one partner of the same event, one of the same topic's other event and one of another topic, drawn by one Random(12); {ps.Pairs} pairs, each scored alone as `parallax pairs` scores a line; {ps.Embedded} distinct passages embedded. Parameters tuned on topics 1-22; the pairs span all topics. Names carry {ps.NameShare:P0} of the lexical similarity on average over the same-topic pairs.")));
        console.Write(graded);
        console.MarkupLine(Markup.Escape(string.Create(inv,
            $"Related stories (ECB+, all, file order): {report.StoriesWithRelated} stories have one; for {report.RelatedSameTopicShare:P1} the top related story is on the same topic.")));

        if (report.Spin is not null)
        {
            SpinBenchmark.Print(report.Spin, console, reproduce: report.Command);
        }
        else
        {
            console.MarkupLine("[yellow]Spin benchmark skipped.[/]");
        }

        if (report.Copies is not null)
        {
            CopyBenchmark.Print(report.Copies, console);
        }

        ScaleTable.Print(report.Scale, console);

        console.MarkupLine(Markup.Escape(string.Create(inv, $"Total {report.Seconds:0} s. Reproduce: {report.Command}")));
    }
}
