namespace Parallax.Core.Spin;

/// <summary>
/// WordNet's synsets indexed by lemma: which senses a lemma has, how many synonyms it has over all of them, and which
/// words open a multi-word lemma. Immutable once built; one instance serves every thread.
/// </summary>
public sealed class LemmaIndex
{
    // Plain dictionaries, not frozen ones: freezing them cost more at start-up than it saved in look-ups. Nothing
    // writes to them after the constructor, so concurrent readers are safe.
    private readonly Dictionary<string, int[]> synsetsOfLemma;
    private readonly Dictionary<string, int> phraseStarts;

    internal LemmaIndex(Synset[] synsets)
    {
        Synsets = synsets;
        var byLemma = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var longest = 1;
        for (var i = 0; i < synsets.Length; i++)
        {
            foreach (var lemma in synsets[i].Lemmas)
            {
                if (!byLemma.TryGetValue(lemma, out var list))
                {
                    byLemma[lemma] = list = [];
                }

                list.Add(i);
                longest = Math.Max(longest, CountWords(lemma));
            }
        }

        synsetsOfLemma = new Dictionary<string, int[]>(byLemma.Count, StringComparer.Ordinal);
        foreach (var (lemma, ids) in byLemma)
        {
            synsetsOfLemma[lemma] = [.. ids];
        }

        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var lemma in byLemma.Keys)
        {
            var space = lemma.IndexOf(' ');
            if (space > 0)
            {
                var first = lemma[..space];
                starts[first] = Math.Max(starts.GetValueOrDefault(first), CountWords(lemma));
            }
        }

        phraseStarts = starts;
        LongestLemmaWords = longest;
    }

    public IReadOnlyList<Synset> Synsets { get; }

    /// <summary>The most words any multi-word lemma has ("loss of life" has 3).</summary>
    public int LongestLemmaWords { get; }

    /// <summary>Indexes into <see cref="Synsets"/> of the synsets holding this lower-case lemma; empty when none.</summary>
    public ReadOnlySpan<int> SynsetsOf(string lemma) =>
        synsetsOfLemma.TryGetValue(lemma, out var ids) ? ids : ReadOnlySpan<int>.Empty;

    /// <summary>How many distinct synonyms a lemma has over all its senses and parts of speech.</summary>
    /// <remarks>Counted when asked (only multi-word wordings ask, and their candidates are memoised).</remarks>
    public int SynonymCount(string lemma)
    {
        if (!synsetsOfLemma.TryGetValue(lemma, out var ids))
        {
            return 0;
        }

        var union = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            union.UnionWith(Synsets[id].Lemmas);
        }

        return union.Count - 1;
    }

    public bool HasLemma(string lemma) => synsetsOfLemma.ContainsKey(lemma);

    public bool HasLemmaWithPos(string lemma, WordPos pos)
    {
        foreach (var id in SynsetsOf(lemma))
        {
            if (Synsets[id].Pos == pos)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some multi-word lemma starts with this lower-case word ("loss" for "loss of life").</summary>
    public bool StartsPhrase(string word) => phraseStarts.ContainsKey(word);

    /// <summary>The most words of a multi-word lemma starting with this lower-case word; 0 when none does.</summary>
    public int LongestPhraseFrom(string word) => phraseStarts.TryGetValue(word, out var n) ? n : 0;

    private static int CountWords(string lemma)
    {
        var n = 1;
        foreach (var c in lemma)
        {
            if (c == ' ')
            {
                n++;
            }
        }

        return n;
    }
}
