using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Parallax.Bench.Extract;

namespace Parallax.Bench.Tests.Extract;

/// <summary>`parallax bench extract` end to end, on a small benchmark folder built from fictional pages.</summary>
public sealed class BenchExtractCommandTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "parallax-bench-extract-" + Guid.NewGuid().ToString("N"));

    public BenchExtractCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(dir, "html"));
        var truth = new Dictionary<string, object>();
        foreach (var (id, body) in Pages)
        {
            var html = $"<html><head><title>{id}</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>{string.Concat(body.Select(p => $"<p>{p}</p>"))}</article><footer>Copyright Example Media</footer></body></html>";
            using (var file = File.Create(Path.Combine(dir, "html", id + ".html.gz")))
            using (var gz = new GZipStream(file, CompressionLevel.Fastest))
            {
                gz.Write(Encoding.UTF8.GetBytes(html));
            }

            truth[id] = new { articleBody = string.Join("\n\n", body), url = $"https://example.org/{id}" };
        }

        File.WriteAllText(Path.Combine(dir, "ground-truth.json"), JsonSerializer.Serialize(truth));
    }

    private static readonly (string Id, string[] Body)[] Pages =
    [
        ("page-a", ["The river rose two metres overnight and the lower town was evacuated before dawn, the first time in thirty years.", "Volunteers carried sandbags to the bakery, the school and the old people's home, and the water stopped a street short of the square."]),
        ("page-b", ["A small museum of clocks opened on Saturday in the former post office, with two hundred pieces lent by a retired watchmaker.", "The oldest clock still keeps time, and the curator winds it every Sunday morning in front of visitors."]),
    ];

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public async Task Json_output_has_the_figures_and_the_command()
    {
        var result = await BenchProcess.RunAsync("extract", dir, "--passes", "3", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("pages").GetInt32());
        Assert.Equal(1.0, root.GetProperty("f1").GetDouble(), 3);
        Assert.Equal(1.0, root.GetProperty("accuracy").GetDouble(), 3);
        Assert.True(root.GetProperty("pagesPerSecond").GetDouble() > 0);
        Assert.Equal(3, root.GetProperty("passSeconds").GetArrayLength());
        Assert.True(root.GetProperty("peakMemoryBytes").GetInt64() > 0);
        Assert.Contains("bench extract", root.GetProperty("command").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_in_the_wcxb_layout_is_scored_with_its_word_metric_and_halves()
    {
        var wcxb = Path.Combine(dir, "wcxb");
        Directory.CreateDirectory(Path.Combine(wcxb, "html"));
        Directory.CreateDirectory(Path.Combine(wcxb, "ground-truth"));
        foreach (var (id, body) in Pages.Select((p, i) => ((i + 1).ToString("0000", System.Globalization.CultureInfo.InvariantCulture), p.Body)))
        {
            var html = $"<html><head><title>Page {id}</title><meta name='author' content='Ada Lane'></head><body><nav><a href='/'>Home</a></nav><article><h1>Page {id}</h1>{string.Concat(body.Select(p => $"<p>{p}</p>"))}</article><footer>Copyright Example Media</footer></body></html>";
            await File.WriteAllTextAsync(Path.Combine(wcxb, "html", id + ".html"), html);
            var truth = new { url = $"https://example.org/{id}", ground_truth = new { title = $"Page {id}", author = "Ada Lane", publish_date = (string?)null, main_content = string.Join("\n\n", body), with = new[] { string.Join(' ', body[0].Split(' ').Take(5)) }, without = new[] { "Copyright Example Media" } } };
            await File.WriteAllTextAsync(Path.Combine(wcxb, "ground-truth", id + ".json"), JsonSerializer.Serialize(truth));
        }

        var result = await BenchProcess.RunAsync("extract", wcxb, "--no-timing", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["all", "calibration", "held-out"], rows.Select(r => r.GetProperty("pages").GetString()));
        var all = rows[0];
        Assert.Equal(2, all.GetProperty("n").GetInt32());
        Assert.Equal(1.0, all.GetProperty("f1").GetDouble(), 3);
        Assert.Equal(1.0, all.GetProperty("withKept").GetDouble(), 3);
        Assert.Equal(1.0, all.GetProperty("withoutAvoided").GetDouble(), 3);
        Assert.Equal(1.0, all.GetProperty("titleAccuracy").GetDouble(), 3);
        Assert.Equal(JsonValueKind.Null, all.GetProperty("dateAccuracy").ValueKind);
    }

    [Fact]
    public async Task Missing_benchmark_folder_is_a_clear_error()
    {
        var result = await BenchProcess.RunAsync("extract", Path.Combine(dir, "nothing-here"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("benchmark not found", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fewer_than_three_passes_are_refused()
    {
        var result = await BenchProcess.RunAsync("extract", dir, "--passes", "2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("at least 3", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(2.5, BenchExtractCommand.Median([4, 1, 2, 3]));
        Assert.Equal(2.0, BenchExtractCommand.Median([3, 1, 2]));
    }
}
