using System.Text.Json;
using Parallax.Bench.Extract.Peers;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Encoding;
using Parallax.Ingest.Files;

namespace Parallax.Bench.Extract;

/// <summary>
/// One benchmark page: the page as <see cref="PageFiles"/> read it from its file (the bytes a user's file gives the
/// pipeline), its address where the set records one (for the peers only), its true article body, and, for WCXB, the
/// rest of its ground truth.
/// </summary>
internal sealed record ExtractionCase(string Id, byte[] Bytes, string? Url, string Truth, PageInput? Input = null, WcxbTruth? Wcxb = null)
{
    /// <summary>What the pipeline is given: the page as read from its file, or (for pages built in memory) one made from the bytes.</summary>
    public PageInput Page => Input ?? new PageInput(Id, PageFormat.Html, Bytes, null, Url);

    /// <summary>The page as the peers take it: decoded text. Made only when peers run, so our timed passes work on a smaller heap.</summary>
    public BenchPage ToBenchPage() => new(Id, TextDecoder.DecodeHtml(Bytes), Url);
}

/// <summary>Finds and reads the Scrapinghub article-extraction benchmark (upstream layout: ground-truth.json and html/ID.html.gz).</summary>
internal static class ExtractionBenchData
{
    /// <summary>Where the benchmark lives relative to the repository root.</summary>
    public const string DefaultRelativeDir = "../shared/benchmarks/article-extraction";

    public static string? DefaultDir() => BenchPaths.RepoRoot() is { } root ? Path.GetFullPath(Path.Combine(root, DefaultRelativeDir)) : null;

    /// <summary>Whether <paramref name="dir"/> holds a benchmark in this layout.</summary>
    public static bool IsSet(string dir) => File.Exists(Path.Combine(dir, "ground-truth.json"));

    /// <summary>
    /// The documented split: the calibration half ("tune") is the pages whose id starts with 0-7 (about half, by the
    /// hash ids), "holdout" the rest. Thresholds are meant to be tuned on the first and checked on the second.
    /// </summary>
    public static bool IsCalibration(string id) => id.Length > 0 && id[0] is >= '0' and <= '7';

    /// <summary>Reads every page with a ground-truth entry, in id order, through <see cref="PageFiles"/>; nothing is timed here.</summary>
    public static async Task<IReadOnlyList<ExtractionCase>> LoadAsync(string dir, CancellationToken cancellationToken)
    {
        var truthPath = Path.Combine(dir, "ground-truth.json");
        await using var stream = File.OpenRead(truthPath);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var files = new PageFiles();
        var cases = new List<ExtractionCase>();
        foreach (var entry in json.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var truth = entry.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? string.Empty : string.Empty;
            var url = entry.Value.TryGetProperty("url", out var u) ? u.GetString() : null;
            if (await LoadPageAsync(files, dir, entry.Name, cancellationToken) is { } page)
            {
                cases.Add(new ExtractionCase(entry.Name, page.Content.ToArray(), url, truth, page));
            }
        }

        return cases;
    }

    /// <summary>html/ID.html.gz (or html/ID.html) read as a user's file is read; null when neither is there or it cannot be read.</summary>
    public static async Task<PageInput?> LoadPageAsync(PageFiles files, string dir, string id, CancellationToken cancellationToken)
    {
        foreach (var name in (string[])[id + ".html.gz", id + ".html"])
        {
            var path = Path.Combine(dir, "html", name);
            if (File.Exists(path))
            {
                var load = await files.LoadAsync(path, cancellationToken);
                return load.Page;
            }
        }

        return null;
    }
}
