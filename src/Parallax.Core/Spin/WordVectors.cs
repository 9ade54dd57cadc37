namespace Parallax.Core.Spin;

/// <summary>
/// GloVe word vectors (unit length, one signed byte a dimension) for the most frequent English words. They tell which
/// reading of a word its surroundings are about: "federal, state, county" is about places, "he stated" about speech,
/// and only the vectors see the words beyond the immediate neighbours.
/// </summary>
public sealed class WordVectors
{
    // A plain dictionary, not a frozen one (freezing cost more at load than it saved in look-ups); read-only after the
    // constructor.
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ids;
    private readonly sbyte[] values;

    private WordVectors(Dictionary<string, int> ids, sbyte[] values, int dimensions)
    {
        this.ids = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        this.values = values;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    /// <summary>The row of a lower-case word; -1 when it has no vector.</summary>
    public int IdOf(ReadOnlySpan<char> word) => ids.TryGetValue(word, out var id) ? id : -1;

    /// <summary>The vector of a row, scaled so that its length is about 127.</summary>
    public ReadOnlySpan<sbyte> Of(int id) => values.AsSpan(id * Dimensions, Dimensions);

    /// <summary>Adds the vector of row <paramref name="id"/> (scaled back to unit length) to <paramref name="sum"/>.</summary>
    public void AddTo(Span<float> sum, int id, float weight = 1)
    {
        var vector = Of(id);
        for (var d = 0; d < vector.Length; d++)
        {
            sum[d] += weight * vector[d] / 127f;
        }
    }

    /// <summary>Cosine of row <paramref name="id"/> with a vector (0 when either is unknown or zero).</summary>
    public double Cosine(int id, ReadOnlySpan<float> other, double otherLength)
    {
        if (id < 0 || otherLength <= 0)
        {
            return 0;
        }

        var vector = Of(id);
        var dot = 0.0;
        for (var d = 0; d < vector.Length; d++)
        {
            dot += vector[d] * other[d];
        }

        return dot / 127 / otherLength;
    }

    internal static WordVectors Load(Stream stream)
    {
        var reader = new ResourceCursor(stream);
        var count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        var ids = reader.ReadWordIds(count);
        var raw = reader.ReadBytes(count * dimensions);
        var values = new sbyte[raw.Length];
        Buffer.BlockCopy(raw, 0, values, 0, raw.Length);
        return new WordVectors(ids, values, dimensions);
    }
}
