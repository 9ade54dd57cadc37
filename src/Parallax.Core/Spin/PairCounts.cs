using System.Numerics;

namespace Parallax.Core.Spin;

/// <summary>
/// The Brown pair counts by pair-word ids, in one open-addressing table (linear probing, at most half full). The screen
/// asks for two pairs per candidate of every judged word, and almost all are pairs never seen: here such a miss reads
/// one or two neighbouring keys in one array, where a <see cref="Dictionary{TKey, TValue}"/> reads its buckets and then
/// its entries, two cache misses on a table this large. A bit set of the pairs held, small enough to stay in a core's
/// own cache, answers most misses before the table is read. Read-only once built, so one instance serves every thread.
/// </summary>
internal sealed class PairCounts
{
    private const long Empty = -1;

    // Bits per pair held in the filter: at 8, about one miss in nine still reads the table.
    private const int FilterBitsPerPair = 8;

    private readonly long[] keys;
    private readonly int[] counts;
    private readonly int shift;
    private readonly ulong[] filter;
    private readonly int filterShift;

    public PairCounts(IReadOnlyDictionary<long, int> pairs)
        : this(Keys(pairs), [.. pairs.Values])
    {
    }

    /// <summary>
    /// The table of parallel key and count lists, as the loader reads them; a key listed twice keeps its last count,
    /// as a dictionary would. (The loader once filled a <see cref="Dictionary{TKey, TValue}"/> of these keys first, and
    /// a long's hash, its two halves XORed, puts all pairs with equal first ^ second in one bucket: 0.8 s of start-up.)
    /// </summary>
    public PairCounts(ReadOnlySpan<long> pairKeys, ReadOnlySpan<int> pairCounts)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(pairCounts.Length, pairKeys.Length, nameof(pairCounts));
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, pairKeys.Length * 2));
        shift = 64 - BitOperations.Log2((uint)capacity);
        keys = new long[capacity];
        Array.Fill(keys, Empty);
        counts = new int[capacity];
        var filterBits = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, pairKeys.Length * FilterBitsPerPair));
        filterShift = 64 - BitOperations.Log2((uint)filterBits);
        filter = new ulong[filterBits / 64];
        var held = 0;
        for (var i = 0; i < pairKeys.Length; i++)
        {
            var key = pairKeys[i];
            ArgumentOutOfRangeException.ThrowIfNegative(key, nameof(pairKeys));
            var slot = Slot(key);
            while (keys[slot] != Empty && keys[slot] != key)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            held += keys[slot] == Empty ? 1 : 0;
            keys[slot] = key;
            counts[slot] = pairCounts[i];
            var bit = FilterBit(key);
            filter[bit >> 6] |= 1UL << bit;
        }

        Count = held;
    }

    /// <summary>Pairs held.</summary>
    public int Count { get; }

    /// <summary>The count of the pair (first, second) of pair-word ids; 0 when never seen or either id is negative.</summary>
    public int Of(int first, int second)
    {
        if (first < 0 || second < 0)
        {
            return 0;
        }

        var key = Key(first, second);
        var bit = FilterBit(key);
        if ((filter[bit >> 6] & (1UL << bit)) == 0)
        {
            return 0;
        }

        var mask = keys.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var found = keys[slot];
            if (found == key)
            {
                return counts[slot];
            }

            if (found == Empty)
            {
                return 0;
            }
        }
    }

    private static long[] Keys(IReadOnlyDictionary<long, int> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return [.. pairs.Keys];
    }

    /// <summary>The key of a pair of non-negative ids, as the loader builds it.</summary>
    public static long Key(int first, int second) => ((long)first << 32) | (uint)second;

    // Fibonacci hashing: the high bits of the key times 2^64 / phi spread consecutive ids over the whole table.
    private int Slot(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> shift);

    // The filter's bit: another odd multiplier, so that keys sharing a slot seldom share a bit.
    private int FilterBit(long key) => (int)(((ulong)key * 0xC2B2AE3D27D4EB4FUL) >> filterShift);
}
