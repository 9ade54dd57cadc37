namespace Parallax.Core.Identity;

/// <summary>
/// A multimap from a 32-bit key to the documents filed under it, keeping at most <c>capacity</c> documents per key
/// (the first ones filed, which are the earliest and so the likely originals). The cap keeps the cost of a lookup
/// constant however many articles share a key: thousands of identical copies cost no more than eight.
/// </summary>
/// <remarks>
/// Open addressing with linear probing over two flat arrays (key, document + 1; 0 marks a free slot): about 11 bytes
/// per posting at the 0.7 load limit, against some 30 for a dictionary of lists, which matters at a million articles
/// times dozens of band keys. Postings of one key sit in one probe run, so a lookup reads them in a few cache lines.
/// </remarks>
internal sealed class BucketIndex(int capacity)
{
    private uint[] keys = new uint[16];
    private int[] values = new int[16];

    /// <summary>Postings stored.</summary>
    public int Count { get; private set; }

    /// <summary>Files <paramref name="document"/> under <paramref name="key"/> unless the key's bucket is full.</summary>
    public void Add(uint key, int document)
    {
        if ((Count + 1) * 10 > keys.Length * 7)
        {
            Grow();
        }

        var mask = keys.Length - 1;
        var slot = Slot(key, mask);
        var found = 0;
        while (values[slot] != 0)
        {
            if (keys[slot] == key && ++found >= capacity)
            {
                return;
            }

            slot = (slot + 1) & mask;
        }

        keys[slot] = key;
        values[slot] = document + 1;
        Count++;
    }

    /// <summary>Adds every document filed under <paramref name="key"/> to <paramref name="into"/>.</summary>
    public void Collect(uint key, List<int> into)
    {
        var mask = keys.Length - 1;
        var slot = Slot(key, mask);
        while (values[slot] != 0)
        {
            if (keys[slot] == key)
            {
                into.Add(values[slot] - 1);
            }

            slot = (slot + 1) & mask;
        }
    }

    private static int Slot(uint key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    private void Grow()
    {
        var oldKeys = keys;
        var oldValues = values;
        keys = new uint[oldKeys.Length * 2];
        values = new int[oldValues.Length * 2];
        var mask = keys.Length - 1;

        // Reinserting in slot order keeps each key's postings in their filing order.
        for (var i = 0; i < oldKeys.Length; i++)
        {
            if (oldValues[i] == 0)
            {
                continue;
            }

            var slot = Slot(oldKeys[i], mask);
            while (values[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            keys[slot] = oldKeys[i];
            values[slot] = oldValues[i];
        }
    }
}
