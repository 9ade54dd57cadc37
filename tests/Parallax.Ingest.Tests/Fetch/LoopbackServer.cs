using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Parallax.Ingest.Tests.Fetch;

/// <summary>A request as the test server saw it.</summary>
internal sealed record SeenRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A real HTTP/1.1 server on a loopback socket, written on a TcpListener so a test controls every byte and every
/// pause: headers that never come, bodies that stall half way, wrong lengths. One response per connection
/// (Connection: close). Routes are exact paths; an unknown path is 404.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    public delegate Task Handler(SeenRequest request, Stream response, CancellationToken cancellationToken);

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<string, Handler> routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SeenRequest> seen = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public LoopbackServer()
    {
        listener.Start();
        accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public Uri Url(string path) => new($"http://127.0.0.1:{Port}{path}");

    public IReadOnlyList<SeenRequest> Requests => [.. seen];

    public void Map(string path, Handler handler) => routes[path] = handler;

    /// <summary>A complete response with a body and Content-Length.</summary>
    public void Map(string path, int status, string body, params (string Name, string Value)[] headers) =>
        Map(path, (_, stream, ct) => WriteAsync(stream, status, Encoding.UTF8.GetBytes(body), headers, ct));

    public static async Task WriteAsync(Stream stream, int status, byte[] body, (string Name, string Value)[] headers, CancellationToken cancellationToken, bool withLength = true)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (withLength)
        {
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Only the status line and headers; the handler sends (or withholds) the body itself.</summary>
    public static Task WriteHeadAsync(Stream stream, int status, (string Name, string Value)[] headers, CancellationToken cancellationToken) =>
        WriteAsync(stream, status, [], headers, cancellationToken, withLength: false);

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        _ => "Status",
    };

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, stop.Token);
                if (request is null)
                {
                    return;
                }

                seen.Enqueue(request);
                if (routes.TryGetValue(request.Path, out var handler))
                {
                    await handler(request, stream, stop.Token);
                }
                else
                {
                    await WriteAsync(stream, 404, "not found"u8.ToArray(), [("Content-Type", "text/plain")], stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (as a fetcher that stops at a limit does): nothing to do.
            }
        }
    }

    private static async Task<SeenRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n')
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString([.. buffer]).Split("\r\n");
        var parts = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return new SeenRequest(parts[0], parts.Length > 1 ? parts[1] : "/", headers);
    }

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }
}
