using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parallax.Bench.Extract.Peers;

/// <summary>
/// Readability.js 0.6 on jsdom, run by <c>node bench/peers/readability-runner.mjs</c> as a child process. The pages
/// go to the runner as JSON lines in a temporary file; node times each pass itself (jsdom parsing, Readability's
/// parse() and the article's text only, so node's start-up and our file transfer stay out of the figures) and
/// reports its own peak RSS. A missing setup is reported in <see cref="PeerRun.Error"/>, never thrown.
/// </summary>
internal sealed class ReadabilityJsPeer(string repoRoot, string node = "node") : IExtractionPeer
{
    /// <summary>The npm project holding the runner and its package-lock.json, relative to the repository root.</summary>
    internal const string PeersDir = "bench/peers";

    internal const string RunnerFile = "readability-runner.mjs";

    public string Name => "Readability.js";

    public async Task<PeerRun> RunAsync(IReadOnlyList<BenchPage> pages, int passes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);

        var dir = Path.GetFullPath(Path.Combine(repoRoot, PeersDir));
        var runner = Path.Combine(dir, RunnerFile);
        if (!File.Exists(runner))
        {
            return Failed($"runner not found at {runner}");
        }

        if (!Directory.Exists(Path.Combine(dir, "node_modules", "@mozilla", "readability")) || !Directory.Exists(Path.Combine(dir, "node_modules", "jsdom")))
        {
            return Failed($"node_modules missing: run `npm ci --prefix {PeersDir}` (in {Path.GetFullPath(repoRoot)})");
        }

        var input = Path.Combine(Path.GetTempPath(), $"parallax-peer-{Guid.NewGuid():N}.jsonl");
        var output = Path.ChangeExtension(input, ".json");
        try
        {
            // Text that is not valid UTF-16 (a lone surrogate) is written as U+FFFD, so every page reaches node.
            await WritePagesAsync(input, pages, cancellationToken);

            var (exitCode, stderr) = await RunNodeAsync(runner, dir, input, passes, output, cancellationToken);
            if (exitCode is null)
            {
                return Failed($"node not found: install Node.js 20 or later and put `{node}` on PATH");
            }

            if (exitCode != 0)
            {
                return Failed($"readability-runner exited with code {exitCode}: {Tail(stderr)}");
            }

            return await ReadResultAsync(output, pages.Count, cancellationToken);
        }
        finally
        {
            TryDelete(input);
            TryDelete(output);
        }
    }

    private PeerRun Failed(string error) => new(Name, [], [], null, error);

    /// <summary>One JSON object per line: {"id", "html", "url"}. JSON escapes every line break inside the HTML.</summary>
    private static async Task WritePagesAsync(string path, IReadOnlyList<BenchPage> pages, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var newline = "\n"u8.ToArray();

        // The file only ever reaches node's JSON.parse, never a web page, so HTML-sensitive characters need no escaping.
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using (var writer = new Utf8JsonWriter(file, options))
            {
                writer.WriteStartObject();
                writer.WriteString("id", page.Id);
                writer.WriteString("html", page.Html);
                writer.WriteString("url", page.Url);
                writer.WriteEndObject();
            }

            await file.WriteAsync(newline, cancellationToken);
        }
    }

    /// <summary>Runs the runner; the exit code is null when node itself could not be started.</summary>
    private async Task<(int? ExitCode, string Stderr)> RunNodeAsync(string runner, string workingDir, string input, int passes, string output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = workingDir,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(runner);
        start.ArgumentList.Add(input);
        start.ArgumentList.Add(passes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(output);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            return (null, string.Empty);
        }

        // Both pipes drain at once, so that a chatty child never blocks on a full pipe.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended on its own in the meantime.
            }

            throw;
        }

        await stdout;
        return (process.ExitCode, await stderr);
    }

    private async Task<PeerRun> ReadResultAsync(string output, int pageCount, CancellationToken cancellationToken)
    {
        if (!File.Exists(output))
        {
            return Failed("readability-runner wrote no result");
        }

        await using var stream = File.OpenRead(output);
        JsonDocument json;
        try
        {
            json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            return Failed($"readability-runner wrote a result that is not JSON: {exception.Message}");
        }

        using (json)
        {
            var root = json.RootElement;
            if (!root.TryGetProperty("texts", out var textsElement) || textsElement.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("passSeconds", out var secondsElement) || secondsElement.ValueKind != JsonValueKind.Array)
            {
                return Failed("readability-runner's result lacks texts or passSeconds");
            }

            var texts = new List<string>(pageCount);
            foreach (var text in textsElement.EnumerateArray())
            {
                texts.Add(text.GetString() ?? string.Empty);
            }

            if (texts.Count != pageCount)
            {
                return Failed($"readability-runner returned {texts.Count} texts for {pageCount} pages");
            }

            var seconds = new List<double>();
            foreach (var value in secondsElement.EnumerateArray())
            {
                seconds.Add(value.GetDouble());
            }

            long? peak = root.TryGetProperty("peakRssBytes", out var peakElement) && peakElement.ValueKind == JsonValueKind.Number
                ? (long)peakElement.GetDouble()
                : null;
            return new PeerRun(Name, texts, seconds, peak, null);
        }
    }

    private static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? "(no message)" : trimmed.Length > 600 ? "..." + trimmed[^600..] : trimmed;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A temporary file left behind is harmless; the benchmark's figures matter more.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
