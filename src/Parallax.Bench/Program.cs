using System.CommandLine;
using Parallax.Bench.Extract;
using Parallax.Bench.Stories;

// `parallax bench ...` forwards here (GUIDE.md section 4); `parallax-bench stories` is the same as `parallax bench stories`.
var root = new RootCommand("Parallax benchmarks: each prints its figures with the command that reproduces them.")
{
    BenchExtractCommand.Create(),
    BenchStoriesCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
