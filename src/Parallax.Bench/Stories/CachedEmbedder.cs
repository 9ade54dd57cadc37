using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Parallax.Core.Stories;

namespace Parallax.Bench.Stories;

/// <summary>
/// An embedder that remembers every passage it has seen, in memory and in a file, so that the tuning grid and the
/// ten shuffled orders of `bench stories` embed each ECB+ passage once per machine, not once per run (the model
/// costs tens of milliseconds a passage). Keyed by SHA-256 of the passage; the figures are those of the model itself.
/// Counts the passages it had to embed, so the bench can say how much of a run the cascade sent to the model.
/// </summary>
internal sealed class CachedEmbedder(ITextEmbedder inner, string? file) : ITextEmbedder
{
    private readonly ConcurrentDictionary<string, float[]> vectors = Load(file, inner.Dimensions);
    private readonly ConcurrentDictionary<string, byte> requested = new();
    private int fresh;

    public int Dimensions => inner.Dimensions;

    /// <summary>Distinct passages asked for since the last <see cref="ResetCounts"/>.</summary>
    public int Requested => requested.Count;

    /// <summary>Passages the model had to embed (not in the cache).</summary>
    public int Fresh => fresh;

    public float[] Embed(string passage)
    {
        var key = Key(passage);
        requested.TryAdd(key, 0);
        return vectors.GetOrAdd(key, _ =>
        {
            Interlocked.Increment(ref fresh);
            return inner.Embed(passage);
        });
    }

    public void ResetCounts() => requested.Clear();

    /// <summary>Writes the cache (whole file, replaced atomically).</summary>
    public void Save()
    {
        if (file is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temp)))
        {
            writer.Write(Dimensions);
            foreach (var (key, vector) in vectors)
            {
                writer.Write(key);
                foreach (var v in vector)
                {
                    writer.Write(v);
                }
            }
        }

        File.Move(temp, file, overwrite: true);
    }

    private static string Key(string passage) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(passage)));

    private static ConcurrentDictionary<string, float[]> Load(string? file, int dimensions)
    {
        var vectors = new ConcurrentDictionary<string, float[]>();
        if (file is null || !File.Exists(file))
        {
            return vectors;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(file));
            if (reader.ReadInt32() != dimensions)
            {
                return vectors;
            }

            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                var key = reader.ReadString();
                var vector = new float[dimensions];
                for (var i = 0; i < dimensions; i++)
                {
                    vector[i] = reader.ReadSingle();
                }

                vectors[key] = vector;
            }
        }
        catch (EndOfStreamException)
        {
            // A cut-off cache (a run killed while saving is prevented by the atomic move, but not a full disk):
            // keep what was read, the rest is embedded again.
        }

        return vectors;
    }
}
