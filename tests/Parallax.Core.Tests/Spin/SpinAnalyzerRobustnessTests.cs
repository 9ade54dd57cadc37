using System.Diagnostics;
using System.Text;
using FsCheck.Xunit;
using Parallax.Core.Spin;

namespace Parallax.Core.Tests.Spin;

/// <summary>Bad input: empty, one word, other scripts, random characters, enormous texts.</summary>
public sealed class SpinAnalyzerRobustnessTests
{
    private static readonly SpinAnalyzer Analyzer = SpinAnalyzer.CreateDefault();

    [Property(MaxTest = 300)]
    public bool Analyze_never_throws_and_scores_within_0_and_1(string? text)
    {
        var result = Analyzer.Analyze(text ?? "");
        return result.Score is >= 0 and <= 1 && (result.Spun ? result.Restored is not null : result.Restored is null);
    }

    [Property(MaxTest = 200)]
    public bool Restore_of_random_words_keeps_everything_outside_the_words(string[]? words)
    {
        var text = string.Join(" ; ", (words ?? []).Where(w => w is not null));
        var restored = Analyzer.Restore(text);
        // Separators are never touched: the restored text has as many as the input.
        return restored.Count(c => c == ';') == text.Count(c => c == ';');
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("Flood")]
    [InlineData("42")]
    [InlineData("Наводнение вынудило сотни семей покинуть свои дома во вторник.")]
    [InlineData("洪水迫使数百个家庭于周二离开家园。")]
    [InlineData("Les inondations ont chassé des centaines de familles de leurs maisons mardi.")]
    public void Empty_one_word_and_other_languages_are_not_spun(string text)
    {
        var result = Analyzer.Analyze(text);
        Assert.False(result.Spun);
        Assert.InRange(result.Score, 0, 0.1);
    }

    [Fact]
    public void Text_in_other_scripts_is_returned_unchanged_by_restore()
    {
        const string russian = "Наводнение вынудило сотни семей покинуть свои дома во вторник.";
        Assert.Equal(russian, Analyzer.Restore(russian));
        Assert.Equal("", Analyzer.Restore(""));
    }

    [Fact]
    public void An_enormous_text_is_handled_in_bounded_time()
    {
        var sentence = "The river rose more than two metres overnight after three days of heavy rain. ";
        var small = string.Concat(Enumerable.Repeat(sentence, 200));
        var huge = new StringBuilder().Insert(0, sentence, 40_000).ToString(); // about 3 MB

        Analyzer.Analyze(small); // warm up
        var watch = Stopwatch.StartNew();
        var result = Analyzer.Analyze(huge);
        watch.Stop();

        Assert.InRange(result.Score, 0, 1);
        // Work is capped at a fixed number of judged words, so 200 times the text is far from 200 times the time.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Thesaurus_inflects_like_the_found_word()
    {
        var thesaurus = Thesaurus.Default;
        Assert.Equal("said", thesaurus.Inflect("say", WordPos.Verb, WordForm.Past));
        Assert.Equal("stopped", thesaurus.Inflect("stop", WordPos.Verb, WordForm.Past));
        Assert.Equal("opened", thesaurus.Inflect("open", WordPos.Verb, WordForm.Past));
        Assert.Equal("shut", thesaurus.Inflect("shut", WordPos.Verb, WordForm.Past));
        Assert.Equal("carried out", thesaurus.Inflect("carry out", WordPos.Verb, WordForm.Past));
        Assert.Equal("newsmen", thesaurus.Inflect("newsman", WordPos.Noun, WordForm.Plural));
        Assert.Contains(thesaurus.Analyze("said"), a => a is { Lemma: "say", Pos: WordPos.Verb, Form: WordForm.Past });
        Assert.Contains(thesaurus.Analyze("reporters"), a => a is { Lemma: "reporter", Form: WordForm.Plural });
    }

    [Fact]
    public void Alternatives_are_thesaurus_synonyms_inflected_alike()
    {
        var alternatives = Analyzer.Alternatives("stated the mayor");
        Assert.Contains("said", alternatives);
        Assert.DoesNotContain("stated", alternatives);
    }

    [Fact]
    public void A_phrase_of_three_or_more_words_is_one_unit_as_written_and_with_its_head_inflected()
    {
        // "go to bed" opens with "go", "went" is one of its forms: the phrase is read whole, not as "went" alone.
        var inflected = Analyzer.Alternatives("went to bed early");
        Assert.Contains("turned in", inflected);
        Assert.Contains("retired", inflected);
        Assert.Contains("turn in", Analyzer.Alternatives("go to bed now"));
        Assert.Contains("go to bed", Analyzer.Alternatives("hit the hay at ten"));

        // "went to the" opens no phrase of three or more words, but "went to" is one of two ("go to": attend).
        var pair = Analyzer.Alternatives("went to the shop");
        Assert.DoesNotContain("turned in", pair);
        Assert.Contains("attended", pair);
    }

    [Fact]
    public void A_lone_closed_class_word_is_never_offered_as_what_a_spinner_replaced()
    {
        // Spinners leave "now" alone, so it cannot be the original of "today"; a phrase of such words can be.
        var alternatives = Analyzer.Alternatives("today");
        Assert.DoesNotContain("now", alternatives);
        Assert.Contains("nowadays", alternatives);
        Assert.Contains("today", Analyzer.Alternatives("now"));
    }
}
