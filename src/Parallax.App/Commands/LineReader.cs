namespace Parallax.App.Commands;

/// <summary>One line of a file: its bytes (without the line break), or only its length when it was over the limit.</summary>
internal readonly record struct InputLine(long Number, byte[]? Bytes, long Length);

/// <summary>
/// Reads a stream line by line holding at most one line of <c>maxLineBytes</c> in memory: a longer line is
/// read through and dropped, and reported by its length, so a 1 GB line costs a buffer, not 24 GB.
/// </summary>
internal static class LineReader
{
    public static async IAsyncEnumerable<InputLine> ReadAsync(Stream input, int maxLineBytes,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        long number = 1;
        long length = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                Append(line, buffer.AsSpan(start, end - start), ref length, maxLineBytes);
                if (newline < 0)
                {
                    break;
                }

                yield return Finish(line, number++, length, maxLineBytes);
                length = 0;
                start = newline + 1;
            }
        }

        if (length > 0)
        {
            yield return Finish(line, number, length, maxLineBytes);
        }
    }

    private static void Append(MemoryStream line, ReadOnlySpan<byte> bytes, ref long length, int maxLineBytes)
    {
        if (length + bytes.Length <= maxLineBytes)
        {
            line.Write(bytes);
        }
        else if (line.Length > 0)
        {
            // Over the limit: what was kept is given back, the rest only counted.
            line.SetLength(0);
            line.Capacity = 0;
        }

        length += bytes.Length;
    }

    private static InputLine Finish(MemoryStream line, long number, long length, int maxLineBytes)
    {
        var bytes = length <= maxLineBytes ? line.ToArray() : null;
        line.SetLength(0);
        if (bytes is [.., (byte)'\r'])
        {
            bytes = bytes[..^1];
        }

        return new InputLine(number, bytes, length);
    }
}
