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
    private readonly Process process;
    private readonly Task<string> errors;

    private ServerChild(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
    }

    public Uri Address { get; }

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

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
