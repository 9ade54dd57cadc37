using System.CommandLine;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parallax.Core.Coverage;
using Parallax.Core.Language;
using Parallax.Core.Pipeline;

namespace Parallax.Bench.Coverage;

/// <summary>
/// `parallax bench coverage`: ECB+ sentence alignment against a TF-IDF baseline (tuned on topics 1-22, reported on
/// 23-45), the fixture set's precision and recall per kind (bench/coverage), its reports fed as pages through the run
/// `analyze` makes (<see cref="FixtureRun"/>), and the time to compare stories of 2, 10 and 100 reports on one thread.
/// </summary>
internal static class BenchCoverageCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var show = new Option<string?>("--show") { Description = "Print the coverage of one fixture event (e01, ...) as JSON and stop." };
        var misses = new Option<bool>("--misses") { Description = "List every fixture line missed or not in the table." };
        var embeddings = new Option<bool>("--embeddings") { Description = "Let the sentence-embedding model settle the ECB+ pairs words leave unsure (about a minute more)." };
        var command = new Command("coverage", "Coverage comparison: ECB+ sentence alignment with a TF-IDF baseline, the fixture set's quotes, conflicts, shared claims and terms, and speed.")
        {
            show,
            misses,
            embeddings,
        };
        command.SetAction(result => Run(result.GetValue(show), result.GetValue(misses), result.GetValue(embeddings)));
        return command;
    }

    private static int Run(string? show, bool listMisses, bool embeddings)
    {
        var root = BenchPaths.RepoRoot();
        if (root is null)
        {
            Console.Error.WriteLine("parallax-bench: run inside a checkout (bench/coverage holds the fixtures).");
            return 2;
        }

        var language = new LanguageAnalyzer();
        var vocabulary = new ClaimVocabulary();
        var builder = new CoverageBuilder(vocabulary: vocabulary);
        var events = CoverageFixtures.LoadEvents(Path.Combine(root, "bench", "coverage", "events"));

        // The fixtures go through the pipeline `analyze` builds, with its model for the same-story cascade.
        using var model = new Parallax.Embeddings.ArcticEmbedder();
        var pipeline = new ParallaxPipelineBuilder().UseEmbedder(model).Build();
        if (show is not null)
        {
            if (!events.Any(x => x.Id == show))
            {
                Console.Error.WriteLine($"parallax-bench: no fixture event {show}.");
                return 2;
            }

            Console.WriteLine(JsonSerializer.Serialize(FixtureRun.Run(events, pipeline).Single(r => r.Event == show), Json));
            return 0;
        }

        Console.WriteLine($"command: {ReproduceLine.Current()}");
        if (BenchPaths.BenchmarksRoot() is { } benchmarks && Directory.Exists(Path.Combine(benchmarks, "story-clustering", "ecbplus")))
        {
            Ecb(Path.Combine(benchmarks, "story-clustering", "ecbplus"), vocabulary, language, embeddings);
        }
        else
        {
            Console.WriteLine("ECB+ alignment: skipped, ../shared/benchmarks/story-clustering/ecbplus is absent.");
        }

        Fixtures(events, pipeline, Path.Combine(root, "bench", "coverage", "annotations.tsv"), listMisses);
        Speed(events, builder, language, BenchPaths.BenchmarksRoot());
        return 0;
    }

    private static IEnumerable<CoverageOptions> Linkages() =>
        new[] { 0.01, 0.02, 0.05, 0.1, 0.2 }.Select(link => CoverageOptions.Default with { OneSentencePerArticle = false, AverageLink = link });

    private static void Ecb(string folder, ClaimVocabulary vocabulary, LanguageAnalyzer language, bool embeddings)
    {
        var all = EcbSentences.Load(folder);
        using var model = embeddings ? new Parallax.Embeddings.ArcticEmbedder() : null;
        Func<Claim, float[]?>? embed = null;
        if (model is not null)
        {
            // Every sentence once, on both cores; the decision then reads the cache.
            var cache = new System.Collections.Concurrent.ConcurrentDictionary<string, float[]>(StringComparer.Ordinal);
            static string Passage(string t) => string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Parallel.ForEach(all, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, s => cache.GetOrAdd(s.Text, t => model.Embed(Passage(t))));
            embed = c => cache.GetOrAdd(c.Text, t => model.Embed(Passage(t)));
        }

        var tune = all.Where(s => s.Topic <= 22).ToList();
        var test = all.Where(s => s.Topic >= 23).ToList();
        var tfidf = new TfIdf(all.Select(s => s.Text));
        var bestOurs = EcbAlignment.Grid().Select(t => EcbAlignment.Coverage(tune, t, vocabulary, language, null, embed)).MaxBy(s => s.F1)!;
        // ClaimAligner is handed the embedding directly here; the shipped builder asks it only with MaxEmbeddings above 0.
        var bestBase = Enumerable.Range(0, 46).Select(i => EcbAlignment.Baseline(tune, Math.Round(i * 0.02, 2), tfidf)).MaxBy(s => s.F1)!;
        var ours = EcbAlignment.Coverage(test, bestOurs.Threshold, vocabulary, language, null, embed);
        var defaults = EcbAlignment.Coverage(test, CoverageOptions.Default.SameClaimThreshold, vocabulary, language, null, embed);
        var baseline = EcbAlignment.Baseline(test, bestBase.Threshold, tfidf);
        // Grouping by average linkage (a report may state a claim twice), its link and threshold tuned on 1-22 too.
        var grouped = Linkages().SelectMany(o => EcbAlignment.Grid().Select(t => (Options: o, Score: EcbAlignment.Coverage(tune, t, vocabulary, language, o, embed))))
            .MaxBy(x => x.Score.F1);
        var groupedTest = EcbAlignment.Coverage(test, grouped.Score.Threshold, vocabulary, language, grouped.Options, embed);
        Console.WriteLine($"ECB+ alignment: {all.Count} annotated sentences ({tune.Count} in topics 1-22, {test.Count} in 23-45), gold pairs {ours.Gold} on 23-45");
        Console.WriteLine($"  {"measure",-44} threshold  P      R      F1     (tuned on 1-22, reported on 23-45)");
        Console.WriteLine($"  {"shared claims, one sentence per article",-44} {ours.Threshold,5:0.00}      {ours.Precision:0.000}  {ours.Recall:0.000}  {ours.F1:0.000}   (1-22: F1 {bestOurs.F1:0.000})");
        Console.WriteLine($"  {"the same at the shipped threshold",-44} {defaults.Threshold,5:0.00}      {defaults.Precision:0.000}  {defaults.Recall:0.000}  {defaults.F1:0.000}");
        Console.WriteLine($"  {$"average-link groups (link {grouped.Options.AverageLink:0.00})",-44} {groupedTest.Threshold,5:0.00}      {groupedTest.Precision:0.000}  {groupedTest.Recall:0.000}  {groupedTest.F1:0.000}   (1-22: F1 {grouped.Score.F1:0.000}){(embed is null ? "" : ", with the embedding model")}");
        Console.WriteLine($"  {"TF-IDF sentence cosine (baseline)",-44} {baseline.Threshold,5:0.00}      {baseline.Precision:0.000}  {baseline.Recall:0.000}  {baseline.F1:0.000}   (1-22: F1 {bestBase.F1:0.000})");
        if (baseline.Threshold == 0)
        {
            Console.WriteLine("  (a baseline threshold of 0 aligns every cross-document pair: the annotated sentences of one event nearly all share an instance)");
        }

        var ceiling = EcbCeiling.Best(test);
        Console.WriteLine($"  {"best any grouping reaches (gold oracle)",-44}   -        {ceiling.Precision:0.000}  {ceiling.Recall:0.000}  {ceiling.F1:0.000}   (1-22: F1 {EcbCeiling.Best(tune).F1:0.000})");
        if (ceiling.F1 < baseline.F1 + 0.1)
        {
            Console.WriteLine($"  (below the target F1 {baseline.F1 + 0.1:0.000}: shared claims are groups, gold pairs are not transitive, a sentence can mention several instances)");
        }

        var separation = EcbSeparation.Measure(test, vocabulary, language, tfidf);
        Console.WriteLine($"  gold against other cross-document pairs of an event, AUC: words {separation.Words:0.000}, TF-IDF {separation.TfIdf:0.000}");
        Console.WriteLine("  (weak: within an event the words tell poorly which pairs share an instance, so a grouping on them does not beat one group per event)");
        var (negations, pairs) = EcbAlignment.NegationConflicts(tune, vocabulary, language);
        Console.WriteLine($"  gold pairs of 1-22 read as a negation conflict: {negations} of {pairs} ({(pairs == 0 ? 0 : 100.0 * negations / pairs):0.0}%, nearly all false: ECB+ annotates reports, not denials)");
        Console.WriteLine($"  F1 over the baseline: {Math.Max(ours.F1, groupedTest.F1) - baseline.F1:+0.000;-0.000} (target +0.100, the oracle grouping {ceiling.F1 - baseline.F1:+0.000;-0.000})");
    }

    private static void Fixtures(IReadOnlyList<FixtureEvent> events, ParallaxPipeline pipeline, string annotations, bool listMisses)
    {
        var table = CoverageFixtures.LoadAnnotations(annotations);
        var runs = FixtureRun.Run(events, pipeline);
        var scores = FixtureEvaluation.Score(runs.Select(r => (r.Event, r.Coverage)).ToList(), table);
        Console.WriteLine($"Fixtures: {events.Count} fictional events, {events.Sum(e => e.Reports.Count)} reports, {table.Count} annotated lines (bench/coverage),");
        Console.WriteLine("  every report a saved page, all of them through `analyze`'s run; each event read from the story it formed");
        Console.WriteLine($"  events that landed as exactly one story: {runs.Count(r => r.OneStory)} of {runs.Count}");
        foreach (var r in runs.Where(r => !r.OneStory))
        {
            Console.WriteLine($"    {r.Event}: its reports in {r.Stories} {(r.Stories == 1 ? "story" : "stories")}{(r.Stories == 1 ? ", with another event's reports" : "")}");
        }

        Console.WriteLine("  kind       predicted  expected  precision  recall   target");
        foreach (var k in scores.Kinds)
        {
            var target = k.Kind switch { "quote" => "P>=0.90 R>=0.80", "conflict" => "P>=0.80 R>=0.70", _ => "" };
            Console.WriteLine($"  {k.Kind,-10} {k.Predicted,9}  {k.Expected,8}  {k.Precision,9:0.000}  {k.Recall,6:0.000}   {target}");
        }

        Console.WriteLine($"  quotes given to the wrong speaker: {scores.WrongSpeakers} (target 0)");
        if (listMisses)
        {
            foreach (var m in scores.Misses)
            {
                Console.WriteLine($"    {m}");
            }
        }
    }

    private static void Speed(IReadOnlyList<FixtureEvent> events, CoverageBuilder builder, LanguageAnalyzer language, string? benchmarks)
    {
        // Reports of real news: ECB+ documents when the data is there (a story of one event's documents, then the next
        // event's, so a large story holds some unrelated reports as a real one does), else the fixture reports.
        var texts = new List<(string Title, string Text)>();
        var docs = benchmarks is null ? null : Path.Combine(benchmarks, "story-clustering", "ecbplus", "ecbplus_docs.jsonl");
        if (docs is not null && File.Exists(docs))
        {
            foreach (var line in File.ReadLines(docs).Take(400))
            {
                using var json = JsonDocument.Parse(line);
                texts.Add(("", json.RootElement.GetProperty("text").GetString()!.Replace("\n", "\n\n", StringComparison.Ordinal)));
            }
        }
        else
        {
            texts.AddRange(events.SelectMany(e => e.Reports).Select(r => (r.Title, r.Text)));
        }

        var analyses = texts.ConvertAll(t => language.Analyze(t.Title, t.Text));
        Console.WriteLine($"Speed: one thread, the language analysis already made (as in a session), median of 5 runs; reports from {(docs is not null && File.Exists(docs) ? "ECB+ documents" : "the fixtures")}");
        foreach (var n in new[] { 2, 10, 100 })
        {
            var reports = Enumerable.Range(0, n).Select(i => new CoverageReport($"a{i + 1}", analyses[i % analyses.Count])).ToList();
            builder.Build(reports);
            var times = new List<double>();
            for (var run = 0; run < 5; run++)
            {
                var watch = Stopwatch.StartNew();
                builder.Build(reports);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            var target = n switch { 10 => " (target < 100 ms)", 100 => " (target < 1,000 ms)", _ => "" };
            Console.WriteLine($"  {n,3} reports: {times[2],8:0.0} ms{target}");
        }
    }
}
