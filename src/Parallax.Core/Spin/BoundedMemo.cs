using System.Collections.Concurrent;

namespace Parallax.Core.Spin;

/// <summary>
/// A thread-safe memo of values that depend on a word alone, holding at most a fixed number of entries. It keeps its
/// own count because <see cref="ConcurrentDictionary{TKey, TValue}.Count"/> takes every lock of the dictionary: asked
/// on each miss, that made filling the memos the largest cost of a cold run. Losing a race only computes a value
/// twice, and the bound may be passed by the few threads that add at once.
/// </summary>
internal sealed class BoundedMemo<TValue>
{
    private readonly ConcurrentDictionary<string, TValue> values = new(StringComparer.Ordinal);
    private readonly int limit;
    private int count;

    public BoundedMemo(int limit)
    {
        this.limit = limit;
        Spans = values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The same memo, looked up by a span without building the string.</summary>
    public ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> Spans { get; }

    /// <summary>Entries held.</summary>
    public int Count => Volatile.Read(ref count);

    public bool TryGetValue(string key, out TValue value) => values.TryGetValue(key, out value!);

    /// <summary>Remembers a value unless the memo is full or holds one for the key already.</summary>
    public void Remember(string key, TValue value)
    {
        if (Volatile.Read(ref count) < limit && values.TryAdd(key, value))
        {
            Interlocked.Increment(ref count);
        }
    }
}
