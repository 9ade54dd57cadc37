using System.Runtime.InteropServices;

namespace Parallax.Core.Identity;

/// <summary>
/// A multimap from a 32-bit key to the documents filed under it, keeping at most <c>capacity</c> documents per key
/// (the first ones filed, which are the earliest and so the likely originals). The cap keeps the cost of a lookup
/// constant however many articles share a key: thousands of identical copies cost no more than eight.
/// </summary>
/// <remarks>
/// <para>
/// Open addressing with linear probing over one flat table of (key, document + 1) slots, 0 marking a free slot: about
/// 11 bytes per posting at the 0.7 load limit, against some 30 for a dictionary of lists, which matters at a million
/// articles times dozens of band keys. Postings of one key sit in one probe run, so a lookup reads them in a few cache lines.
/// </para>
/// <para>
/// The table lives in native memory, not in a managed array. A copy index holds some sixty of these tables, which fill
/// at the same pace and so double together: at a million articles each doubling moved about 470 MB of tables, and the
/// old managed arrays stayed on the large-object heap as garbage until the next full collection, on top of the new
/// ones, which is what set a long stream's peak memory. A native table is freed the moment its contents have moved.
/// Like the rest of <see cref="CopyIndex"/> it has one writer and no concurrent reader; the finalizer frees the table
/// of an index that is dropped.
/// </para>
/// </remarks>
internal sealed unsafe class BucketIndex
{
    private readonly int capacity;
    private Slot* slots;
    private int length;

    public BucketIndex(int capacity)
    {
        this.capacity = capacity;
        length = 16;
        slots = Allocate(length);
    }

    ~BucketIndex() => NativeMemory.Free(slots);

    /// <summary>Postings stored.</summary>
    public int Count { get; private set; }

    /// <summary>Files <paramref name="document"/> under <paramref name="key"/> unless the key's bucket is full.</summary>
    public void Add(uint key, int document)
    {
        if ((Count + 1) * 10L > length * 7L)
        {
            Grow();
        }

        var mask = length - 1;
        var slot = Slot.Of(key, mask);
        var found = 0;
        while (slots[slot].Document != 0)
        {
            if (slots[slot].Key == key && ++found >= capacity)
            {
                return;
            }

            slot = (slot + 1) & mask;
        }

        slots[slot] = new Slot(key, document + 1);
        Count++;
    }

    /// <summary>Adds every document filed under <paramref name="key"/> to <paramref name="into"/>, in no set order.</summary>
    public void Collect(uint key, List<int> into)
    {
        var mask = length - 1;
        var slot = Slot.Of(key, mask);
        while (slots[slot].Document != 0)
        {
            if (slots[slot].Key == key)
            {
                into.Add(slots[slot].Document - 1);
            }

            slot = (slot + 1) & mask;
        }
    }

    private static Slot* Allocate(int length) => (Slot*)NativeMemory.AllocZeroed((nuint)length, (nuint)sizeof(Slot));

    private void Grow()
    {
        var old = slots;
        var oldLength = length;
        slots = Allocate(oldLength * 2);
        length = oldLength * 2;
        var mask = length - 1;

        // Which postings a full key keeps was settled when they were filed; moving them keeps that set.
        for (var i = 0; i < oldLength; i++)
        {
            if (old[i].Document == 0)
            {
                continue;
            }

            var slot = Slot.Of(old[i].Key, mask);
            while (slots[slot].Document != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = old[i];
        }

        NativeMemory.Free(old);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Slot(uint Key, int Document)
    {
        public static int Of(uint key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & mask;
    }
}
