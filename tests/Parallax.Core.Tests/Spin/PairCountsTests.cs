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
