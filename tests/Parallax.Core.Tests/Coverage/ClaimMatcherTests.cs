using Parallax.Core.Coverage;
using Parallax.Core.Language;

namespace Parallax.Core.Tests.Coverage;

/// <summary>The one decision behind shared claims and `parallax align`: words, then the slot checks.</summary>
public sealed class ClaimMatcherTests
{
    private static readonly CoverageBuilder Builder = new();
    private static readonly LanguageAnalyzer Language = new();

    private static ClaimComparison Align(string a, string b) => Builder.Align(a, b, Language);

    [Fact]
    public void A_paraphrase_is_one_claim_and_an_unrelated_sentence_is_not()
    {
        var same = Align("A fire destroyed the historic flour mill in Oakfield on Tuesday night.", "The historic flour mill in Oakfield was destroyed by fire on Tuesday night.");
        var other = Align("A fire destroyed the historic flour mill in Oakfield on Tuesday night.", "The council approved a new budget for the schools of Kestrel.");
        Assert.True(same.SameClaim);
        Assert.False(other.SameClaim);
        Assert.True(same.Similarity > other.Similarity);
        Assert.Equal(1.0, Align("The ministry has set aside money for the work.", "The ministry has set aside money for the work.").Similarity, 6);
    }

    [Fact]
    public void A_changed_number_is_a_conflict()
    {
        var verdict = Align("The floods destroyed 14 bridges in the valley.", "The floods destroyed 12 bridges in the valley.");
        Assert.False(verdict.SameClaim);
        Assert.Equal("number", verdict.Conflict?.Kind);
        Assert.Equal("14 bridges", verdict.Conflict?.ValueA);
    }

    [Fact]
    public void A_negation_is_a_conflict()
    {
        var verdict = Align("The company confirmed the plant will close next year.", "The company said the plant will not close next year.");
        Assert.False(verdict.SameClaim);
        Assert.Equal("negation", verdict.Conflict?.Kind);
    }

    [Fact]
    public void Swapped_roles_are_a_conflict()
    {
        var verdict = Align("Mayor Ilse Marlow accused Peter Denholm of hiding the budget gap.", "Peter Denholm accused Ilse Marlow of hiding the budget gap.");
        Assert.False(verdict.SameClaim);
        Assert.Equal("roles", verdict.Conflict?.Kind);
    }

    [Fact]
    public void Another_source_is_a_conflict()
    {
        var verdict = Align("The reservoir is at its full capacity, according to the water agency.", "The reservoir is at its full capacity, the local police said.");
        Assert.Equal("source", verdict.Conflict?.Kind);
    }

    [Fact]
    public void Empty_or_wordless_sentences_are_no_claim()
    {
        Assert.False(Align("", "The ministry has set aside money.").SameClaim);
        Assert.Equal(0, Align("!!! ???", "... ---").Similarity);
    }
}
