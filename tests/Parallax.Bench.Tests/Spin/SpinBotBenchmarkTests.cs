using System.Runtime.CompilerServices;
using Parallax.Bench.Spin;
using Parallax.Core.Pipeline;

namespace Parallax.Bench.Tests.Spin;

public sealed class SpinBotBenchmarkTests
{
    [Fact]
    public void A_substitution_counts_as_restored_only_when_the_original_words_stand_between_the_same_anchors()
    {
        const string original = "The governor said during the storm that the bridge was closed.";
        const string spun = "The legislative head said amid the tempest that the bridge was shut.";

        Assert.Equal(new SubstitutionCount(4, 4), SubstitutionCount.Of(original, spun, original));
        Assert.Equal(new SubstitutionCount(4, 0), SubstitutionCount.Of(original, spun, spun));
        Assert.Equal(
            new SubstitutionCount(4, 2),
            SubstitutionCount.Of(original, spun, "The governor said amid the storm that the bridge was shut."));
        // "governor" put back but "head" left beside it: not restored.
        Assert.Equal(
            new SubstitutionCount(4, 0),
            SubstitutionCount.Of(original, spun, "The governor head said amid the tempest that the bridge was shut."));
    }

    [Fact]
    public void The_split_gives_the_first_half_of_the_documents_to_calibration()
    {
        var documents = Enumerable.Range(0, 32).Select(i => new SpinBotDocument($"d{i:000}", "", "")).ToList();

        Assert.Equal(16, documents.Where((d, i) => d.Calibration(i, documents.Count)).Count());
        Assert.True(documents[15].Calibration(15, 32));
        Assert.False(documents[16].Calibration(16, 32));
    }

    [SharedDataFact("benchmarks/spin/spinbot-wikipedia")]
    public async Task SpinBot_copies_analysed_with_their_originals_are_linked_and_restored_from_them()
    {
        var path = SpinBenchmarkData.Locate(SpinBotData.PairsPath, SourceFolder());
        Assert.NotNull(path);
        var documents = (await SpinBotData.LoadAsync(path, CancellationToken.None)).Take(6).ToList();

        var figures = SpinBotBenchmark.Run(documents, [], ParallaxPipeline.CreateDefault(), CancellationToken.None);

        var all = figures.Sets.Single(s => s.Set == "all");
        Assert.Equal(6, all.Documents);
        Assert.True(all.Linked >= 5, $"linked {all.Linked} of 6");
        Assert.True(all.WhenLinked.Share >= 0.95, $"restored when linked {all.WhenLinked.Share:0.000}");
        Assert.True(all.Unlinked.Substitutions > 100);
    }

    [SharedDataFact("benchmarks/spin/spinbot-wikipedia")]
    public async Task The_held_out_SpinBot_copies_read_as_spun_and_their_originals_do_not()
    {
        // The shipped threshold was chosen on natural news and the weights on the calibration half (d000-d015): the
        // held-out half judges them. 16 of 16 copies were flagged there when the trigram model's terms came in (9 of 16
        // before), and 1 of the 16 originals scored as spun.
        var path = SpinBenchmarkData.Locate(SpinBotData.PairsPath, SourceFolder());
        Assert.NotNull(path);
        var documents = await SpinBotData.LoadAsync(path, CancellationToken.None);
        var heldOut = documents.Where((d, i) => !d.Calibration(i, documents.Count)).ToList();
        var analyzer = Parallax.Core.Spin.SpinAnalyzer.CreateDefault();

        var flagged = heldOut.AsParallel().Count(d => analyzer.Analyze(d.Spun).Spun);
        var originals = heldOut.AsParallel().Count(d => analyzer.Analyze(d.Original).Spun);

        Assert.Equal(16, heldOut.Count);
        Assert.True(flagged >= 15, $"flagged {flagged} of 16 spun copies");
        Assert.True(originals <= 2, $"flagged {originals} of 16 originals");
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
