using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parallax.Bench.Pipeline;
using Parallax.Bench.Stories;
using Xunit.Abstractions;

namespace Parallax.Bench.Tests.Pipeline;

/// <summary>
/// `parallax bench pipeline` end to end at a tiny size: the real `parallax import`, `parallax serve` and two
/// `parallax worker` processes (built beside the tests) on a few hundred articles of the synthetic stream.
/// </summary>
public sealed partial class PipelineBenchTests(ITestOutputHelper output)
{
    private const int Articles = 240;

    [Fact]
    public async Task A_tiny_run_stores_every_article_once_and_serves_every_endpoint_without_error()
    {
        if (TestRepository.BenchmarksRoot() is null)
        {
            output.WriteLine("../shared/benchmarks not found: the synthetic stream is built from its ECB+ texts; nothing to run.");
            return;
        }

        var articles = Articles.ToString(CultureInfo.InvariantCulture);
        var result = await BenchProcess.RunAsync(TimeSpan.FromMinutes(8),
            "pipeline", "--articles", articles, "--duration", "2", "--clients", "3", "--postgres-articles", "200", "--workers", "2");
        output.WriteLine(result.StandardOutput);
        output.WriteLine(result.StandardError);

        // Exit code 1 means a target missed: the targets apply at 1,000,000 articles only, so a tiny run meets them all.
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("stream: SyntheticStream", result.StandardOutput, StringComparison.Ordinal);
        var sqlite = IngestLine().Match(result.StandardOutput);
        Assert.True(sqlite.Success, "no SQLite ingest line");
        Assert.Equal("SQLite", sqlite.Groups["store"].Value);
        Assert.Equal(articles, sqlite.Groups["streamed"].Value);
        Assert.Equal(articles, sqlite.Groups["stored"].Value);
        Assert.Equal("yes", sqlite.Groups["once"].Value);
        Assert.Contains("  stages: prepare ", result.StandardOutput, StringComparison.Ordinal);

        foreach (var endpoint in new[] { LoadRun.StoryList, LoadRun.StoryPage, LoadRun.Search })
        {
            var line = result.StandardOutput.Split('\n').SingleOrDefault(l => l.TrimStart().StartsWith(endpoint, StringComparison.Ordinal));
            Assert.NotNull(line);
            var figures = EndpointLine().Match(line);
            Assert.True(figures.Success, line);
            Assert.True(int.Parse(figures.Groups["requests"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) > 0, line);
            Assert.Equal("0", figures.Groups["errors"].Value);
        }

        // The bench says where the server's session replay fell against the load (the replay yields to the reads, so a
        // short load may end before it; ServeCommandTests checks the log line it reads).
        var serve = result.StandardOutput.Split('\n').Single(l => l.StartsWith("serve (", StringComparison.Ordinal));
        Assert.Matches("its ingest session was rebuilt [0-9.]+ s after its start|still rebuilding its ingest session from the store when the load ended", serve);

        // PostgreSQL runs where a server can be had (PARALLAX_TEST_POSTGRES or Debian's initdb), and says why not elsewhere.
        if (result.StandardOutput.Contains("PostgreSQL: skipped (", StringComparison.Ordinal))
        {
            output.WriteLine("PostgreSQL part skipped by the benchmark (see its output).");
        }
        else
        {
            var postgres = IngestLine().Matches(result.StandardOutput).Single(m => m.Groups["store"].Value.StartsWith("PostgreSQL", StringComparison.Ordinal));
            Assert.Equal("PostgreSQL, 2 workers", postgres.Groups["store"].Value);
            Assert.Equal("200", postgres.Groups["streamed"].Value);
            Assert.Equal("200", postgres.Groups["stored"].Value);
            Assert.Equal("yes", postgres.Groups["once"].Value);
        }

        Assert.Contains($"reproduce: parallax bench pipeline --articles {articles}", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kept_store_is_loaded_again_without_importing_and_settled_waits_for_the_replay()
    {
        if (TestRepository.BenchmarksRoot() is null)
        {
            output.WriteLine("../shared/benchmarks not found: the synthetic stream is built from its ECB+ texts; nothing to run.");
            return;
        }

        var articles = Articles.ToString(CultureInfo.InvariantCulture);
        var first = await BenchProcess.RunAsync(TimeSpan.FromMinutes(5),
            "pipeline", "--articles", articles, "--skip-postgres", "--skip-load", "--keep");
        output.WriteLine(first.StandardOutput);
        Assert.Equal(0, first.ExitCode);
        var kept = first.StandardOutput.Split('\n').Single(l => l.StartsWith("kept: ", StringComparison.Ordinal))["kept: ".Length..].Trim();
        try
        {
            var database = Path.Combine(kept, $"sqlite-{articles}", "parallax.db");
            var again = await BenchProcess.RunAsync(TimeSpan.FromMinutes(5),
                "pipeline", "--articles", articles, "--skip-postgres", "--duration", "2", "--clients", "3", "--settled", "--reuse", kept);
            output.WriteLine(again.StandardOutput);
            output.WriteLine(again.StandardError);
            Assert.Equal(0, again.ExitCode);
            Assert.Contains($"the store kept at {database} is loaded as it is", again.StandardOutput, StringComparison.Ordinal);
            Assert.False(IngestLine().IsMatch(again.StandardOutput), "the reused store was imported again");
            var serve = again.StandardOutput.Split('\n').Single(l => l.StartsWith("serve (", StringComparison.Ordinal));
            Assert.Matches("its ingest session was rebuilt [0-9.]+ s after its start, before the load", serve);
            Assert.Contains($"serve ({articles} articles stored)", serve, StringComparison.Ordinal);
            Assert.True(File.Exists(database), "--reuse keeps the store it was given");
        }
        finally
        {
            Directory.Delete(kept, recursive: true);
        }
    }

    [Fact]
    public async Task The_stream_files_carry_dates_in_order_distinct_urls_and_words_to_search()
    {
        if (TestRepository.BenchmarksRoot() is not { } benchmarks)
        {
            output.WriteLine("../shared/benchmarks not found: nothing to write.");
            return;
        }

        var sources = (await BenchData.ReadEcbPlusAsync(benchmarks, CancellationToken.None)).Select(d => (d.EventCluster, d.Text)).ToList();
        var folder = Directory.CreateTempSubdirectory("parallax-pipeline-stream-").FullName;
        try
        {
            var stream = await StreamFiles.WriteAsync(sources, 12_000, 7, folder, new BenchProgress(TextWriter.Null), CancellationToken.None);
            var lines = stream.Lines().ToList();

            Assert.Equal(12_000, stream.Articles);
            Assert.Equal(12_000, lines.Count);
            Assert.Equal(2, Directory.GetFiles(folder, "*.jsonl").Length);
            var previous = DateTimeOffset.MinValue;
            var urls = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var published = DateTimeOffset.Parse(root.GetProperty("published").GetString()!, CultureInfo.InvariantCulture);
                Assert.True(published > previous);
                previous = published;
                Assert.True(urls.Add(root.GetProperty("url").GetString()!));
                Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("text").GetString()));
                Assert.StartsWith("Synthetic Wire ", root.GetProperty("source").GetString(), StringComparison.Ordinal);
            }

            Assert.Equal(lines.Count, lines.Select(WrittenStream.Key).Distinct(StringComparer.Ordinal).Count());
            Assert.NotEmpty(stream.SearchQueries);
            Assert.Equal(stream.SearchQueries.Count, stream.SearchQueries.Distinct(StringComparer.Ordinal).Count());
            Assert.Contains(stream.SearchQueries, q => q.Contains(' ', StringComparison.Ordinal));
            Assert.All(stream.SearchQueries.SelectMany(q => q.Split(' ')), w => Assert.Contains(lines, l => l.Contains(w, StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var sorted = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

        Assert.Equal(50, LoadRun.Percentile(sorted, 0.50));
        Assert.Equal(99, LoadRun.Percentile(sorted, 0.99));
        Assert.Equal(100, LoadRun.Percentile(sorted, 1.0));
        Assert.Equal(7, LoadRun.Percentile([7], 0.99));
        Assert.Equal(0, LoadRun.Percentile([], 0.99));
    }

    [GeneratedRegex(@"^(?<store>SQLite|PostgreSQL, \d+ workers): (?<streamed>[\d,]+) articles in .*; stored (?<stored>[\d,]+) articles in .*exactly once: (?<once>\w+)", RegexOptions.Multiline)]
    private static partial Regex IngestLine();

    [GeneratedRegex(@"requests\s+(?<requests>[\d,]+) .*errors (?<errors>\d+)")]
    private static partial Regex EndpointLine();
}
