using Parallax.Core.Stories;

namespace Parallax.Core.Tests.Stories;

/// <summary>The document-frequency table stays within its limit, at a cost per report that does not grow with the stream.</summary>
public sealed class DocumentFrequenciesTests
{
    private const ulong Everywhere = ulong.MaxValue;

    [Fact]
    public void Single_use_features_are_pruned_and_the_rest_keep_their_counts()
    {
        var frequencies = new DocumentFrequencies(idfPrior: 1, maxVocabulary: 100);
        for (var d = 0; d < 500; d++)
        {
            // Each report: one feature of its own (a typo), one shared with the next report, and one in every report.
            frequencies.AddDocument(Keys(Everywhere, 1_000_000UL + (ulong)d, (ulong)(d / 2)));
            Assert.True(frequencies.Vocabulary <= 100, $"{frequencies.Vocabulary} entries after {d + 1} reports");
        }

        Assert.Equal(frequencies.StreamIdf(Everywhere), (float)Math.Log((500 + 1 + 1.0) / (500 + 1.0)));
        Assert.Equal(frequencies.StreamIdf(249), (float)Math.Log((500 + 1 + 1.0) / (2 + 1.0)));
        Assert.True(frequencies.Prunes > 0);
    }

    [Fact]
    public void Features_seen_twice_filling_the_table_do_not_make_every_report_prune_it()
    {
        // Every feature is seen in exactly two reports (an event's name runs and figures), so pruning the single-use ones
        // alone would leave the table full, and it would be copied again on every report.
        const int Max = 1_000;
        const int Reports = 5_000;
        var frequencies = new DocumentFrequencies(idfPrior: 1, maxVocabulary: Max);
        for (var d = 0; d < Reports; d++)
        {
            var keys = new List<ulong> { Everywhere };
            for (var j = 0; j < 10; j++)
            {
                keys.Add(((ulong)d * 10) + (ulong)j);
                if (d > 0)
                {
                    keys.Add(((ulong)(d - 1) * 10) + (ulong)j);
                }
            }

            frequencies.AddDocument(Keys([.. keys]));
            Assert.True(frequencies.Vocabulary <= Max);
        }

        // Pruning single-use features alone would copy the table on nearly every report once it fills (after about
        // 100 reports); leaving room for a quarter of it makes a prune rare.
        Assert.InRange(frequencies.Prunes, 1, Reports / 20);
        Assert.Equal(frequencies.StreamIdf(Everywhere), (float)Math.Log((Reports + 1 + 1.0) / (Reports + 1.0)));
    }

    private static Dictionary<ulong, FeatureTally>.KeyCollection Keys(params ulong[] keys)
    {
        var tally = new Dictionary<ulong, FeatureTally>();
        foreach (var key in keys)
        {
            tally[key] = new FeatureTally(1, FeatureKind.Term);
        }

        return tally.Keys;
    }
}
