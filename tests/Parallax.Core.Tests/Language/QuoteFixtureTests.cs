using Parallax.Core.Language;

namespace Parallax.Core.Tests.Language;

/// <summary>Direct quotes and who said them: the sentence, the quoted words, and the speaker ("-" for none).</summary>
public sealed class QuoteFixtureTests
{
    private static readonly LanguageAnalyzer Analyzer = new();

    [Theory]
    [InlineData("\"We will rebuild the bridge,\" said Marta Kovalenko.", "We will rebuild the bridge,", "Marta Kovalenko")]
    [InlineData("\"We will rebuild the bridge,\" Kovalenko said.", "We will rebuild the bridge,", "Kovalenko")]
    [InlineData("\u201CWe will rebuild the bridge,\u201D Marta Kovalenko said on Tuesday.", "We will rebuild the bridge,", "Marta Kovalenko")]
    [InlineData("Marta Kovalenko said: \u201CThe bridge will reopen.\u201D", "The bridge will reopen.", "Marta Kovalenko")]
    [InlineData("\u2018The water is safe,\u2019 said Pope Francis.", "The water is safe,", "Pope Francis")]
    [InlineData("'The water is safe,' the mayor, Daniel Okafor, said.", "The water is safe,", "Daniel Okafor")]
    [InlineData("Daniel Okafor, the mayor, said: \"The water is safe.\"", "The water is safe.", "Daniel Okafor")]
    [InlineData("\"The water is safe,\" he said.", "The water is safe,", "-")]
    [InlineData("\"The water is safe,\" a spokesman said.", "The water is safe,", "-")]
    [InlineData("\"The water is safe.\" Okafor said.", "The water is safe.", "Okafor")]
    [InlineData("According to Daniel Okafor, \"the water is safe\".", "the water is safe", "Daniel Okafor")]
    [InlineData("\"The water is safe,\" according to Daniel Okafor.", "The water is safe,", "Daniel Okafor")]
    [InlineData("\u00ABL'eau est potable\u00BB, a déclaré Daniel Okafor.", "L'eau est potable", "Daniel Okafor")]
    [InlineData("\"The water is safe,\" an official told Valemont Radio.", "The water is safe,", "-")]
    [InlineData("According to a leaked memo, Okafor 'ordered the closure'.", "ordered the closure", "-")]
    public void Quotes_name_their_speaker_only_when_the_sentence_does(string text, string quoted, string speaker)
    {
        var analysis = Analyzer.Analyze(null, text);
        var quote = Assert.Single(analysis.Quotes);
        Assert.Equal(quoted, quote.TextIn(text));
        Assert.Equal(speaker, quote.Speaker ?? "-");
    }

    [Fact]
    public void A_quote_split_around_its_attribution_is_one_quote()
    {
        const string text = "\"We will rebuild,\" said Marta Kovalenko, \"and we will do it this year.\"";
        var quote = Assert.Single(Analyzer.Analyze(null, text).Quotes);
        Assert.Equal(2, quote.Parts.Length);
        Assert.Equal("We will rebuild and we will do it this year.", quote.TextIn(text));
        Assert.Equal("Marta Kovalenko", quote.Speaker);
        Assert.False(quote.Partial);
    }

    [Fact]
    public void A_second_quote_after_an_attribution_that_goes_on_is_its_own_quote()
    {
        const string text = "\"We disagree,\" Okafor said, insisting that \"talks must go on.\"";
        var quotes = Analyzer.Analyze(null, text).Quotes;
        Assert.Equal(["We disagree,", "talks must go on."], quotes.Select(q => q.TextIn(text)));
        Assert.Equal(["Okafor", "Okafor"], quotes.Select(q => q.Speaker));
        Assert.Equal([false, true], quotes.Select(q => q.Partial));
    }

    [Theory]
    [InlineData("The council called the plan \"reckless\" and voted it down.", "reckless", true)]
    [InlineData("Critics say the \u201Creform\u201D will cost jobs.", "reform", true)]
    [InlineData("\"It is reckless,\" said Daniel Okafor.", "It is reckless,", false)]
    public void Partial_quotes_are_marked(string text, string quoted, bool partial)
    {
        var quote = Assert.Single(Analyzer.Analyze(null, text).Quotes);
        Assert.Equal(quoted, quote.TextIn(text));
        Assert.Equal(partial, quote.Partial);
    }

    [Theory]
    [InlineData("The students' union met on Friday.")]
    [InlineData("It's the town's oldest bridge, and it isn't safe.")]
    [InlineData("He wrote \"")]
    public void Apostrophes_and_stray_marks_are_no_quotes(string text)
    {
        Assert.Empty(Analyzer.Analyze(null, text).Quotes);
    }
}
