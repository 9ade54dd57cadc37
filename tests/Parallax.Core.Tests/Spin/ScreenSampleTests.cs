using System.Globalization;
using System.Runtime.CompilerServices;
using Parallax.Core.Spin;

namespace Parallax.Core.Tests.Spin;

/// <summary>The sample a long text is screened on, and what the analyser decides from it.</summary>
public sealed class ScreenSampleTests
{
    private static readonly SpinAnalyzer Analyzer = SpinAnalyzer.CreateDefault();

    [Fact]
    public void A_text_within_the_budget_is_read_whole()
    {
        var text = Fixture("flood-natural.txt");
        Assert.Same(text, ScreenSample.Of(text, 200));
        Assert.Same(text, ScreenSample.Of(text, 0));
        Assert.False(Analyzer.Screen(text).Sampled);
    }

    [Fact]
    public void A_long_text_is_sampled_in_whole_sentences_from_its_start_to_its_last_quarter()
    {
        // 80 numbered sentences of 8 words, 4 to a paragraph: 640 words.
        var sentences = Enumerable.Range(0, 80)
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"Report {i} says the council met again today."))
            .ToList();
        var text = string.Join("\n\n", sentences.Chunk(4).Select(p => string.Join(' ', p)));

        var sample = ScreenSample.Of(text, 200);
        var taken = sentences.Where(sample.Contains).ToList();
        var words = sample.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.InRange(words, 200, 200 + (4 * 8)); // each of the four windows ends at most one sentence past its share
        Assert.Equal(words / 8, taken.Count); // nothing but whole sentences
        Assert.Contains(sentences[0], taken);
        Assert.Contains(taken, s => sentences.IndexOf(s) >= 60);
    }

    [Fact]
    public void A_text_of_one_enormous_sentence_is_read_whole()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 5_000));
        Assert.Same(text, ScreenSample.Of(text, 200));
    }

    [Fact]
    public void A_long_natural_text_is_settled_on_its_sample()
    {
        var text = Long("flood-natural.txt");
        var screen = Analyzer.Screen(text);
        Assert.True(screen.Sampled, $"{screen.JudgedWords} words judged");
        Assert.False(screen.Passes);
        Assert.Equal(new SpinResult(screen.Score, false, null), Analyzer.Analyze(text));
    }

    [Fact]
    public void A_long_spun_text_is_screened_whole_and_read_as_without_a_sample()
    {
        var text = Long("flood-spun.txt");
        var screen = Analyzer.Screen(text);
        Assert.False(screen.Sampled, "a sample that does not settle the text sends it to the whole screen");
        Assert.True(screen.Passes);

        var whole = new SpinAnalyzer(Thesaurus.Default, SpinOptions.Default with { ScreenSampleWords = 0 });
        Assert.Equal(whole.Analyze(text), Analyzer.Analyze(text));
        Assert.True(Analyzer.Analyze(text).Spun);
    }

    // The fixture's paragraphs three times over, each time in another order: about 450 words.
    private static string Long(string name)
    {
        var paragraphs = Fixture(name).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("\n\n", paragraphs.Concat(paragraphs.Reverse()).Concat(paragraphs.Skip(1)).Concat(paragraphs.Take(1)));
    }

    private static string Fixture(string name, [CallerFilePath] string path = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "Fixtures", name));
}
