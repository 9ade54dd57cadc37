using Parallax.Core.Identity;

namespace Parallax.Core.Tests.Identity;

public sealed class BucketIndexTests
{
    [Fact]
    public void Each_key_keeps_its_first_documents_through_every_growth()
    {
        const int Capacity = 8;
        var index = new BucketIndex(Capacity);
        var expected = new Dictionary<uint, List<int>>();
        var random = new Random(11);

        // 200,000 postings over 40,000 keys (key 0 among them): the table doubles from 16 slots to 2^19, and many keys
        // reach the cap, so both growth and the cap are exercised against a plain dictionary of lists.
        for (var document = 0; document < 200_000; document++)
        {
            var key = (uint)random.Next(40_000) * 2_654_435_761u;
            index.Add(key, document);
            var list = expected.TryGetValue(key, out var l) ? l : expected[key] = [];
            if (list.Count < Capacity)
            {
                list.Add(document);
            }
        }

        Assert.Equal(expected.Values.Sum(l => l.Count), index.Count);
        var found = new List<int>();
        foreach (var (key, documents) in expected)
        {
            found.Clear();
            index.Collect(key, found);
            found.Sort();
            Assert.Equal(documents, found);
        }
    }

    [Fact]
    public void A_key_never_filed_finds_nothing()
    {
        var index = new BucketIndex(4);
        for (var document = 0; document < 1_000; document++)
        {
            index.Add((uint)document, document);
        }

        var found = new List<int>();
        index.Collect(5_000, found);
        Assert.Empty(found);
        index.Collect(7, found);
        Assert.Equal([7], found);
    }
}
