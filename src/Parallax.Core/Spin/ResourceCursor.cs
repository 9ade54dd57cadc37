using System.Buffers.Binary;
using System.Text;

namespace Parallax.Core.Spin;

/// <summary>
/// Reads the binary word resources (the trigram model, the word vectors) from their bytes in memory, little-endian as
/// <see cref="BinaryReader"/> wrote them. A stream read a byte at a time went through a call and a buffer check per
/// byte; the trigram model is 13 MB of mostly one-byte numbers, so reading from a span is most of its load time.
/// </summary>
internal ref struct ResourceCursor(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> bytes = bytes;
    private int at;

    /// <summary>The whole decompressed content of a stream, as one array.</summary>
    public static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer, 1 << 16);
        return buffer.ToArray();
    }

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    public byte ReadByte() => Take(1)[0];

    /// <summary>The next <paramref name="count"/> bytes; the content must hold them.</summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > bytes.Length - at)
        {
            throw new InvalidDataException("The resource is truncated.");
        }

        var span = bytes.Slice(at, count);
        at += count;
        return span;
    }

    /// <summary>An unsigned number in 7-bit groups, low group first, the high bit saying another follows.</summary>
    public uint Varint()
    {
        uint value = 0;
        for (var shift = 0; shift < 35 && at < bytes.Length; shift += 7)
        {
            var b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("The resource holds a malformed or truncated number.");
    }

    /// <summary>The word list that opens a binary resource: per word a length byte and its UTF-8 bytes; a word's id is its place.</summary>
    public Dictionary<string, int> ReadWordIds(int count)
    {
        var ids = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            ids[Encoding.UTF8.GetString(Take(ReadByte()))] = i;
        }

        return ids;
    }
}
