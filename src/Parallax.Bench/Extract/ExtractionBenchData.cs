using System.IO.Compression;
using System.Text.Json;
using Parallax.Bench.Extract.Peers;
using Parallax.Core.Extraction.Encoding;

namespace Parallax.Bench.Extract;

/// <summary>One benchmark page: its bytes (decompressed), address and true article body.</summary>
internal sealed record ExtractionCase(string Id, byte[] Bytes, string? Url, string Truth)
{
    /// <summary>The page as the peers take it: decoded text. Made only when peers run, so our timed passes work on a smaller heap.</summary>
    public BenchPage ToBenchPage() => new(Id, TextDecoder.DecodeHtml(Bytes), Url);
}

/// <summary>Finds and reads the article-extraction benchmark (upstream layout: ground-truth.json and html/ID.html.gz).</summary>
internal static class ExtractionBenchData
{
    /// <summary>Where the benchmark lives relative to the repository root.</summary>
    public const string DefaultRelativeDir = "../shared/benchmarks/article-extraction";

    public static string? DefaultDir() => BenchPaths.RepoRoot() is { } root ? Path.GetFullPath(Path.Combine(root, DefaultRelativeDir)) : null;

    /// <summary>
    /// The documented split: "tune" is the pages whose id starts with 0-7 (about half, by the hash ids), "holdout" the
    /// rest. Thresholds are meant to be tuned on the first and checked on the second.
    /// </summary>
    public static IReadOnlyList<ExtractionCase> Subset(IReadOnlyList<ExtractionCase> cases, string subset) => subset switch
    {
        "tune" => cases.Where(c => c.Id.Length > 0 && c.Id[0] is >= '0' and <= '7').ToList(),
        "holdout" => cases.Where(c => c.Id.Length == 0 || c.Id[0] is not (>= '0' and <= '7')).ToList(),
        _ => cases,
    };

    /// <summary>Reads every page with a ground-truth entry, in id order. Decompression and decoding happen here, before any timing.</summary>
    public static async Task<IReadOnlyList<ExtractionCase>> LoadAsync(string dir, CancellationToken cancellationToken)
    {
        var truthPath = Path.Combine(dir, "ground-truth.json");
        await using var stream = File.OpenRead(truthPath);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var cases = new List<ExtractionCase>();
        foreach (var entry in json.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var truth = entry.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? string.Empty : string.Empty;
            var url = entry.Value.TryGetProperty("url", out var u) ? u.GetString() : null;
            var file = Path.Combine(dir, "html", entry.Name + ".html.gz");
            byte[] bytes;
            if (File.Exists(file))
            {
                await using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                await gz.CopyToAsync(buffer, cancellationToken);
                bytes = buffer.ToArray();
            }
            else if (File.Exists(Path.Combine(dir, "html", entry.Name + ".html")))
            {
                bytes = await File.ReadAllBytesAsync(Path.Combine(dir, "html", entry.Name + ".html"), cancellationToken);
            }
            else
            {
                continue;
            }

            cases.Add(new ExtractionCase(entry.Name, bytes, url, truth));
        }

        return cases;
    }
}
