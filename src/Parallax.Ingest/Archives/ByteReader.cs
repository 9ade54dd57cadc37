namespace Parallax.Ingest.Archives;

/// <summary>
/// Reads a byte stream as lines and blocks, never holding more than a caller's cap: the reading half of the archive
/// formats, where a line ends at LF (CRLF or LF) and a block has a stated length.
/// </summary>
internal sealed class ByteReader(Stream stream)
{
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    /// <summary>Bytes consumed so far (the offset of the next byte in the stream).</summary>
    public long Position { get; private set; }

    /// <summary>
    /// The next line without its line ending; null at the end of the stream. A line over <paramref name="maxBytes"/> is
    /// read through and returned as <see cref="Line.TooLong"/> with no bytes.
    /// </summary>
    public async Task<Line?> ReadLineAsync(int maxBytes, CancellationToken cancellationToken)
    {
        using var line = new MemoryStream();
        var tooLong = false;
        while (true)
        {
            if (start == end && !await FillAsync(cancellationToken))
            {
                return line.Length == 0 && !tooLong ? null : new Line(tooLong ? [] : Trim(line.ToArray()), tooLong);
            }

            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            var stop = newline < 0 ? end : newline;
            if (!tooLong)
            {
                if (line.Length + (stop - start) > maxBytes)
                {
                    tooLong = true;
                    line.SetLength(0);
                }
                else
                {
                    line.Write(buffer, start, stop - start);
                }
            }

            Position += stop - start;
            start = stop;
            if (newline >= 0)
            {
                start++;
                Position++;
                return new Line(tooLong ? [] : Trim(line.ToArray()), tooLong);
            }
        }
    }

    /// <summary>Exactly <paramref name="count"/> bytes, or fewer when the stream ends first.</summary>
    public async Task<byte[]> ReadBlockAsync(long count, CancellationToken cancellationToken)
    {
        using var block = new MemoryStream((int)Math.Min(count, 1 << 20));
        var left = count;
        while (left > 0 && (start < end || await FillAsync(cancellationToken)))
        {
            var take = (int)Math.Min(left, end - start);
            block.Write(buffer, start, take);
            start += take;
            Position += take;
            left -= take;
        }

        return block.ToArray();
    }

    /// <summary>Passes over <paramref name="count"/> bytes without keeping them; returns how many there were.</summary>
    public async Task<long> SkipAsync(long count, CancellationToken cancellationToken)
    {
        var left = count;
        while (left > 0 && (start < end || await FillAsync(cancellationToken)))
        {
            var take = (int)Math.Min(left, end - start);
            start += take;
            Position += take;
            left -= take;
        }

        return count - left;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        start = 0;
        end = await stream.ReadAsync(buffer, cancellationToken);
        return end > 0;
    }

    private static byte[] Trim(byte[] line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    /// <summary>A line's bytes (without CR LF), or the mark that it was over the cap.</summary>
    public sealed record Line(byte[] Bytes, bool TooLong);
}
