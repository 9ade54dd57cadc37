using Parallax.Bench;
using Parallax.Bench.Stories;

namespace Parallax.Bench.Tests.Stories;

public sealed class ClusteringMetricsTests
{
    [Fact]
    public void Perfect_clustering_scores_one()
    {
        var score = ClusteringMetrics.Score(new[] { 1, 1, 2, 2, 3 }, new[] { "a", "a", "b", "b", "c" });
        Assert.Equal(1, score.BCubed.F1, 9);
        Assert.Equal(1, score.Pairwise.F1, 9);
    }

    [Fact]
    public void Everything_in_one_cluster_has_full_recall_and_low_precision()
    {
        // Gold {a,a} {b,b}: one predicted cluster of 4. B-cubed precision per item = 2/4; pairs: 2 true of 6.
        var score = ClusteringMetrics.Score(new[] { 0, 0, 0, 0 }, new[] { "a", "a", "b", "b" });
        Assert.Equal(0.5, score.BCubed.Precision, 9);
        Assert.Equal(1, score.BCubed.Recall, 9);
        Assert.Equal(2.0 / 6, score.Pairwise.Precision, 9);
        Assert.Equal(1, score.Pairwise.Recall, 9);
    }

    [Fact]
    public void Singletons_have_full_precision_and_low_recall()
    {
        var score = ClusteringMetrics.Score(new[] { 0, 1, 2, 3 }, new[] { "a", "a", "a", "b" });
        Assert.Equal(1, score.BCubed.Precision, 9);
        Assert.Equal(((1.0 / 3) * 3 + 1) / 4, score.BCubed.Recall, 9);
        Assert.Equal(0, score.Pairwise.Recall, 9);
    }

    [Fact]
    public void Average_link_baseline_recovers_obvious_groups()
    {
        var texts = new[]
        {
            "oakfield mill fire flour blaze", "fire at the oakfield flour mill blaze", "oakfield flour mill blaze fire night",
            "kestrel mayor election marlow vote", "marlow wins kestrel mayor vote", "kestrel election vote marlow mayor",
        };
        var baseline = AverageLinkBaseline.Build(texts);
        var labels = baseline.Cut(0.2);
        Assert.Equal(labels[0], labels[1]);
        Assert.Equal(labels[0], labels[2]);
        Assert.Equal(labels[3], labels[4]);
        Assert.Equal(labels[3], labels[5]);
        Assert.NotEqual(labels[0], labels[3]);
        Assert.Equal(6, baseline.Cut(1.01).Distinct().Count());
        Assert.Single(baseline.Cut(-1).Distinct());
    }

    [Theory]
    [InlineData("1,\"Fed, taper\",u,Pub,b,S1,h,1394470370698", "Fed, taper")]
    [InlineData("2,\"say \"\"hi\"\"\",u,Pub,b,S1,h,1", "say \"hi\"")]
    public void Csv_fields_handle_quotes(string line, string title)
    {
        var fields = Csv.SplitLine(line);
        Assert.Equal(8, fields.Count);
        Assert.Equal(title, fields[1]);
    }

    [Fact]
    public void Scale_sizes_parse()
    {
        Assert.Equal([100_000, 1_000_000], BenchStoriesCommand.ParseScales("100000, 1_000_000"));
        Assert.Empty(BenchStoriesCommand.ParseScales(""));
    }
}
