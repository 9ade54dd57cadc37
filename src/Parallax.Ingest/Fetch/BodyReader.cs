using System.IO.Compression;

namespace Parallax.Ingest.Fetch;

/// <summary>
/// Reads a response body as it streams in, under three limits: the bytes on the wire, the bytes it inflates to
/// (gzip, deflate and brotli are decoded here, so a compression bomb stops at the cap, not in memory), and the time
/// between two reads (a server that stops sending is "stalled", not waited on for ever).
/// </summary>
internal static class BodyReader
{
    public sealed record Body(byte[]? Bytes, string? Error);

    public static async Task<Body> ReadAsync(Stream wire, string? contentEncoding, long maxBytes, TimeSpan stall, CancellationToken cancellationToken)
    {
        var counted = new CappedStream(wire, maxBytes);
        Stream decoded;
        var encoding = contentEncoding?.Trim().ToLowerInvariant();
        switch (encoding)
        {
            case null or "" or "identity":
                decoded = counted;
                break;
            case "gzip" or "x-gzip":
                decoded = new GZipStream(counted, CompressionMode.Decompress);
                break;
            case "deflate":
                // "deflate" is zlib-wrapped by the spec and raw in practice; the first byte tells them apart.
                decoded = new ZLibOrDeflateStream(counted);
                break;
            case "br":
                decoded = new BrotliStream(counted, CompressionMode.Decompress);
                break;
            default:
                return new Body(null, $"the response is encoded with \"{contentEncoding}\", which Parallax does not decode");
        }

        await using (decoded)
        {
            using var output = new MemoryStream();
            var buffer = new byte[64 * 1024];
            using var stallTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            while (true)
            {
                stallTimer.CancelAfter(stall);
                int read;
                try
                {
                    read = await decoded.ReadAsync(buffer, stallTimer.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return new Body(null, $"the server stopped sending: no data for {stall.TotalSeconds:0.#} s after {counted.Count:N0} bytes (stalled)");
                }
                catch (WireLimitException)
                {
                    return new Body(null, $"the response is over the {maxBytes:N0}-byte limit (stopped reading there)");
                }
                catch (InvalidDataException)
                {
                    return new Body(null, $"the {encoding} data of the response is corrupt");
                }

                if (read == 0)
                {
                    return new Body(output.ToArray(), null);
                }

                if (output.Length + read > maxBytes)
                {
                    return new Body(null, $"the response inflates past the {maxBytes:N0}-byte limit ({encoding} bomb or oversized page; stopped there)");
                }

                output.Write(buffer, 0, read);
            }
        }
    }

    internal sealed class WireLimitException() : IOException("wire limit");

    /// <summary>
    /// What the wrappers below share: they only read forward, and disposing one disposes the stream it wraps (by
    /// default <see cref="Inner"/>).
    /// </summary>
    private abstract class ReadOnlyWrapper(Stream inner) : Stream
    {
        protected Stream Inner { get; } = inner;

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected virtual Stream Wrapped => Inner;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Wrapped.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Counts the bytes read from the wire and fails past the cap, before the decompressor sees them.</summary>
    private sealed class CappedStream(Stream inner, long cap) : ReadOnlyWrapper(inner)
    {
        public long Count { get; private set; }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await Inner.ReadAsync(buffer, cancellationToken);
            Count += read;
            return Count > cap ? throw new WireLimitException() : read;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = Inner.Read(buffer, offset, count);
            Count += read;
            return Count > cap ? throw new WireLimitException() : read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Position { get => Count; set => throw new NotSupportedException(); }
    }

    /// <summary>Peeks at the first byte: 0x78 starts a zlib header (RFC 1950), anything else is raw deflate (RFC 1951).</summary>
    private sealed class ZLibOrDeflateStream(Stream inner) : ReadOnlyWrapper(inner)
    {
        private Stream? decoder;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (decoder is null)
            {
                var first = new byte[1];
                var got = await Inner.ReadAsync(first, cancellationToken);
                if (got == 0)
                {
                    return 0;
                }

                var rest = new PrefixStream(first[0], Inner);
                decoder = (first[0] & 0x0F) == 8 && first[0] >> 4 <= 7
                    ? new ZLibStream(rest, CompressionMode.Decompress)
                    : new DeflateStream(rest, CompressionMode.Decompress);
            }

            return await decoder.ReadAsync(buffer, cancellationToken);
        }

        protected override Stream Wrapped => decoder ?? Inner;
    }

    private sealed class PrefixStream(byte first, Stream inner) : ReadOnlyWrapper(inner)
    {
        private bool served;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!served && buffer.Length > 0)
            {
                served = true;
                buffer.Span[0] = first;
                return 1;
            }

            return await Inner.ReadAsync(buffer, cancellationToken);
        }
    }
}
