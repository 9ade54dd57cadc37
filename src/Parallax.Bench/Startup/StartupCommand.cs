using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parallax.Bench.Hostile;

namespace Parallax.Bench.Startup;

/// <summary>
/// `parallax bench startup [--parallax PATH] [--runs N] [--cores N] [--pages DIR]`: what a user waits for when one
/// `parallax analyze --json` runs over the 181 extraction pages from a cold start, pinned to the first N cores
/// (`taskset`). Each run is a fresh process; the figures are medians over the runs: wall time, pages per second, peak
/// memory (the child's VmHWM), its CPU time, and the phases `analyze --timings` reports, among them the cold extraction (the first
/// and only extraction pass of a fresh process, what `parallax-bench extract`'s warm passes leave out). The output's
/// hash is printed so that two builds can be shown to give the same result.
/// </summary>
internal static class StartupCommand
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public static Command Create()
    {
        var parallax = new Option<string?>("--parallax") { Description = "The `parallax` to run: a published executable (ReadyToRun) or parallax.dll (default: the newest build in this checkout)." };
        var runs = new Option<int>("--runs") { Description = "Cold runs; the figures are their medians.", DefaultValueFactory = _ => 5 };
        var cores = new Option<int>("--cores") { Description = "Cores the child may use (the first N, with taskset).", DefaultValueFactory = _ => 1 };
        var pages = new Option<string?>("--pages") { Description = "Folder of pages (default: the 181 pages of ../shared/benchmarks/article-extraction/html)." };
        foreach (var option in new[] { runs, cores })
        {
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() < 1)
                {
                    r.AddError($"{r.Option.Name} must be a whole number of at least 1.");
                }
            });
        }

        var command = new Command("startup", "A whole `parallax analyze --json` over the extraction pages from a cold start, on N cores: wall time, pages/s, peak memory, phases.")
        {
            parallax, runs, cores, pages,
        };
        command.SetAction((r, ct) => RunAsync(r.GetValue(parallax), r.GetValue(runs), r.GetValue(cores), r.GetValue(pages), ct));
        return command;
    }

    private static async Task<int> RunAsync(string? parallax, int runs, int cores, string? pages, CancellationToken cancellationToken)
    {
        parallax ??= BenchPaths.ParallaxDll();
        if (parallax is null || !File.Exists(parallax))
        {
            await Console.Error.WriteLineAsync("parallax-bench: parallax not found; publish it (`dotnet publish src/Parallax.App -c Release -r linux-x64 -o DIR`) and pass --parallax DIR/parallax.");
            return 2;
        }

        pages ??= BenchPaths.BenchmarksRoot() is { } root ? Path.Combine(root, "article-extraction", "html") : null;
        if (pages is null || !Directory.Exists(pages))
        {
            await Console.Error.WriteLineAsync("parallax-bench: the pages folder was not found; pass --pages DIR.");
            return 2;
        }

        var pageCount = Directory.EnumerateFiles(pages, "*", SearchOption.AllDirectories).Count();
        var (program, args) = Command(Path.GetFullPath(parallax), Math.Min(cores, Environment.ProcessorCount), pages);
        var samples = new List<StartupSample>();
        for (var i = 0; i < runs; i++)
        {
            var run = await ChildRun.RunProgramAsync(program, args, Limit, cancellationToken);
            if (i == 0 && run.ExitCode == 2 && run.StandardError.Contains("--timings", StringComparison.Ordinal))
            {
                // A build from before `--timings` (to compare against): the same run without the phases.
                args.Remove("--timings");
                run = await ChildRun.RunProgramAsync(program, args, Limit, cancellationToken);
            }

            if (run.ExitCode is not 0)
            {
                await Console.Error.WriteLineAsync($"parallax-bench: run {i + 1} exited {run.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "at the time limit"}: {run.StandardError[^Math.Min(600, run.StandardError.Length)..]}");
                return 1;
            }

            var sample = StartupSample.From(run);
            samples.Add(sample);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {i + 1}: {sample.Seconds:F2} s, CPU {sample.CpuSeconds:F2} s, peak {sample.PeakBytes / 1048576.0:N0} MB{(sample.Phases.Count > 0 ? ", " + StartupSample.Describe(sample.Phases) : "")}"));
        }

        Report(samples, pageCount, cores, parallax);
        return 0;
    }

    // taskset pins the child (and so every thread it starts) to the first N cores; a .dll runs through `dotnet`.
    private static (string Program, List<string> Args) Command(string parallax, int cores, string pages)
    {
        var args = new List<string> { "-c", cores == 1 ? "0" : $"0-{cores - 1}" };
        if (parallax.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            args.Add("dotnet");
        }

        args.AddRange([parallax, "analyze", "--json", "--timings", pages]);
        return ("taskset", args);
    }

    private static void Report(List<StartupSample> samples, int pages, int cores, string parallax)
    {
        var inv = CultureInfo.InvariantCulture;
        var seconds = Medians.Of(samples.Select(s => s.Seconds));
        var extraction = Medians.Of(samples.Select(s => s.Phase("extraction")));
        var started = Medians.Of(samples.Select(s => s.Phase("start-up")));
        var hashes = samples.Select(s => s.OutputHash).Distinct().ToList();
        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"parallax analyze --json over {pages} pages, cold, {cores} core(s), {samples.Count} runs ({parallax})"));
        Console.WriteLine(string.Create(inv,
            $"whole run: median {seconds:F2} s (min {samples.Min(s => s.Seconds):F2}, max {samples.Max(s => s.Seconds):F2}) = {pages / seconds:F0} pages/s; target 150 pages/s"));
        Console.WriteLine(string.Create(inv, $"CPU time (user + system, the steadier figure on a shared machine): median {Medians.Of(samples.Select(s => s.CpuSeconds)):F2} s"));
        Console.WriteLine(string.Create(inv, $"peak memory: median {Medians.Of(samples.Select(s => (double)s.PeakBytes)) / 1048576.0:N0} MB, max {samples.Max(s => s.PeakBytes) / 1048576.0:N0} MB (child's VmHWM)"));
        if (extraction > 0)
        {
            Console.WriteLine($"phases (median ms): {StartupSample.Describe(StartupSample.MedianPhases(samples))}");
            Console.WriteLine(string.Create(inv,
                $"cold extraction (the first pass of a fresh process): {pages / (extraction / 1000):F0} pages/s; with the process start-up: {pages / ((extraction + started) / 1000):F0} pages/s; target 300"));
        }
        else
        {
            Console.WriteLine("phases: this build has no `analyze --timings`");
        }
        Console.WriteLine($"output: sha256 {string.Join(", ", hashes)}{(hashes.Count == 1 ? " (every run the same)" : " (runs differ!)")}");
        Console.WriteLine($"reproduce: {ReproduceLine.Current()}");
    }

    /// <summary>One cold run: wall time, peak memory, the phases `--timings` printed, and the output's hash.</summary>
    internal sealed record StartupSample(double Seconds, double CpuSeconds, long PeakBytes, IReadOnlyList<(string Name, double Milliseconds)> Phases, string OutputHash)
    {
        public static StartupSample From(ChildResult run) => new(
            run.Seconds, run.CpuSeconds, run.PeakResidentBytes, ParsePhases(run.StandardError),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(run.StandardOutput)))[..16]);

        public double Phase(string name) => Phases.FirstOrDefault(p => p.Name == name).Milliseconds;

        /// <summary>The lines `parallax analyze --timings` writes to standard error: "timing: NAME MS ms".</summary>
        public static List<(string, double)> ParsePhases(string standardError)
        {
            var phases = new List<(string, double)>();
            foreach (var line in standardError.Split('\n'))
            {
                var parts = line.Trim().Split(' ');
                if (parts.Length >= 4 && parts[0] == "timing:" && parts[3] == "ms"
                    && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                {
                    phases.Add((parts[1], ms));
                }
            }

            return phases;
        }

        public static List<(string, double)> MedianPhases(List<StartupSample> samples) =>
            samples[0].Phases.Select(p => (p.Name, Medians.Of(samples.Select(s => s.Phase(p.Name))))).ToList();

        public static string Describe(IEnumerable<(string Name, double Milliseconds)> phases) =>
            string.Join(", ", phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Milliseconds:F0}")));
    }
}
