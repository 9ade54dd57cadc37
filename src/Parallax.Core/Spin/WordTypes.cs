namespace Parallax.Core.Spin;

/// <summary>Part of speech as WordNet has it: noun, verb, adjective, adverb.</summary>
public enum WordPos : byte
{
    Noun,
    Verb,
    Adjective,
    Adverb,
}

/// <summary>The inflection a word form carries relative to its lemma.</summary>
public enum WordForm : byte
{
    Base,
    Plural,
    ThirdPerson,
    Past,
    Gerund,
    Comparative,
    Superlative,
}

/// <summary>One WordNet synset: lemmas sharing one sense, each with how often it was sense-tagged in that sense.</summary>
public sealed record Synset(WordPos Pos, string[] Lemmas, int[] TagCounts);

/// <summary>One reading of a word form: which lemma, which part of speech, which inflection.</summary>
public readonly record struct WordAnalysis(string Lemma, WordPos Pos, WordForm Form);
