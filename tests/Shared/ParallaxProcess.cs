using System.Diagnostics;

namespace Parallax.Tests;

/// <summary>Runs the real `parallax` executable (built beside the tests that reference the app) as a child process.</summary>
internal static class ParallaxProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static Task<Result> RunAsync(params string[] args) => RunInAsync(RepositoryRoot() ?? AppContext.BaseDirectory, args);

    /// <summary>Runs with these environment variables set (PARALLAX_* settings) on top of the test's own.</summary>
    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(RepositoryRoot() ?? AppContext.BaseDirectory, args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return RunAsync(start);
    }

    /// <summary>Runs with the given working directory, so relative names such as "-h.html" can be passed.</summary>
    public static Task<Result> RunInAsync(string workingDirectory, params string[] args) => RunAsync(StartInfo(workingDirectory, args));

    private static async Task<Result> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The start of `dotnet parallax.dll ARGS` with both outputs redirected.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    public static string Executable => Path.Combine(AppContext.BaseDirectory, "parallax.dll");

    /// <summary>The folder holding Parallax.slnx; null outside a checkout.</summary>
    public static string? RepositoryRoot() => TestRepository.Root();
}
