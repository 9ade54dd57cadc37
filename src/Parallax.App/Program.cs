using System.CommandLine;
using Parallax.App.Commands;

var root = new RootCommand("Parallax: turns a stream of news pages into stories, with copies and spun copies linked to their originals.")
{
    AnalyzeCommand.Create(),
    PairsCommand.Create(),
    BenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
