using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Parallax.Bench.Hostile;

namespace Parallax.Bench.Pipeline;

/// <summary>
/// The real `parallax serve --db FILE --urls http://127.0.0.1:PORT` as a child process, on a free loopback port, with
/// the admin password given in PARALLAX_ADMIN_PASSWORD (so none is made and printed). Ready once /healthz answers;
/// stopped (and its peak resident memory read) on dispose.
/// </summary>
internal sealed class ServerChild : IAsyncDisposable
{
    /// <summary>The start of the line `parallax serve` logs once its ingest session is rebuilt from the store.</summary>
    public const string ReadyLine = "Ingest session rebuilt from";

    private readonly Process process;
    private readonly Task<string> errors;
    private readonly Stopwatch sinceStart = Stopwatch.StartNew();
    private long sessionReadyTicks = -1;

    private ServerChild(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        errors = process.StandardError.ReadToEndAsync();
        _ = WatchOutputAsync();
    }

    public Uri Address { get; }

    /// <summary>Time since the child started.</summary>
    public TimeSpan Elapsed => sinceStart.Elapsed;

    /// <summary>
    /// When, after the start, the server had rebuilt its ingest session from the store (its replay ran beside the reads
    /// until then); null while it has not.
    /// </summary>
    public TimeSpan? SessionReadyAfter => Interlocked.Read(ref sessionReadyTicks) is var ticks and >= 0 ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>The child's peak resident memory so far (VmHWM).</summary>
    public long PeakResidentBytes => ChildRun.PeakResidentBytes(process.Id);

    public static async Task<ServerChild> StartAsync(string parallaxDll, string database, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { parallaxDll, "serve", "--db", database, "--urls", url })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PARALLAX_ADMIN_PASSWORD"] = "pipeline-bench-" + Guid.NewGuid().ToString("N");
        var server = new ServerChild(Process.Start(start)!, new Uri(url + "/"));
        try
        {
            await server.WaitReadyAsync(TimeSpan.FromMinutes(3), cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task WaitReadyAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"`parallax serve` exited ({process.ExitCode}) before answering: {(await errors).Trim()}");
            }

            try
            {
                using var answer = await client.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but slow to answer while it starts.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"`parallax serve` did not answer /healthz within {limit.TotalSeconds:N0} s.");
    }

    /// <summary>Waits until the server logs that its ingest session is rebuilt (or it exits: then this throws).</summary>
    public async Task WaitSessionReadyAsync(CancellationToken cancellationToken)
    {
        while (SessionReadyAfter is null)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"`parallax serve` exited ({process.ExitCode}) before its ingest session was rebuilt: {(await errors).Trim()}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private async Task WatchOutputAsync()
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Contains(ReadyLine, StringComparison.Ordinal))
            {
                Interlocked.CompareExchange(ref sessionReadyTicks, sinceStart.Elapsed.Ticks, -1);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Where the server's session replay (its rebuild of the ingest session from the store, at start, on a lower-priority
/// thread) fell against the load: the reads it served during the replay shared the processor with it.
/// </summary>
internal sealed record ReplayTiming(TimeSpan LoadStart, TimeSpan LoadEnd, TimeSpan? SessionReady)
{
    public string Describe() => SessionReady switch
    {
        null => string.Create(CultureInfo.InvariantCulture, $"the server was still rebuilding its ingest session from the store when the load ended ({LoadEnd.TotalSeconds:N0} s after its start)"),
        var ready when ready <= LoadStart => string.Create(CultureInfo.InvariantCulture, $"its ingest session was rebuilt {ready.Value.TotalSeconds:N1} s after its start, before the load"),
        var ready => string.Create(CultureInfo.InvariantCulture, $"its ingest session was rebuilt {ready.Value.TotalSeconds:N1} s after its start, {(ready.Value - LoadStart).TotalSeconds:N1} s into the load"),
    };
}
