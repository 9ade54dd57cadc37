using System.Diagnostics;
using System.Globalization;

namespace Parallax.Bench.Hostile;

/// <summary>What one child run did: exit code (null when it was killed at the time limit), outputs, peak memory.</summary>
/// <param name="CpuSeconds">User and system CPU time of the child at its last sample (0 where /proc is absent): on a
/// shared machine a steadier measure of work than wall time.</param>
internal sealed record ChildResult(int? ExitCode, string StandardOutput, string StandardError, long PeakResidentBytes, double Seconds, double CpuSeconds = 0)
{
    public bool TimedOut => ExitCode is null;
}

/// <summary>
/// Runs `dotnet parallax.dll ARGS` (or another program) with a time limit, sampling the child's peak resident memory (VmHWM in
/// /proc/PID/status, which the kernel keeps as a high-water mark, so a sample every few milliseconds only misses
/// growth in the child's last moments).
/// </summary>
internal static class ChildRun
{
    public static Task<ChildResult> RunAsync(string parallaxDll, IReadOnlyList<string> args, TimeSpan limit, CancellationToken cancellationToken) =>
        RunProgramAsync("dotnet", [parallaxDll, .. args], limit, cancellationToken);

    /// <summary>Runs any program the same way (the start-up bench runs a published `parallax` under `taskset`).</summary>
    public static async Task<ChildResult> RunProgramAsync(string program, IReadOnlyList<string> args, TimeSpan limit, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        long peak = 0;
        double cpu = 0;
        var timedOut = false;
        try
        {
            while (!process.HasExited)
            {
                peak = Math.Max(peak, PeakResidentBytes(process.Id));
                cpu = Math.Max(cpu, CpuSeconds(process.Id));
                if (clock.Elapsed > limit)
                {
                    timedOut = true;
                    process.Kill(entireProcessTree: true);
                    break;
                }

                await Task.Delay(10, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // A benchmark stopped with Ctrl-C takes its children with it rather than leaving them running.
            process.Kill(entireProcessTree: true);
            throw;
        }

        await process.WaitForExitAsync(cancellationToken);
        return new ChildResult(timedOut ? null : process.ExitCode, await output, await error, peak, clock.Elapsed.TotalSeconds, cpu);
    }

    /// <summary>
    /// User plus system CPU seconds of a live process (fields 14 and 15 of /proc/PID/stat, after the command name in
    /// parentheses, in clock ticks of 1/100 s, Linux's USER_HZ); 0 when it is gone or /proc is absent.
    /// </summary>
    internal static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            // The child exited between the check and the read.
            return 0;
        }
    }

    /// <summary>VmHWM of a live process in bytes; 0 when it is gone or /proc is absent.</summary>
    internal static long PeakResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // The child exited between the check and the read.
        }

        return 0;
    }
}
