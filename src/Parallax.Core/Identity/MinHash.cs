using System.Numerics;
using System.Runtime.InteropServices;

namespace Parallax.Core.Identity;

/// <summary>
/// MinHash sketches over 64-bit shingle hashes. Each of the k hash functions is fmix32 (MurmurHash3's finaliser) of
/// the shingle hash xor a per-function seed; the sketch keeps the smallest value per function. Computed with
/// <see cref="Vector{T}"/> so a shingle costs k/8 vector steps, not k scalar ones.
/// </summary>
internal sealed class MinHash
{
    private readonly uint[] seeds;

    public MinHash(int size, ulong seed)
    {
        if (size <= 0 || size % Vector<uint>.Count != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"A sketch size must be a positive multiple of {Vector<uint>.Count}.");
        }

        seeds = new uint[size];
        var state = seed;
        for (var i = 0; i < size; i++)
        {
            // splitmix64: well-spread, reproducible seeds (stored sketches must stay comparable across runs).
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            seeds[i] = (uint)(z ^ (z >> 31));
        }
    }

    public int Size => seeds.Length;

    public void Reset(Span<uint> sketch) => sketch.Fill(uint.MaxValue);

    /// <summary>Folds one shingle into the sketch.</summary>
    public void Add(Span<uint> sketch, ulong shingle)
    {
        var x = new Vector<uint>((uint)shingle ^ (uint)(shingle >> 32));
        var mins = MemoryMarshal.Cast<uint, Vector<uint>>(sketch);
        var keys = MemoryMarshal.Cast<uint, Vector<uint>>(seeds.AsSpan());
        var c1 = new Vector<uint>(0x85EBCA6Bu);
        var c2 = new Vector<uint>(0xC2B2AE35u);
        for (var i = 0; i < mins.Length; i++)
        {
            var h = x ^ keys[i];
            h ^= Vector.ShiftRightLogical(h, 16);
            h *= c1;
            h ^= Vector.ShiftRightLogical(h, 13);
            h *= c2;
            h ^= Vector.ShiftRightLogical(h, 16);
            mins[i] = Vector.Min(mins[i], h);
        }
    }

    /// <summary>Share of equal positions: an unbiased estimate of the Jaccard similarity of the two shingle sets.</summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return a.Length == 0 ? 0 : (double)equal / a.Length;
    }

    /// <summary>
    /// Share of equal positions between a full sketch and a stored one, which keeps only the low 16 bits of each value
    /// (half the memory; two different values agree by chance once in 65,536, a negligible bias).
    /// </summary>
    public static double Similarity(ReadOnlySpan<uint> a, ReadOnlySpan<ushort> stored)
    {
        var equal = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if ((ushort)a[i] == stored[i])
            {
                equal++;
            }
        }

        return a.Length == 0 ? 0 : (double)equal / a.Length;
    }

    /// <summary>Keeps the low 16 bits of each value of a sketch.</summary>
    public static void Narrow(ReadOnlySpan<uint> sketch, Span<ushort> into)
    {
        for (var i = 0; i < sketch.Length; i++)
        {
            into[i] = (ushort)sketch[i];
        }
    }

    /// <summary>
    /// Containment of A in B (|A∩B| / |A|) from their Jaccard similarity and set sizes: |A∩B| = J(|A|+|B|)/(1+J).
    /// </summary>
    public static double Containment(double jaccard, int sizeA, int sizeB) =>
        sizeA <= 0 ? 0 : Math.Min(1, jaccard * (sizeA + sizeB) / ((1 + jaccard) * sizeA));
}
