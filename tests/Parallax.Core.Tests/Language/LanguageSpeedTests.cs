using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Parallax.Core.Language;
using Xunit.Abstractions;

namespace Parallax.Core.Tests.Language;

/// <summary>
/// The layer runs on every article, so its cost is printed (never asserted: the machine is shared): the ECB+ news
/// texts joined into pieces of about 5 KB, analysed on one thread, median of five passes. Run with
/// <c>dotnet test --filter LanguageSpeedTests --logger "console;verbosity=detailed"</c> to see the figure.
/// </summary>
[Collection(nameof(LanguageSpeedTests))]
public sealed class LanguageSpeedTests(ITestOutputHelper output)
{
    private const string Docs = "benchmarks/story-clustering/ecbplus/ecbplus_docs.jsonl";

    [Fact]
    public void Real_articles_analyse_within_their_spans_and_the_cost_is_printed()
    {
        if (TestRepository.SharedFile(Docs) is not { } path)
        {
            output.WriteLine($"skipped: ../shared/{Docs} not found");
            return;
        }

        var pieces = Pieces(path, 5 * 1024);
        var analyzer = new LanguageAnalyzer();
        var published = new DateTimeOffset(2012, 5, 1, 0, 0, 0, TimeSpan.Zero);
        long sentences = 0, quotes = 0, names = 0;
        foreach (var piece in pieces)
        {
            var analysis = analyzer.Analyze(null, piece, published);
            Assert.All(analysis.Sentences, s => Assert.InRange(s.End, s.Start, piece.Length));
            Assert.All(analysis.Quotes, q => Assert.InRange(q.End, q.Start, piece.Length));
            sentences += analysis.Sentences.Length;
            quotes += analysis.Quotes.Length;
            names += analysis.Names.Length;
        }

        // Warm up past tiered compilation, so that the timed passes run optimised code and no JIT thread counts.
        for (var warm = 0; warm < 4; warm++)
        {
            foreach (var piece in pieces)
            {
                analyzer.Analyze(null, piece, published);
            }
        }

        // Wall time rises when other processes share the cores; process CPU time much less so (the work is one thread).
        var wall = new double[5];
        var cpu = new double[5];
        using var process = Process.GetCurrentProcess();
        for (var p = 0; p < wall.Length; p++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var piece in pieces)
            {
                analyzer.Analyze(null, piece, published);
            }

            wall[p] = watch.Elapsed.TotalMilliseconds / pieces.Count;
            process.Refresh();
            cpu[p] = (process.TotalProcessorTime - cpuStart).TotalMilliseconds / pieces.Count;
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        output.WriteLine($"{pieces.Count} pieces of ~5 KB, one thread, median of 5 passes: {wall[2]:0.000} ms wall, {cpu[2]:0.000} ms CPU per piece " +
            $"(load average {LoadAverage()}); {sentences} sentences, {names} names, {quotes} quotes");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static List<string> Pieces(string path, int size)
    {
        var pieces = new List<string>();
        var builder = new StringBuilder();
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            builder.Append(doc.RootElement.GetProperty("text").GetString()).Append("\n\n");
            if (builder.Length >= size)
            {
                pieces.Add(builder.ToString());
                builder.Clear();
            }
        }

        return pieces;
    }
}

/// <summary>The speed test runs alone: process CPU time would count the tests beside it.</summary>
[CollectionDefinition(nameof(LanguageSpeedTests), DisableParallelization = true)]
public sealed class LanguageSpeedCollection;
