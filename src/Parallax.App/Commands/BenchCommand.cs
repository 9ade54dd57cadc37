using System.CommandLine;
using System.Diagnostics;

namespace Parallax.App.Commands;

/// <summary>
/// `parallax bench ...`: the benchmarks live in their own executable (src/Parallax.Bench, `parallax-bench`), so that
/// the product does not ship the peers it is measured against. This command runs that executable with the same
/// arguments when it is built beside this one or in the checkout this one runs from.
/// </summary>
internal static class BenchCommand
{
    private const string BenchAssembly = "parallax-bench.dll";

    public static Command Create()
    {
        var command = new Command("bench",
            "Run a benchmark: extract, stories, hostile (the hostile-input campaign), pipeline (import, serve and workers at scale). Needs the benchmark tool, built with `dotnet build src/Parallax.Bench -c Release`; "
            + "`parallax bench stories --help` lists a benchmark's options.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, cancellationToken) => ForwardAsync(parse.UnmatchedTokens, cancellationToken));
        return command;
    }

    private static async Task<int> ForwardAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (Locate() is not { } bench)
        {
            await Console.Error.WriteLineAsync(
                "parallax: the benchmarks are not part of this build. Build them with `dotnet build src/Parallax.Bench -c Release` "
                + "in a checkout, then run `parallax bench ...` again.");
            return 2;
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        start.ArgumentList.Add(bench);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return process.ExitCode;
    }

    /// <summary>Beside this executable, else the newest build in the checkout it runs from; null when neither exists.</summary>
    private static string? Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, BenchAssembly);
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Parallax.slnx")))
            {
                continue;
            }

            string? newest = null;
            foreach (var configuration in new[] { "Release", "Debug" })
            {
                var candidate = Path.Combine(dir.FullName, "src", "Parallax.Bench", "bin", configuration, "net10.0", BenchAssembly);
                if (File.Exists(candidate) && (newest is null || File.GetLastWriteTimeUtc(candidate) > File.GetLastWriteTimeUtc(newest)))
                {
                    newest = candidate;
                }
            }

            return newest;
        }

        return null;
    }
}
