using System.Collections.Frozen;
using Parallax.Core.Language;

namespace Parallax.Core.Coverage;

/// <summary>Whether a sentence denies what it states, and the word the denial governs ("was not closed": "closed").</summary>
/// <param name="Predicate">The content word the negation governs, lower case; null when the sentence is not negated or none follows.</param>
public readonly record struct NegationReading(bool Negated, string? Predicate);

/// <summary>
/// Reads negation only where it governs the sentence's main statement. A negation counts when it negates a verb of
/// the main clause ("did not close", "was not injured", "never reopened", "denied that ..."), or when "no"/"nobody"
/// is the subject ("No one was hurt") or the object of have/be ("police have no suspects", "there was no warning").
/// It does not count inside a noun phrase ("with no chance of parole", "a candidate with no party behind her"), in a
/// subordinate or relative clause ("because it was not safe", "the man, who was not armed, ..."), or in a short quote
/// inside the sentence (a title, a phrase quoted about something else): there it says nothing about whether the
/// reported thing happened, and reading it made agreeing reports look like a denial. The rules are plain English
/// grammar words, the language the rest of the claim reader reads; in another language none of them match.
/// </summary>
internal static class NegationScope
{
    /// <summary>Words that negate the verb they stand with.</summary>
    private static readonly FrozenSet<string> VerbNegators = FrozenSet.ToFrozenSet("not never cannot".Split(' '), StringComparer.Ordinal);

    /// <summary>Verbs that deny what follows them.</summary>
    private static readonly FrozenSet<string> DenialVerbs = FrozenSet.ToFrozenSet("deny denies denied denying".Split(' '), StringComparer.Ordinal);

    /// <summary>Negators of a noun phrase: they deny the statement only as its subject or as the object of have/be.</summary>
    private static readonly FrozenSet<string> NounNegators = FrozenSet.ToFrozenSet("no none nobody nothing neither nor".Split(' '), StringComparer.Ordinal);

    /// <summary>Words after which "no" is the object of the clause's own verb: possession and existence.</summary>
    private static readonly FrozenSet<string> HaveOrBe = FrozenSet.ToFrozenSet(
        "have has had having is are was were be been there's".Split(' '), StringComparer.Ordinal);

    /// <summary>Auxiliaries after a negated subject: the word after them is the predicate ("No one was injured").</summary>
    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.ToFrozenSet(
        "is are was were be been being has have had will would can could may might should must did does do".Split(' '), StringComparer.Ordinal);

    /// <summary>Every word this reader treats as a negation (lower case).</summary>
    internal static readonly FrozenSet<string> Words = FrozenSet.ToFrozenSet(
        VerbNegators.Concat(DenialVerbs).Concat(NounNegators), StringComparer.Ordinal);

    /// <summary>Words that open a subordinate or relative clause: a negation after them, up to the next comma, is that clause's.</summary>
    private static readonly FrozenSet<string> Subordinators = FrozenSet.ToFrozenSet(
        "because although though if unless whether while when whenever where since until before after as who whom whose which".Split(' '),
        StringComparer.Ordinal);

    /// <summary>Verbs whose "that" opens the reported statement itself, not a relative clause ("said that", "believe that").</summary>
    private static readonly FrozenSet<string> ComplementVerbs = FrozenSet.ToFrozenSet(
        "say says believe believes think thinks know knows show shows suggest suggests mean means insist insists deny denies claim fear fears hope hopes argue argues".Split(' '),
        StringComparer.Ordinal);

    /// <summary>A quote shorter than this share of its sentence is a phrase quoted inside it, not the sentence's statement.</summary>
    private const double StatementQuoteShare = 0.5;

    public static NegationReading Read(TextAnalysis analysis, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var text = analysis.Text;
        var tokens = analysis.Tokens;
        var first = sentence.FirstToken;
        var end = first + sentence.TokenCount;
        var quotes = MinorQuotes(text, sentence);
        var negated = false;
        string? predicate = null;
        var clauseStart = first;
        var subordinate = false;
        for (var t = first; t < end; t++)
        {
            if (t > first && GapHas(analysis, t, ",;:()\u2013\u2014"))
            {
                clauseStart = t;
                subordinate = false;
            }

            var word = ClaimReader.Lower(tokens[t].In(text));
            var previous = t > first ? ClaimReader.Lower(tokens[t - 1].In(text)) : "";
            if (Subordinators.Contains(word) || (word == "that" && !OpensStatement(previous)))
            {
                subordinate = true;
                continue;
            }

            var verbal = VerbNegators.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal);
            var denial = DenialVerbs.Contains(word);
            var noun = NounNegators.Contains(word);
            if ((!verbal && !denial && !noun) || subordinate || quotes.Exists(q => tokens[t].Start >= q.Start && tokens[t].End <= q.End))
            {
                continue;
            }

            var subject = t == clauseStart || ClaimReader.AttributionVerbs.Contains(previous) || previous == "that";
            if (noun && !subject && !HaveOrBe.Contains(previous))
            {
                continue;
            }

            negated = !negated;
            predicate ??= Predicate(analysis, t + 1, end, afterAuxiliary: denial || (noun && subject));
        }

        return new NegationReading(negated, negated ? predicate : null);
    }

    private static bool OpensStatement(string previous) =>
        ClaimReader.AttributionVerbs.Contains(previous) || ComplementVerbs.Contains(previous) || previous.EndsWith("ed", StringComparison.Ordinal);

    /// <summary>
    /// The first content word from <paramref name="from"/> in the same clause, past adverbs ("would not simply move":
    /// "move"). After a negated subject or a denial the subject comes first, so an auxiliary, when one follows, marks
    /// where the predicate starts ("No one was injured", "denied that the bridge was closed").
    /// </summary>
    private static string? Predicate(TextAnalysis analysis, int from, int end, bool afterAuxiliary)
    {
        var text = analysis.Text;
        var start = from;
        if (afterAuxiliary)
        {
            for (var t = from; t < end && !Breaks(analysis, t, from); t++)
            {
                if (Auxiliaries.Contains(ClaimReader.Lower(analysis.Tokens[t].In(text))))
                {
                    start = t + 1;
                    break;
                }
            }
        }

        for (var t = start; t < end && !Breaks(analysis, t, start); t++)
        {
            var token = analysis.Tokens[t];
            var word = ClaimReader.Lower(token.In(text));
            if (token.Has(TokenFlags.StopWord) || token.Has(TokenFlags.Number) || !word.Any(char.IsLetter)
                || word.EndsWith("n't", StringComparison.Ordinal) || (word.EndsWith("ly", StringComparison.Ordinal) && word.Length > 4))
            {
                continue;
            }

            return word;
        }

        return null;
    }

    private static bool Breaks(TextAnalysis analysis, int t, int from) => t > from && GapHas(analysis, t, ",;:()");

    /// <summary>Whether the text between token <paramref name="t"/> and the one before it holds one of these marks.</summary>
    private static bool GapHas(TextAnalysis analysis, int t, string marks) =>
        analysis.Text.AsSpan(analysis.Tokens[t - 1].End, analysis.Tokens[t].Start - analysis.Tokens[t - 1].End).IndexOfAny(marks) >= 0;

    /// <summary>Quoted stretches of the sentence that are only a part of it: a title, a phrase quoted about something.</summary>
    private static List<TextSpan> MinorQuotes(string text, Sentence sentence)
    {
        var quotes = new List<TextSpan>();
        var open = -1;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            var c = text[i];
            if (open < 0 && c is '"' or '\u201C')
            {
                open = i;
            }
            else if (open >= 0 && c is '"' or '\u201D')
            {
                if (i + 1 - open < StatementQuoteShare * (sentence.End - sentence.Start))
                {
                    quotes.Add(new TextSpan(open, i + 1));
                }

                open = -1;
            }
        }

        return quotes;
    }
}
