using System.CommandLine;
using System.Runtime.InteropServices;
using Parallax.App.Commands;

// Exit codes (docs/contracts.md): 0 everything done; 1 some inputs failed, each named, the rest done;
// 2 a usage error; 3 the run itself failed; 130 stopped by Ctrl-C, 143 by SIGTERM.
var root = new RootCommand("Parallax: turns a stream of news pages into stories, with copies and spun copies linked to their originals.")
{
    AnalyzeCommand.Create(),
    PairsCommand.Create(),
    FeedsCommand.Create(),
    ImportCommand.Create(),
    WorkerCommand.Create(),
    AlignCommand.Create(),
    BenchCommand.Create(),
    ServeCommand.Create(),
    SourcesCommand.Create(),
};

var verbose = CommandLineArguments.IsVerbose(args);
var (arguments, usageError) = CommandLineArguments.Normalize(args, path => File.Exists(path) || Directory.Exists(path));
if (usageError is not null)
{
    await Console.Error.WriteLineAsync($"parallax: {usageError}");
    return ExitCodes.Usage;
}

// No response files (@name is a page name like any other) and no bundling (-h.html is not -h).
var parse = root.Parse(arguments, new ParserConfiguration { ResponseFileTokenReplacer = null, EnablePosixBundling = false });
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"parallax: {error.Message}");
    }

    await Console.Error.WriteLineAsync($"parallax: run '{CommandLineArguments.HelpCommand(args)}' for the usage.");
    return ExitCodes.Usage;
}

// Ctrl-C and SIGTERM cancel the run's token; a step that cannot watch it (one long parse inside the core) must not
// hold the exit back, so two seconds later the process ends whatever it is doing.
using var stop = new CancellationTokenSource();
var stoppedWith = ExitCodes.Interrupted;
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    var code = stoppedWith = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
    stop.Cancel();
    new Thread(() =>
    {
        Thread.Sleep(TimeSpan.FromSeconds(2));
        Console.Error.WriteLine("parallax: stopped before the end; nothing more was written.");
        Environment.Exit(code);
    })
    { IsBackground = true }.Start();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
try
{
    // The default handler would print a stack trace and exit 1, the code of "some inputs failed".
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("parallax: stopped before the end; nothing more was written.");
    return stoppedWith;
}
catch (Exception e)
{
    await Console.Error.WriteLineAsync(verbose
        ? $"parallax: the run failed on an internal error and stopped:\n{e}"
        : "parallax: the run failed on an internal error and stopped (run again with --verbose for the details).");
    return ExitCodes.Crash;
}
