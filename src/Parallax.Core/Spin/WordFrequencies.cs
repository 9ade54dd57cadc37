namespace Parallax.Core.Spin;

/// <summary>
/// How often English words and adjacent pairs occur: unigram frequencies per billion words (SUBTLEX-US, multi-word
/// lemmas included) and the Brown corpus's adjacent-word pair counts. Immutable once built (the loader hands over its dictionaries and keeps no reference).
/// </summary>
public sealed class WordFrequencies
{
    // Plain dictionaries, not frozen ones: freezing these tables cost more at start-up than it saved in look-ups.
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> frequency;
    private readonly PairCounts bigrams;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> pairWordIds;

    internal WordFrequencies(
        Dictionary<string, long> frequency, Dictionary<string, int> pairWordIds, PairCounts bigrams, long bigramTotal)
    {
        this.frequency = frequency.GetAlternateLookup<ReadOnlySpan<char>>();
        this.bigrams = bigrams;
        this.pairWordIds = pairWordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        BigramTotal = bigramTotal;
    }

    /// <summary>Word tokens in the corpus the pair counts come from.</summary>
    public long BigramTotal { get; }

    /// <summary>Frequency per billion words of a lower-case word or multi-word lemma (0 when unknown).</summary>
    public long Frequency(ReadOnlySpan<char> word) => frequency.TryGetValue(word, out var f) ? f : 0;

    /// <summary>The pair count of two words given by <see cref="PairWordId"/> (0 when either is -1).</summary>
    public int Bigram(int first, int second) => bigrams.Of(first, second);

    /// <summary>A small integer naming a lower-case word that occurs in some counted pair; -1 for any other word.</summary>
    public int PairWordId(ReadOnlySpan<char> word) => pairWordIds.TryGetValue(word, out var id) ? id : -1;
}
