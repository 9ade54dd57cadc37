using System.Text.Json;

namespace Parallax.Bench.Spin;

/// <summary>One benchmark article for the spin figures: its id, its ECB+ topic (1-22 calibration, 23-45 report) and text.</summary>
internal sealed record SpinBenchDocument(string Id, int Topic, string Text);

/// <summary>Finds and reads the shared benchmark data relative to the repository root.</summary>
internal static class SpinBenchmarkData
{
    /// <summary>Relative to the repository root (the folder holding Parallax.slnx).</summary>
    public const string EcbPlusPath = "../shared/benchmarks/story-clustering/ecbplus/ecbplus_docs.jsonl";

    public const string TorturedPath = "../shared/benchmarks/spin/pps-tortured-phrases/tortured.csv";

    /// <summary>The full path of a benchmark file given relative to the repo root, or null when it is absent.</summary>
    public static string? Locate(string relative, string? hint = null)
    {
        var root = BenchPaths.RepoRoot(hint);
        if (root is null)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, relative));
        return File.Exists(path) ? path : null;
    }

    /// <summary>Reads ecbplus_docs.jsonl (fields doc_id, topic, text; see its README).</summary>
    public static async Task<IReadOnlyList<SpinBenchDocument>> LoadEcbPlusAsync(string path, CancellationToken ct)
    {
        var documents = new List<SpinBenchDocument>();
        await foreach (var line in File.ReadLinesAsync(path, ct))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            documents.Add(new SpinBenchDocument(
                root.GetProperty("doc_id").GetString() ?? "",
                root.GetProperty("topic").GetInt32(),
                root.GetProperty("text").GetString() ?? ""));
        }

        return documents;
    }
}
