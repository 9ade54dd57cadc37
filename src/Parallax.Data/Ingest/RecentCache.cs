namespace Parallax.Data.Ingest;

/// <summary>
/// A map that keeps its most recently added keys, up to a count: adding one past the count drops the oldest. Thread-safe.
/// A key that is replaced or removed keeps its place in the order (its slot is dropped in turn), so the map may hold
/// a little less than the count; it is a cache, and only its bound matters.
/// </summary>
internal sealed class RecentCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> entries = [];
    private readonly Queue<TKey> order = new();

    public bool TryGet(TKey key, out TValue value)
    {
        lock (entries)
        {
            return entries.TryGetValue(key, out value!);
        }
    }

    /// <summary>Adds the key, or replaces its value.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (entries)
        {
            if (entries.TryAdd(key, value))
            {
                order.Enqueue(key);
                while (order.Count > capacity)
                {
                    entries.Remove(order.Dequeue());
                }
            }
            else
            {
                entries[key] = value;
            }
        }
    }

    public void Remove(TKey key)
    {
        lock (entries)
        {
            entries.Remove(key);
        }
    }
}
