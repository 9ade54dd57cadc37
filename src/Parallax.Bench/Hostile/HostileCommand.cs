using System.CommandLine;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Parallax.Bench.Hostile;

/// <summary>
/// `parallax bench hostile [--inputs N] [--seed S]`: a reproducible hostile-input campaign against the real `parallax`
/// executable. Hostile files and hostile `pairs` lines are generated from the seed and mixed with good pages (real pages
/// of the article-extraction benchmark that give an article when analysed alone) in the same runs; each run has a time
/// limit and its peak memory measured. Reports crashes, hangs, good results lost and peak memory; exits 1 when any target
/// (0 crashes, 0 hangs, 0 good lost, under 1 GB a run) is missed.
/// </summary>
internal static class HostileCommand
{
    private const long MemoryTarget = 1L << 30;

    public static Command Create()
    {
        var inputs = new Option<int>("--inputs") { Description = "Hostile inputs to generate (files and pairs lines together).", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generator; the same seed gives the same inputs.", DefaultValueFactory = _ => 13 };
        var batch = new Option<int>("--batch") { Description = "Hostile files per `analyze` run.", DefaultValueFactory = _ => 250 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds one run may take before it counts as a hang.", DefaultValueFactory = _ => 300 };
        var parallax = new Option<string?>("--parallax") { Description = "The parallax.dll to test (default: the newest build in this checkout)." };
        foreach (var option in new[] { inputs, batch, timeout })
        {
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() < 1)
                {
                    r.AddError($"{r.Option.Name} must be a whole number of at least 1.");
                }
            });
        }

        var command = new Command("hostile", "Hostile-input campaign: generated bad files and pairs lines mixed with good pages, through the real `parallax analyze` and `parallax pairs`.")
        {
            inputs, seed, batch, timeout, parallax,
        };
        command.SetAction((r, ct) => RunAsync(r.GetValue(inputs), r.GetValue(seed), r.GetValue(batch), TimeSpan.FromSeconds(r.GetValue(timeout)), r.GetValue(parallax), ct));
        return command;
    }

    private sealed class Tally
    {
        public int Runs, Crashes, Hangs, GoodSent, GoodLost, Unnamed, InternalErrors, HostileFiles, HostileLines, GoodLines;
        public long PeakBytes;
        public double Seconds;
        public readonly List<string> Problems = [];
        public readonly List<long> Peaks = [];

        public void Add(ChildResult run, string what)
        {
            Runs++;
            Seconds += run.Seconds;
            PeakBytes = Math.Max(PeakBytes, run.PeakResidentBytes);
            Peaks.Add(run.PeakResidentBytes);
            if (run.TimedOut)
            {
                Hangs++;
                Problems.Add($"hang: {what}");
            }
            else if (run.ExitCode is not (0 or 1))
            {
                Crashes++;
                Problems.Add($"crash (exit {run.ExitCode}): {what}: {run.StandardError[^Math.Min(400, run.StandardError.Length)..]}");
            }

            InternalErrors += run.StandardError.Split('\n').Count(l => l.Contains("internal error", StringComparison.Ordinal));
        }
    }

    private static async Task<int> RunAsync(int inputs, int seed, int batch, TimeSpan limit, string? parallax, CancellationToken cancellationToken)
    {
        parallax ??= BenchPaths.ParallaxDll();
        if (parallax is null || !File.Exists(parallax))
        {
            await Console.Error.WriteLineAsync("parallax-bench: parallax.dll not found; build it (`dotnet build src/Parallax.App -c Release`) or pass --parallax PATH.");
            return 2;
        }

        var pages = await RealPagesAsync(cancellationToken);
        var work = Directory.CreateTempSubdirectory("parallax-hostile-").FullName;
        var tally = new Tally();
        try
        {
            var good = await BaselineAsync(parallax, pages, work, limit, tally, cancellationToken);
            Console.WriteLine($"baseline: {good.Count} of {pages.Count} real pages give an article alone; these are the good pages mixed in.");
            var generator = new HostileInputs(seed, pages);
            var random = new Random(seed + 1);
            var fileInputs = inputs * 3 / 4;
            for (var start = 0; start < fileInputs; start += batch)
            {
                await AnalyzeBatchAsync(parallax, generator, random, good, pages, work, start, Math.Min(batch, fileInputs - start), limit, tally, cancellationToken);
                Console.WriteLine($"analyze: {Math.Min(start + batch, fileInputs):N0} of {fileInputs:N0} hostile files; crashes {tally.Crashes}, hangs {tally.Hangs}, good lost {tally.GoodLost}, peak {tally.PeakBytes / 1048576.0:N0} MB");
            }

            var lineInputs = inputs - fileInputs;
            for (var start = 0; start < lineInputs; start += batch * 4)
            {
                await PairsBatchAsync(parallax, generator, random, work, start, Math.Min(batch * 4, lineInputs - start), limit, tally, cancellationToken);
                Console.WriteLine($"pairs: {Math.Min(start + batch * 4, lineInputs):N0} of {lineInputs:N0} hostile lines; crashes {tally.Crashes}, hangs {tally.Hangs}, good lost {tally.GoodLost}, peak {tally.PeakBytes / 1048576.0:N0} MB");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        var peaks = tally.Peaks.Order().ToList();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"hostile inputs: {tally.HostileFiles + tally.HostileLines:N0} ({tally.HostileFiles:N0} files, {tally.HostileLines:N0} pairs lines); good inputs mixed in: {tally.GoodSent:N0} pages, {tally.GoodLines:N0} pairs lines"));
        Console.WriteLine(string.Create(inv, $"runs: {tally.Runs} ({tally.Seconds:N0} s); crashes: {tally.Crashes}; hangs (over {limit.TotalSeconds:N0} s): {tally.Hangs}; good results lost: {tally.GoodLost}"));
        Console.WriteLine(string.Create(inv, $"peak memory per run: max {tally.PeakBytes / 1048576.0:N0} MB, median {peaks[peaks.Count / 2] / 1048576.0:N0} MB; runs over 1 GB: {peaks.Count(p => p > MemoryTarget)}"));
        Console.WriteLine(string.Create(inv, $"bad files not named on standard error: {tally.Unnamed}; per-page internal errors caught and reported: {tally.InternalErrors}"));
        foreach (var problem in tally.Problems.Take(30))
        {
            Console.WriteLine($"  {problem}");
        }

        Console.WriteLine($"reproduce: {ReproduceLine.Current()}");
        return tally.Crashes + tally.Hangs + tally.GoodLost + tally.Unnamed == 0 && tally.PeakBytes < MemoryTarget ? 0 : 1;
    }

    /// <summary>Which real pages give an article when analysed alone (in one run): only those are expected back.</summary>
    private static async Task<List<int>> BaselineAsync(string parallax, IReadOnlyList<byte[]> pages, string work, TimeSpan limit, Tally tally, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "baseline")).FullName;
        for (var i = 0; i < pages.Count; i++)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"good{i:D4}.html"), pages[i], ct);
        }

        var run = await ChildRun.RunAsync(parallax, ["analyze", "--json", folder], limit, ct);
        tally.Add(run, "baseline");
        var found = ArticlePaths(run.StandardOutput).Select(p => Path.GetFileName(p)).ToHashSet(StringComparer.Ordinal);
        Directory.Delete(folder, recursive: true);
        return [.. Enumerable.Range(0, pages.Count).Where(i => found.Contains($"good{i:D4}.html"))];
    }

    private static async Task AnalyzeBatchAsync(string parallax, HostileInputs generator, Random random, List<int> good, IReadOnlyList<byte[]> pages,
        string work, int start, int count, TimeSpan limit, Tally tally, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, $"batch{start:D6}")).FullName;
        var plain = new List<string>();
        var goodNames = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var file = generator.NextFile(start + i);
            var path = Path.Combine(folder, file.Name);
            if (file.Bytes is not null)
            {
                await File.WriteAllBytesAsync(path, file.Bytes, ct);
                plain.Add(path);
            }
            else
            {
                file.Create!(folder);
            }

            // One good page for every three hostile files, in the same folder, so the same run must give it back.
            if (i % 3 == 0 && good.Count > 0)
            {
                var name = $"good-{start + i:D6}.html";
                var page = pages[good[random.Next(good.Count)]];
                var gzipped = random.Next(4) == 0;
                await File.WriteAllBytesAsync(Path.Combine(folder, gzipped ? name + ".gz" : name), gzipped ? HostileInputs.Gzip(page) : page, ct);
                goodNames.Add(name);
            }
        }

        tally.HostileFiles += count;
        tally.GoodSent += goodNames.Count;
        var run = await ChildRun.RunAsync(parallax, ["analyze", "--json", "--verbose", folder], limit, ct);
        tally.Add(run, $"analyze batch {start}");
        if (run.TimedOut || run.ExitCode is not (0 or 1))
        {
            return;
        }

        var found = ArticlePaths(run.StandardOutput).Select(p => Path.GetFileName(p)!.Replace(".gz", "", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        foreach (var name in goodNames.Where(n => !found.Contains(n)))
        {
            tally.GoodLost++;
            var reason = run.StandardError.Split('\n').FirstOrDefault(l => l.Contains(name, StringComparison.Ordinal)) ?? "no reason given";
            tally.Problems.Add($"good page lost: {name} in batch {start}: {reason}");
        }

        foreach (var path in plain.Where(p => PageLike(p) && !found.Contains(Path.GetFileName(p).Replace(".gz", "", StringComparison.Ordinal))))
        {
            if (!run.StandardError.Contains($"parallax: {path}: ", StringComparison.Ordinal))
            {
                tally.Unnamed++;
                tally.Problems.Add($"no article and no reason: {Path.GetFileName(path)}");
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    private static bool PageLike(string path) => Ingest.Files.PageFiles.FormatOf(path) is not null;

    private static async Task PairsBatchAsync(string parallax, HostileInputs generator, Random random, string work, int start, int count,
        TimeSpan limit, Tally tally, CancellationToken ct)
    {
        var path = Path.Combine(work, $"pairs{start:D6}.jsonl");
        var goodIds = new List<string>();
        await using (var file = File.Create(path))
        {
            for (var i = 0; i < count; i++)
            {
                await file.WriteAsync(generator.NextPairsLine(start + i), ct);
                file.WriteByte((byte)'\n');
                if (i % 3 == 0)
                {
                    var id = $"good-{start + i}";
                    await file.WriteAsync(generator.GoodPairsLine(id), ct);
                    file.WriteByte((byte)'\n');
                    goodIds.Add(id);
                }
            }
        }

        tally.HostileLines += count;
        tally.GoodLines += goodIds.Count;
        var run = await ChildRun.RunAsync(parallax, ["pairs", path], limit, ct);
        tally.Add(run, $"pairs batch {start}");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.GetProperty("id") is { ValueKind: JsonValueKind.String } id)
                {
                    ids.Add(id.GetString()!);
                }
            }
            catch (JsonException)
            {
                tally.Problems.Add($"pairs batch {start}: an output line is not JSON");
            }
        }

        foreach (var id in goodIds.Where(id => !ids.Contains(id)))
        {
            tally.GoodLost++;
            tally.Problems.Add($"good pairs line lost: {id}");
        }

        File.Delete(path);
    }

    private static IEnumerable<string> ArticlePaths(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return [.. document.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("path").GetString()!)];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>The article-extraction benchmark's pages (../shared), else the repository's samples.</summary>
    private static async Task<List<byte[]>> RealPagesAsync(CancellationToken ct)
    {
        var pages = new List<byte[]>();
        if (BenchPaths.BenchmarksRoot() is { } benchmarks && Directory.Exists(Path.Combine(benchmarks, "article-extraction", "html")))
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(benchmarks, "article-extraction", "html"), "*.html.gz").Order(StringComparer.Ordinal))
            {
                await using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                await gzip.CopyToAsync(buffer, ct);
                pages.Add(buffer.ToArray());
            }
        }

        if (pages.Count == 0 && BenchPaths.RepoRoot() is { } root)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "samples"), "*.html").Order(StringComparer.Ordinal))
            {
                pages.Add(await File.ReadAllBytesAsync(file, ct));
            }
        }

        return pages;
    }
}
