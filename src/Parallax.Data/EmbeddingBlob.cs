using System.Buffers.Binary;

namespace Parallax.Data;

/// <summary>
/// How the store keeps an embedding vector: float32, little-endian, one after another (a BLOB in SQLite, a bytea in
/// PostgreSQL). Full precision, so a vector read back is bit for bit the one the model gave and a replay decides as
/// the ingest did.
/// </summary>
internal static class EmbeddingBlob
{
    public static byte[] ToBytes(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return bytes;
    }

    /// <summary>The vector, or null when there is none or it has another length than the model's (another model made it).</summary>
    public static float[]? FromBytes(byte[]? bytes, int dimensions)
    {
        if (bytes is null || dimensions <= 0 || bytes.Length != dimensions * sizeof(float))
        {
            return null;
        }

        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return vector;
    }
}
