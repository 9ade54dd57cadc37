using System.Diagnostics;

namespace Parallax.Bench;

/// <summary>
/// Tells a person watching a long benchmark which phase it is in, on standard error so that figures and JSON on
/// standard output stay clean. Plain lines rather than a live spinner: a spinner's refresh thread would share the
/// core that a single-threaded timing pass is measuring.
/// </summary>
internal sealed class BenchProgress(TextWriter output)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public static BenchProgress ToStandardError() => new(Console.Error);

    public void Step(string message) => output.WriteLine($"[{clock.Elapsed:mm\\:ss}] {message}");
}
