using Parallax.Core.Language;

namespace Parallax.Core.Coverage;

/// <summary>A number a claim states, with its unit ("300 people", "$4.5 million").</summary>
public sealed record ClaimNumber(string Text, double Value, string? Unit, NumberKind Kind);

/// <summary>A date a claim states; <paramref name="Key"/> is the resolved day when known, else the words in lower case.</summary>
public sealed record ClaimDate(string Text, string Key, bool Resolved);

/// <summary>Who did what to whom, when a sentence says it plainly ("Marlow accused Denholm"): name keys and the verb's lemma.</summary>
/// <param name="VerbText">The verb as written ("accused").</param>
public sealed record ClaimRoles(string Agent, string Verb, string? Patient, string AgentText, string? PatientText, string VerbText);

/// <summary>
/// One sentence of a report that states something, with what the checks read: its content words, names, places,
/// numbers, dates, negation, who did what, and who it is attributed to.
/// </summary>
/// <param name="Article">The article id.</param>
/// <param name="Sentence">Index of the sentence in the article's analysis.</param>
/// <param name="Text">The sentence as the report words it (restored wording for a spun report).</param>
/// <param name="Span">Where the sentence lies in the article's `text`.</param>
/// <param name="Names">Keys of the names it mentions (lower case).</param>
/// <param name="Places">Keys of names it places something in ("in Harbourton", "at Kestrel Bay").</param>
/// <param name="Source">Who it is attributed to ("according to the agency", "police said"), as a name key or a lower-case noun; null when it states it itself.</param>
/// <param name="SourceText">The source as written.</param>
public sealed record Claim(
    string Article,
    int Sentence,
    string Text,
    TextSpan Span,
    ClaimTerm[] Terms,
    string[] Names,
    string[] NameTexts,
    string[] Places,
    ClaimNumber[] Numbers,
    ClaimDate[] Dates,
    bool Negated,
    ClaimRoles? Roles,
    string? Source,
    string? SourceText)
{
    /// <summary>Sum of the term weights: how much the claim says.</summary>
    public double Mass { get; } = Terms.Sum(t => t.Weight);

    /// <summary>
    /// Lemmas of the word a negated claim's negation governs ("was not closed": close); empty when not negated. A
    /// denial conflicts only with a claim that states the same predicate.
    /// </summary>
    public string[] NegatedPredicate { get; init; } = [];

    public int[] SpanArray => [Span.Start, Span.End];

    /// <summary>Every lemma of its words, for a match test in constant time.</summary>
    internal HashSet<string> LemmaSet { get; } = [.. Terms.SelectMany(t => t.Lemmas)];

    /// <summary>Every synset of its words.</summary>
    internal HashSet<int> SynsetSet { get; } = [.. Terms.SelectMany(t => t.Synsets)];
}
