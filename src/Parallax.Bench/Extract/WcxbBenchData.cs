using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parallax.Ingest.Files;

namespace Parallax.Bench.Extract;

/// <summary>The parts of a WCXB page's ground truth beyond its body: metadata and the snippet checks.</summary>
/// <param name="With">Snippets (3-8 words) a correct extraction contains.</param>
/// <param name="Without">Boilerplate snippets a correct extraction leaves out.</param>
internal sealed record WcxbTruth(string? Title, string? Author, string? PublishDate, IReadOnlyList<string> With, IReadOnlyList<string> Without);

/// <summary>
/// Reads the WCXB development split (ground-truth/ID.json and html/ID.html.gz) and fixes its two halves. The halves
/// were fixed before any tuning, by a rule that looks only at the page id: calibration is the pages whose id's
/// SHA-256 starts with a byte below 128, held-out the rest. Nothing about a page's site or content decides its half.
/// </summary>
internal static class WcxbBenchData
{
    public const string DefaultRelativeDir = "../shared/benchmarks/article-extraction-wcxb";

    public static string? DefaultDir() => BenchPaths.RepoRoot() is { } root ? Path.GetFullPath(Path.Combine(root, DefaultRelativeDir)) : null;

    /// <summary>Whether <paramref name="dir"/> holds a benchmark in the WCXB layout.</summary>
    public static bool IsSet(string dir) => Directory.Exists(Path.Combine(dir, "ground-truth")) && Directory.Exists(Path.Combine(dir, "html"));

    /// <summary>The committed split rule: the first byte of SHA-256 of the id (UTF-8) below 128 is calibration.</summary>
    public static bool IsCalibration(string id) => SHA256.HashData(Encoding.UTF8.GetBytes(id))[0] < 128;

    public static async Task<IReadOnlyList<ExtractionCase>> LoadAsync(string dir, CancellationToken cancellationToken)
    {
        var files = new PageFiles();
        var cases = new List<ExtractionCase>();
        foreach (var truthFile in Directory.EnumerateFiles(Path.Combine(dir, "ground-truth"), "*.json").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(truthFile);
            await using var stream = File.OpenRead(truthFile);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var root = json.RootElement;
            if (!root.TryGetProperty("ground_truth", out var truth) || truth.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (await ExtractionBenchData.LoadPageAsync(files, dir, id, cancellationToken) is not { } page)
            {
                continue;
            }

            var details = new WcxbTruth(
                Text(truth, "title"),
                Text(truth, "author"),
                Text(truth, "publish_date"),
                Texts(truth, "with"),
                Texts(truth, "without"));
            var url = Text(root, "url");
            cases.Add(new ExtractionCase(id, page.Content.ToArray(), url, Text(truth, "main_content") ?? string.Empty, page, details));
        }

        return cases;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static IReadOnlyList<string> Texts(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).Where(s => s.Length > 0).ToList()
            : [];
}
