using Parallax.Core.Language;

namespace Parallax.Core.Tests.Language;

/// <summary>How the language layer cuts text into sentences: the input, then its sentences separated by " | ".</summary>
public sealed class SentenceFixtureTests
{
    private static readonly LanguageAnalyzer Analyzer = new();

    [Theory]
    [InlineData("The mayor spoke. The council listened.", "The mayor spoke. | The council listened.")]
    [InlineData("Mr. Okafor met Dr. Lin at noon. They talked.", "Mr. Okafor met Dr. Lin at noon. | They talked.")]
    [InlineData("The U.S. Senate voted on Jan. 5 to approve it.", "The U.S. Senate voted on Jan. 5 to approve it.")]
    [InlineData("Aid arrived from the U.S. The rest came later.", "Aid arrived from the U.S. | The rest came later.")]
    [InlineData("Prices rose 3.5 percent. Rents rose too.", "Prices rose 3.5 percent. | Rents rose too.")]
    [InlineData("J. R. Tolkien wrote it. Nobody argued.", "J. R. Tolkien wrote it. | Nobody argued.")]
    [InlineData("He paused... then went on. Later he left.", "He paused... then went on. | Later he left.")]
    [InlineData("She waited... Nobody came.", "She waited... | Nobody came.")]
    [InlineData("\"We will rebuild.\" The crowd cheered.", "\"We will rebuild.\" | The crowd cheered.")]
    [InlineData("\u201CWhy now?\u201D she asked. Nobody knew.", "\u201CWhy now?\u201D she asked. | Nobody knew.")]
    [InlineData("Is it safe? Yes! It is.", "Is it safe? | Yes! | It is.")]
    [InlineData("Acme Inc. said it would close. Acme Inc. The end.", "Acme Inc. said it would close. | Acme Inc. | The end.")]
    [InlineData("What we know\n- The bridge is shut\n- Buses are diverted", "What we know | - The bridge is shut | - Buses are diverted")]
    [InlineData("Steps:\n1. Close the valve\n2. Call the engineer", "Steps: | 1. Close the valve | 2. Call the engineer")]
    [InlineData("A long sentence that was wrapped\nat the end of a line goes on.", "A long sentence that was wrapped\nat the end of a line goes on.")]
    [InlineData("First paragraph ends here\n\nSecond one starts here.", "First paragraph ends here | Second one starts here.")]
    [InlineData("Floods hit the town。Roads closed。", "Floods hit the town。 | Roads closed。")]
    public void Sentences_are_cut_where_a_reader_would_cut_them(string text, string expected)
    {
        var analysis = Analyzer.Analyze(null, text);
        Assert.Equal(expected, string.Join(" | ", analysis.Sentences.Select(s => s.Span.ToString(text))));
    }

    [Fact]
    public void Paragraphs_are_counted_at_blank_lines()
    {
        const string text = "One. Two.\n\nThree.\n\n\nFour.";
        var analysis = Analyzer.Analyze(null, text);
        Assert.Equal([0, 0, 1, 2], analysis.Sentences.Select(s => s.Paragraph));
    }

    [Fact]
    public void Each_sentence_knows_its_tokens()
    {
        const string text = "The mayor spoke. The council listened.";
        var analysis = Analyzer.Analyze(null, text);
        Assert.Equal([(0, 3), (3, 3)], analysis.Sentences.Select(s => (s.FirstToken, s.TokenCount)));
        Assert.Equal([0, 0, 0, 1, 1, 1], analysis.Tokens.Select(t => t.Sentence));
    }
}
