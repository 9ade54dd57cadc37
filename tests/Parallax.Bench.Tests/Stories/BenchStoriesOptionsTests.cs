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
    public async Task Scale_only_runs_the_stream_alone_and_prints_its_table_and_command()
    {
        if (TestRepository.BenchmarksRoot() is null)
        {
            return; // the stream is built from the ECB+ texts in ../shared/benchmarks
        }

        var run = await BenchProcess.RunAsync("stories", "--scale", "400", "--scale-only", "--no-embeddings");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Scale: synthetic stream", run.StandardOutput);
        Assert.Contains("session ms/article", run.StandardOutput);
        Assert.Contains("Reproduce: parallax bench stories --scale 400 --scale-only --no-embeddings", run.StandardOutput);
        Assert.DoesNotContain("ECB+ event clustering", run.StandardOutput);
    }

    [Fact]
    public void Good_scales_parse_and_bad_ones_say_why()
    {
        Assert.Null(BenchStoriesCommand.TryParseScales("1_000, 20", out var scales));
        Assert.Equal([1000, 20], scales);
        Assert.Contains("'-5' is not one", BenchStoriesCommand.TryParseScales("-5", out _));
    }
}
