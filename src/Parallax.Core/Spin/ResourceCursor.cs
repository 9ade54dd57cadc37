using System.Buffers.Binary;
using System.Text;

namespace Parallax.Core.Spin;

/// <summary>
/// Reads the binary word resources (the trigram model, the word vectors) little-endian, as <see cref="BinaryReader"/>
/// wrote them, through its own buffer. A <see cref="BinaryReader"/> read a byte at a time went through a virtual call
/// and a buffer check per byte, and the trigram model is 13 MB of mostly one-byte numbers; reading the whole content
/// into one array first was as fast but held 30 MB more at the peak. Not thread-safe; one per load.
/// </summary>
internal sealed class ResourceCursor(Stream stream)
{
    private readonly byte[] buffer = new byte[1 << 16];
    private int at;
    private int end;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Peek(4));

    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Peek(4));

    public byte ReadByte() => at < end ? buffer[at++] : Peek(1)[0];

    /// <summary>The next <paramref name="count"/> bytes as a new array; the content must hold them.</summary>
    public byte[] ReadBytes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var bytes = new byte[count];
        var buffered = Math.Min(count, end - at);
        buffer.AsSpan(at, buffered).CopyTo(bytes);
        at += buffered;
        try
        {
            stream.ReadExactly(bytes, buffered, count - buffered);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("The resource is truncated.");
        }

        return bytes;
    }

    /// <summary>An unsigned number in 7-bit groups, low group first, the high bit saying another follows.</summary>
    public uint Varint()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("The resource holds a malformed number.");
    }

    /// <summary>
    /// Fills <paramref name="into"/> with running sums of as many <see cref="Varint"/> gaps: a sorted row of ids as the
    /// trigram model stores it. The trigram model's rows hold 3.7 million gaps, so they are decoded here from the buffer
    /// with the position in a local, where a call of <see cref="Varint"/> per gap read and wrote the fields per byte.
    /// </summary>
    public void ReadGaps(Span<int> into)
    {
        var sum = 0;
        for (var k = 0; k < into.Length; k++)
        {
            // The longest number takes 5 bytes; nearer the buffer's end the refilling path reads it.
            sum += (int)(end - at >= 5 ? BufferedVarint() : Varint());
            into[k] = sum;
        }
    }

    /// <summary>The word list that opens a binary resource: per word a length byte and its UTF-8 bytes; a word's id is its place.</summary>
    public Dictionary<string, int> ReadWordIds(int count)
    {
        var ids = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var length = ReadByte();
            ids[Encoding.UTF8.GetString(Peek(length))] = i;
        }

        return ids;
    }

    // A Varint read from the buffer, which holds at least 5 more bytes.
    private uint BufferedVarint()
    {
        var i = at;
        uint b = buffer[i++];
        var value = b & 0x7F;
        for (var shift = 7; b >= 0x80; shift += 7)
        {
            if (shift == 35)
            {
                throw new InvalidDataException("The resource holds a malformed number.");
            }

            b = buffer[i++];
            value |= (b & 0x7F) << shift;
        }

        at = i;
        return value;
    }

    // The next count bytes (at most the buffer's size) from the buffer, refilled first when it holds fewer.
    private ReadOnlySpan<byte> Peek(int count)
    {
        if (end - at < count)
        {
            Refill(count);
        }

        var span = buffer.AsSpan(at, count);
        at += count;
        return span;
    }

    private void Refill(int count)
    {
        var left = end - at;
        buffer.AsSpan(at, left).CopyTo(buffer);
        (at, end) = (0, left);
        while (end < count)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                throw new InvalidDataException("The resource is truncated.");
            }

            end += read;
        }
    }
}
