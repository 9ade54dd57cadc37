using System.Runtime.CompilerServices;
using Parallax.Core.Spin;

namespace Parallax.Core.Tests.Spin;

/// <summary>What the analyser learns from the rest of the text: the writer's own vocabulary, and natural articles.</summary>
public sealed class SpinAnalyzerDocumentTests
{
    private static readonly SpinAnalyzer Analyzer = SpinAnalyzer.CreateDefault();

    [Fact]
    public void A_natural_article_keeps_almost_all_its_words_when_restored()
    {
        var natural = File.ReadAllText(Path.Combine(FixtureFolder(), "flood-natural.txt")).Trim();
        var reading = Analyzer.Read(natural);
        Assert.True(reading.JudgedWords >= 40, $"{reading.JudgedWords} judged words");
        Assert.True(reading.Score < Analyzer.Options.SpunThreshold, $"score {reading.Score}");

        // Only near-certain restorations are made in a long text that reads as natural.
        Assert.All(reading.Edits, e => Assert.True(e.Probability >= Analyzer.Options.UnspunEditConfidence, e.ToString()));
        Assert.True(reading.Edits.Count <= reading.JudgedWords / 20, $"{reading.Edits.Count} edits: {string.Join(", ", reading.Edits)}");
    }

    [Fact]
    public void A_word_the_text_uses_elsewhere_is_the_likelier_original()
    {
        // On its own "firemen" reads as the writer's word; in a text that uses "firefighter" twice, it reads as a
        // spinner's swap of that word (a spinner swaps each occurrence on its own, so the original usually remains).
        // The text is counted by lemma: the singular elsewhere supports the plural here.
        const string Swapped = "The firemen put out the blaze.";
        var alone = Analyzer.Read(Swapped);
        var withContext = Analyzer.Read("A firefighter arrived within minutes. The firefighter was not hurt. " + Swapped);
        Assert.DoesNotContain(alone.Edits, e => e.Original == "firemen");
        var edit = Assert.Single(withContext.Edits, e => e.Original == "firemen");
        Assert.Equal("firefighters", edit.Replacement);
    }

    private static string FixtureFolder([CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "Fixtures");
}
