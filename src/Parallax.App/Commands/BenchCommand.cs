using System.CommandLine;
using Parallax.App.Bench.Extract;
using Parallax.App.Bench.Stories;

namespace Parallax.App.Commands;

/// <summary>`parallax bench ...`: the benchmarks of GUIDE.md section 4.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Run a benchmark and print its figures with the command that reproduces them.")
    {
        BenchExtractCommand.Create(),
        BenchStoriesCommand.Create(),
    };
}
