namespace Parallax.Core.Identity;

/// <summary>
/// An append-only list stored in fixed chunks, so growing to millions of items never copies or doubles one huge array
/// (which would spike memory and land on the large-object heap at every doubling).
/// </summary>
internal sealed class ChunkedList<T>(int chunkSize = 1 << 12)
    where T : struct
{
    private readonly List<T[]> chunks = [];

    public int Count { get; private set; }

    public ref T this[int index] => ref chunks[index / chunkSize][index % chunkSize];

    /// <summary>Appends and returns the index.</summary>
    public int Add(T item)
    {
        var index = Count;
        if (index % chunkSize == 0)
        {
            chunks.Add(new T[chunkSize]);
        }

        chunks[index / chunkSize][index % chunkSize] = item;
        Count++;
        return index;
    }

    /// <summary>Appends <paramref name="length"/> default items in one chunk (a fixed-size record) and returns its span.</summary>
    public Span<T> AddBlock(int length, out int start)
    {
        if (chunkSize % length != 0)
        {
            throw new ArgumentException($"Blocks of {length} must divide the chunk size {chunkSize}.", nameof(length));
        }

        start = Count;
        if (start % chunkSize == 0)
        {
            chunks.Add(new T[chunkSize]);
        }

        Count += length;
        return chunks[start / chunkSize].AsSpan(start % chunkSize, length);
    }

    /// <summary>Appends a run of any length up to the chunk size, starting a new chunk when it would not fit.</summary>
    public Span<T> AddRun(int length, out int start)
    {
        if (length > chunkSize)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"A run may not exceed the chunk size {chunkSize}.");
        }

        if (Count % chunkSize != 0 && Count % chunkSize + length > chunkSize)
        {
            Count += chunkSize - Count % chunkSize;
        }

        start = Count;
        if (start % chunkSize == 0)
        {
            chunks.Add(new T[chunkSize]);
        }

        Count += length;
        return chunks[start / chunkSize].AsSpan(start % chunkSize, length);
    }

    public Span<T> Block(int start, int length) => chunks[start / chunkSize].AsSpan(start % chunkSize, length);
}
