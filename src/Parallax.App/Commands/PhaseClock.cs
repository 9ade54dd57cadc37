using System.Diagnostics;
using System.Globalization;

namespace Parallax.App.Commands;

/// <summary>
/// `analyze --timings`: how long each phase of one run took, written as `timing: PHASE MS ms [what]` lines to standard
/// error (`parallax bench startup` reads them). The first phase, start-up, runs from the process's start (as the kernel
/// records it) to the command's first line: the runtime, the assemblies and the command line parser.
/// </summary>
internal sealed class PhaseClock(TextWriter output)
{
    private readonly Stopwatch clock = new();
    private double total;

    public void StartUp()
    {
        using var process = Process.GetCurrentProcess();
        Write("start-up", (DateTime.Now - process.StartTime).TotalMilliseconds, null);
        clock.Start();
    }

    /// <summary>Ends the phase that ran since the last call.</summary>
    public void Phase(string name, string? what = null)
    {
        Write(name, clock.Elapsed.TotalMilliseconds, what);
        clock.Restart();
    }

    public void Total() => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timing: total {total:F0} ms"));

    /// <summary>
    /// Time spent inside the phases on one thing (the embedding model, the garbage collector's pauses), written after
    /// the total in the same form and not added to it: where a phase's time went, not another phase.
    /// </summary>
    public void Part(string name, TimeSpan spent, string what) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timing: {name} {spent.TotalMilliseconds:F0} ms ({what})"));

    private void Write(string name, double milliseconds, string? what)
    {
        total += milliseconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timing: {name} {milliseconds:F0} ms{(what is null ? "" : $" ({what})")}"));
    }
}
