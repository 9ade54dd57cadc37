using System.Numerics;

namespace Parallax.Core.Spin;

/// <summary>
/// The Brown pair counts by pair-word ids, in one open-addressing table (linear probing, at most half full). The screen
/// asks for two pairs per candidate of every judged word, and almost all are pairs never seen: here such a miss reads
/// one or two neighbouring keys in one array, where a <see cref="Dictionary{TKey, TValue}"/> reads its buckets and then
/// its entries, two cache misses on a table this large. Read-only once built, so one instance serves every thread.
/// </summary>
internal sealed class PairCounts
{
    private const long Empty = -1;

    private readonly long[] keys;
    private readonly int[] counts;
    private readonly int shift;

    public PairCounts(IReadOnlyDictionary<long, int> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, pairs.Count * 2));
        shift = 64 - BitOperations.Log2((uint)capacity);
        keys = new long[capacity];
        Array.Fill(keys, Empty);
        counts = new int[capacity];
        foreach (var (key, count) in pairs)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(key, nameof(pairs));
            var slot = Slot(key);
            while (keys[slot] != Empty)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            keys[slot] = key;
            counts[slot] = count;
        }

        Count = pairs.Count;
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

    /// <summary>The key of a pair of non-negative ids, as the loader builds it.</summary>
    public static long Key(int first, int second) => ((long)first << 32) | (uint)second;

    // Fibonacci hashing: the high bits of the key times 2^64 / phi spread consecutive ids over the whole table.
    private int Slot(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> shift);
}
