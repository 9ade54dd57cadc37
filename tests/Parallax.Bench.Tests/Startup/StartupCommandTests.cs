using Parallax.Bench.Hostile;
using Parallax.Bench.Startup;

namespace Parallax.Bench.Tests.Startup;

/// <summary>The start-up bench reads the phases `analyze --timings` prints and takes medians of its runs.</summary>
public sealed class StartupCommandTests
{
    [Fact]
    public void The_timing_lines_are_read_and_the_rest_of_standard_error_is_not()
    {
        const string error = "timing: start-up 81 ms\n" +
            "parallax: skipped 1 file that is not a page (1 .md).\n" +
            "timing: extraction 2210 ms (181 pages)\r\n" +
            "timing: analysis 4563.5 ms (181 articles)\n" +
            "timing: broken ms\n" +
            "timing: total 6855 ms\n";
        var sample = StartupCommand.StartupSample.From(new ChildResult(0, "{}", error, 600L << 20, 6.9));
        Assert.Equal(["start-up", "extraction", "analysis", "total"], sample.Phases.Select(p => p.Name));
        Assert.Equal(2210, sample.Phase("extraction"));
        Assert.Equal(4563.5, sample.Phase("analysis"));
        Assert.Equal(0, sample.Phase("output"));
        Assert.Equal(16, sample.OutputHash.Length);
        Assert.NotEqual(sample.OutputHash, StartupCommand.StartupSample.From(new ChildResult(0, "{ }", error, 0, 1)).OutputHash);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(3, Medians.Of([5, 1, 3]));
        Assert.Equal(2.5, Medians.Of([4, 1, 3, 2]));
        Assert.Equal(0, Medians.Of([]));
    }
}
