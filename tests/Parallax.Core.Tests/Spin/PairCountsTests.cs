using Parallax.Core.Spin;

namespace Parallax.Core.Tests.Spin;

/// <summary>The pair-count table gives what the dictionary it replaced gave, for pairs seen and never seen.</summary>
public sealed class PairCountsTests
{
    [Fact]
    public void Every_pair_reads_its_count_and_every_other_pair_reads_zero()
    {
        var random = new Random(12);
        var pairs = new Dictionary<long, int>();
        while (pairs.Count < 5000)
        {
            // Small ids, as the loader gives them, so that neighbouring keys crowd the table and probes run on.
            pairs[PairCounts.Key(random.Next(300), random.Next(300))] = random.Next(1, 1000);
        }

        var table = new PairCounts(pairs);
        Assert.Equal(pairs.Count, table.Count);
        for (var first = 0; first < 300; first++)
        {
            for (var second = 0; second < 300; second++)
            {
                var expected = pairs.TryGetValue(PairCounts.Key(first, second), out var c) ? c : 0;
                Assert.Equal(expected, table.Of(first, second));
            }
        }
    }

    [Fact]
    public void Parallel_key_and_count_lists_build_the_table_a_dictionary_builds()
    {
        var random = new Random(5);
        var keys = new List<long>();
        var counts = new List<int>();
        var expected = new Dictionary<long, int>();
        for (var i = 0; i < 4000; i++)
        {
            // Keys repeat now and then: the last count stands, as an assignment to a dictionary leaves it.
            var key = PairCounts.Key(random.Next(200), random.Next(200));
            var count = random.Next(1, 1000);
            keys.Add(key);
            counts.Add(count);
            expected[key] = count;
        }

        var table = new PairCounts(keys.ToArray(), counts.ToArray());
        Assert.Equal(expected.Count, table.Count);
        for (var first = 0; first < 200; first++)
        {
            for (var second = 0; second < 200; second++)
            {
                Assert.Equal(expected.GetValueOrDefault(PairCounts.Key(first, second)), table.Of(first, second));
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new PairCounts(new long[2], new int[1]));
    }

    [Fact]
    public void An_unknown_word_has_no_pairs()
    {
        var table = new PairCounts(new Dictionary<long, int> { [PairCounts.Key(0, 0)] = 7, [PairCounts.Key(int.MaxValue, 3)] = 2 });
        Assert.Equal(7, table.Of(0, 0));
        Assert.Equal(2, table.Of(int.MaxValue, 3));
        Assert.Equal(0, table.Of(-1, 0));
        Assert.Equal(0, table.Of(0, -1));
        Assert.Equal(0, new PairCounts(new Dictionary<long, int>()).Of(1, 2));
    }

    [Fact]
    public void The_shipped_pairs_read_as_before()
    {
        // The counts as Resources/Spin/bigrams.txt.gz states them.
        var thesaurus = Thesaurus.Default;
        Assert.Equal(24073, thesaurus.Bigram("of", "the"));
        Assert.Equal(12644, thesaurus.Bigram("in", "the"));
        Assert.Equal(80, thesaurus.Bigram("said", "the"));
        Assert.Equal(0, thesaurus.Bigram("the", "of"));
        Assert.Equal(0, thesaurus.Bigram("zzzqx", "the"));
    }
}
