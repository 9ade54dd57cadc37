using System.CommandLine;
using Parallax.Bench.Coverage;
using Parallax.Bench.Extract;
using Parallax.Bench.Hostile;
using Parallax.Bench.Pipeline;
using Parallax.Bench.Spin;
using Parallax.Bench.Startup;
using Parallax.Bench.Stories;

// `parallax bench ...` forwards here (GUIDE.md section 4); `parallax-bench stories` is the same as `parallax bench stories`.
var root = new RootCommand("Parallax benchmarks: each prints its figures with the command that reproduces them.")
{
    BenchExtractCommand.Create(),
    BenchStoriesCommand.Create(),
    BenchCoverageCommand.Create(),
    HostileCommand.Create(),
    BenchSpinCommand.Create(),
    PipelineCommand.Create(),
    StartupCommand.Create(),
};

// A usage error (a bad option value among them) exits 2 before any work, as `parallax` does.
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"parallax-bench: {error.Message}");
    }

    return 2;
}

return await parse.InvokeAsync();
