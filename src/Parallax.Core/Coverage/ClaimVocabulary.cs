using System.Collections.Concurrent;
using Parallax.Core.Spin;
using Parallax.Core.Stories;

namespace Parallax.Core.Coverage;

/// <summary>A content word of a claim: its lemmas (the readings WordNet's morphology allows), its synsets and its weight.</summary>
/// <param name="Word">The word in lower case, as written.</param>
/// <param name="Lemmas">Up to three lemmas; two words match when these meet ("bridges" and "bridge").</param>
/// <param name="Synsets">WordNet synsets of those lemmas; two words are synonyms when these meet ("aim" and "goal").</param>
/// <param name="Weight">How much the word says: its inverse document share in general English, capped so a rare name does not swamp the rest.</param>
/// <param name="Vector">Its row in the thesaurus's GloVe word vectors, or -1.</param>
public sealed record ClaimTerm(string Word, string[] Lemmas, int[] Synsets, double Weight, int Vector = -1)
{
    public bool SameWord(ClaimTerm other)
    {
        foreach (var a in Lemmas)
        {
            foreach (var b in other.Lemmas)
            {
                if (a == b)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public bool Synonym(ClaimTerm other)
    {
        foreach (var a in Synsets)
        {
            foreach (var b in other.Synsets)
            {
                if (a == b)
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>
/// Words as claims compare them, from the data the repository already ships (WordNet lemmas and synsets, general
/// English word frequencies): nothing is learnt from the texts compared, so a pair's verdict depends on that pair
/// alone. Thread-safe; it remembers the words it has seen (bounded).
/// </summary>
public sealed class ClaimVocabulary
{
    /// <summary>Highest weight of a word: an unknown name is as strong as a rare word, not stronger.</summary>
    public const double MaxWeight = 5.0;

    /// <summary>Synsets kept per word: the first senses are the common ones; the rarest senses only add false synonyms.</summary>
    private const int SensesPerLemma = 3;

    private const int MaxRemembered = 200_000;

    // Read on the first word, not at construction: a caller that builds the coverage stage but never compares a claim
    // (a run of one-report stories) does not wait for the word data.
    private readonly Lazy<Thesaurus> thesaurus;
    private readonly Lazy<BackgroundFrequencies> background;
    private readonly ConcurrentDictionary<string, ClaimTerm> seen = new(StringComparer.Ordinal);

    public ClaimVocabulary(Thesaurus? thesaurus = null, BackgroundFrequencies? background = null)
    {
        this.thesaurus = thesaurus is null ? new(() => Thesaurus.Default) : new(thesaurus);
        this.background = background is null ? new(() => BackgroundFrequencies.Default) : new(background);
    }

    /// <summary>Cosine of two words' GloVe vectors; 0 when either has none.</summary>
    public double VectorCosine(ClaimTerm a, ClaimTerm b)
    {
        if (a.Vector < 0 || b.Vector < 0)
        {
            return 0;
        }

        var x = thesaurus.Value.Vectors.Of(a.Vector);
        var y = thesaurus.Value.Vectors.Of(b.Vector);
        var dot = 0;
        for (var d = 0; d < x.Length; d++)
        {
            dot += x[d] * y[d];
        }

        return dot / (127.0 * 127.0);
    }

    /// <summary>The term of a lower-case word.</summary>
    public ClaimTerm Of(string lowerWord)
    {
        if (seen.TryGetValue(lowerWord, out var known))
        {
            return known;
        }

        var term = Make(lowerWord);
        if (seen.Count < MaxRemembered)
        {
            seen.TryAdd(lowerWord, term);
        }

        return term;
    }

    private ClaimTerm Make(string word)
    {
        var lemmas = new List<string>(3);
        var synsets = new List<int>();
        if (word.Length > 2 && word.Length < 40)
        {
            foreach (var analysis in thesaurus.Value.Analyze(word))
            {
                if (!lemmas.Contains(analysis.Lemma) && lemmas.Count < 3)
                {
                    lemmas.Add(analysis.Lemma);
                    var senses = thesaurus.Value.SynsetsOf(analysis.Lemma);
                    for (var i = 0; i < senses.Length && i < SensesPerLemma; i++)
                    {
                        if (!synsets.Contains(senses[i]))
                        {
                            synsets.Add(senses[i]);
                        }
                    }
                }
            }
        }

        if (lemmas.Count == 0)
        {
            lemmas.Add(word);
        }

        var share = background.Value.DocumentShare(word);
        if (share == 0 && lemmas[0] != word)
        {
            share = background.Value.DocumentShare(lemmas[0]);
        }

        var weight = Math.Min(MaxWeight, Math.Log(1.0 / (share + 0.004)));
        var vector = thesaurus.Value.Vectors.IdOf(word);
        if (vector < 0)
        {
            vector = thesaurus.Value.Vectors.IdOf(lemmas[0]);
        }

        return new ClaimTerm(word, [.. lemmas], [.. synsets], Math.Max(0.1, weight), vector);
    }
}
