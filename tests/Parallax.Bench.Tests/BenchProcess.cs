using System.Diagnostics;

namespace Parallax.Bench.Tests;

/// <summary>Runs the real `parallax-bench` executable (built beside the tests) as a child process.</summary>
internal static class BenchProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Result> RunAsync(params string[] args) => RunAsync(TimeSpan.FromMinutes(3), args);

    /// <summary>Runs with a longer limit, for a benchmark that starts several child processes of its own.</summary>
    public static async Task<Result> RunAsync(TimeSpan limit, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot() ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parallax-bench.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The folder holding Parallax.slnx; null outside a checkout.</summary>
    public static string? RepositoryRoot() => TestRepository.Root();

}
