using System.Diagnostics;
using Parallax.Bench.Stories;

namespace Parallax.Bench.Tests.Stories;

/// <summary>Bad `--scale` values are usage errors found before any benchmark runs, not a stack trace after minutes.</summary>
public sealed class BenchStoriesOptionsTests
{
    [Theory]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("100000,x")]
    [InlineData("99999999999")]
    [InlineData("1.5")]
    public async Task A_bad_scale_exits_2_at_once_with_a_sentence(string value)
    {
        var clock = Stopwatch.StartNew();

        var run = await BenchProcess.RunAsync("stories", $"--scale={value}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--scale takes sizes from 1 to", run.StandardError);
        Assert.DoesNotContain("   at ", run.StandardError);
        Assert.DoesNotContain("Exception", run.StandardError);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void Good_scales_parse_and_bad_ones_say_why()
    {
        Assert.Null(BenchStoriesCommand.TryParseScales("1_000, 20", out var scales));
        Assert.Equal([1000, 20], scales);
        Assert.Contains("'-5' is not one", BenchStoriesCommand.TryParseScales("-5", out _));
    }
}
