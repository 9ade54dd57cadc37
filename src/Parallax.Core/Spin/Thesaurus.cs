namespace Parallax.Core.Spin;

/// <summary>
/// The shipped thesaurus and word statistics (built by tools/thesaurus/build.py from WordNet 3.0, the Brown corpus,
/// SUBTLEX-US, GloVe and the CMU Sphinx trigram model), one object over its parts: WordNet's lemmas
/// (<see cref="Lemmas"/>), inflection (<see cref="Morphology"/>), word and pair frequencies
/// (<see cref="Frequencies"/>), word vectors and the trigram model. The vectors and the trigram model are the
/// largest resources and only the full restoration reads them, so they are loaded on first use. Immutable once
/// loaded; one instance serves every thread.
/// </summary>
public sealed class Thesaurus
{
    private static readonly Lazy<Thesaurus> Embedded =
        new(ThesaurusResources.LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<WordVectors> vectors;
    private readonly Lazy<NgramModel> ngrams;

    internal Thesaurus(
        LemmaIndex lemmas, WordFrequencies frequencies, Morphology morphology, Lazy<WordVectors> vectors,
        Lazy<NgramModel> ngrams)
    {
        Lemmas = lemmas;
        Frequencies = frequencies;
        Morphology = morphology;
        this.vectors = vectors;
        this.ngrams = ngrams;
    }

    /// <summary>The thesaurus embedded in Parallax.Core, loaded once per process on first use.</summary>
    public static Thesaurus Default => Embedded.Value;

    public LemmaIndex Lemmas { get; }

    public WordFrequencies Frequencies { get; }

    public Morphology Morphology { get; }

    public IReadOnlyList<Synset> Synsets => Lemmas.Synsets;

    /// <summary>The most words any multi-word lemma has ("loss of life" has 3).</summary>
    public int LongestLemmaWords => Lemmas.LongestLemmaWords;

    /// <summary>GloVe vectors of common words: what a passage is about (loaded on first use).</summary>
    public WordVectors Vectors => vectors.Value;

    /// <summary>A trigram model of English: which words follow which over whole phrases (loaded on first use).</summary>
    public NgramModel Ngrams => ngrams.Value;

    /// <summary>Word tokens in the corpus the pair counts come from.</summary>
    public long BigramTotal => Frequencies.BigramTotal;

    /// <summary>Indexes into <see cref="Synsets"/> of the synsets holding this lower-case lemma; empty when none.</summary>
    public ReadOnlySpan<int> SynsetsOf(string lemma) => Lemmas.SynsetsOf(lemma);

    /// <summary>How many distinct synonyms a lemma has over all its senses and parts of speech.</summary>
    public int SynonymCount(string lemma) => Lemmas.SynonymCount(lemma);

    public bool HasLemma(string lemma) => Lemmas.HasLemma(lemma);

    public bool HasLemmaWithPos(string lemma, WordPos pos) => Lemmas.HasLemmaWithPos(lemma, pos);

    /// <summary>Whether some multi-word lemma starts with this lower-case word ("loss" for "loss of life").</summary>
    public bool StartsPhrase(string word) => Lemmas.StartsPhrase(word);

    /// <summary>The most words of a multi-word lemma starting with this lower-case word; 0 when none does.</summary>
    public int LongestPhraseFrom(string word) => Lemmas.LongestPhraseFrom(word);

    /// <summary>Frequency per billion words of a lower-case word or multi-word lemma (0 when unknown).</summary>
    public long Frequency(ReadOnlySpan<char> word) => Frequencies.Frequency(word);

    /// <summary>How often the lower-case pair "first second" was seen adjacent in the corpus.</summary>
    public int Bigram(ReadOnlySpan<char> first, ReadOnlySpan<char> second) =>
        Frequencies.Bigram(Frequencies.PairWordId(first), Frequencies.PairWordId(second));

    /// <summary>The pair count of two words given by <see cref="PairWordId"/> (0 when either is -1).</summary>
    public int Bigram(int first, int second) => Frequencies.Bigram(first, second);

    /// <summary>A small integer naming a lower-case word that occurs in some counted pair; -1 for any other word.</summary>
    public int PairWordId(ReadOnlySpan<char> word) => Frequencies.PairWordId(word);

    /// <inheritdoc cref="Spin.Morphology.Analyze"/>
    public List<WordAnalysis> Analyze(string word) => Morphology.Analyze(word);

    /// <inheritdoc cref="Spin.Morphology.Inflect"/>
    public string Inflect(string lemma, WordPos pos, WordForm form) => Morphology.Inflect(lemma, pos, form);

    /// <inheritdoc cref="Spin.Morphology.Inflections"/>
    public IReadOnlyList<string> Inflections(string lemma, WordPos pos, WordForm form) =>
        Morphology.Inflections(lemma, pos, form);

    /// <summary>
    /// The distinct wordings a context-blind spinner could write for <paramref name="word"/>: every synonym of every
    /// given reading, inflected like it, in thesaurus order, the word itself left out. <paramref name="keepLemma"/>
    /// may narrow the synonyms to a spinner's own dictionary.
    /// </summary>
    public List<string> SynonymForms(string word, List<WordAnalysis> analyses, Func<string, bool>? keepLemma = null)
    {
        var forms = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { word }; // the list's forms and the word: a set, not a scan of the list per synonym
        foreach (var analysis in analyses)
        {
            foreach (var id in SynsetsOf(analysis.Lemma))
            {
                var synset = Synsets[id];
                if (synset.Pos != analysis.Pos)
                {
                    continue;
                }

                foreach (var lemma in synset.Lemmas)
                {
                    if (lemma == analysis.Lemma)
                    {
                        continue;
                    }

                    var form = Inflect(lemma, analysis.Pos, analysis.Form);
                    if (!seen.Contains(form) && (keepLemma is null || keepLemma(lemma)))
                    {
                        seen.Add(form);
                        forms.Add(form);
                    }
                }
            }
        }

        return forms;
    }
}
