using Parallax.Core.Coverage;
using Parallax.Core.Language;

namespace Parallax.Core.Tests.Coverage;

/// <summary>A claim is negated only where the negation governs its main predicate, and a denial conflicts only with the same predicate.</summary>
public sealed class NegationScopeTests
{
    private static readonly CoverageBuilder Builder = new();
    private static readonly LanguageAnalyzer Language = new();

    private static NegationReading Read(string sentence)
    {
        var analysis = Language.Analyze(null, sentence);
        return NegationScope.Read(analysis, analysis.Sentences[0]);
    }

    [Theory]
    [InlineData("The bridge was not closed on Monday.", "closed")]
    [InlineData("The company said the plant will not close next year.", "close")]
    [InlineData("The council would not simply move the water.", "move")]
    [InlineData("The minister denied that the bridge was closed.", "closed")]
    [InlineData("No one was injured in the fire.", "injured")]
    [InlineData("Police said nobody died in the crash.", "died")]
    [InlineData("State police have no suspects.", "suspects")]
    [InlineData("The mill has never reopened.", "reopened")]
    public void A_negation_of_the_main_predicate_denies_the_claim(string sentence, string predicate)
    {
        var reading = Read(sentence);
        Assert.True(reading.Negated);
        Assert.Equal(predicate, reading.Predicate);
    }

    [Theory]
    [InlineData("He was given multiple life sentences with no chance of parole.")]
    [InlineData("A candidate with no party behind her won the seat.")]
    [InlineData("The bridge was closed because it was not safe.")]
    [InlineData("The mayor, who did not attend, praised the crews.")]
    [InlineData("The man that did not stop was later found in Harbourton.")]
    [InlineData("The band played \"No Surrender\" to a crowd of thousands in the square.")]
    public void A_negation_inside_a_noun_phrase_or_another_clause_does_not(string sentence)
    {
        Assert.False(Read(sentence).Negated);
    }

    [Fact]
    public void Two_negations_of_the_main_verb_cancel()
    {
        Assert.False(Read("The ministry did not deny the report.").Negated);
    }

    [Fact]
    public void A_denial_conflicts_with_the_same_predicate_stated()
    {
        var verdict = Builder.Align("The bridge was not closed on Monday.", "The bridge was closed on Monday.", Language);
        Assert.Equal("negation", verdict.Conflict?.Kind);
    }

    [Fact]
    public void A_denial_of_another_predicate_is_no_negation_conflict()
    {
        var verdict = Builder.Align("The council said the plan would not simply move the water.", "The council said the plan would be better spent on the water.", Language);
        Assert.NotEqual("negation", verdict.Conflict?.Kind);
    }

    [Fact]
    public void A_noun_phrase_negation_leaves_agreeing_reports_agreeing()
    {
        var verdict = Builder.Align(
            "Council candidate Mira Hollis, with no party behind her, has called for an inquiry into the state of the tunnel.",
            "Council candidate Mira Hollis has called for an inquiry into the state of the tunnel.", Language);
        Assert.Null(verdict.Conflict);
        Assert.True(verdict.SameClaim);
    }
}
