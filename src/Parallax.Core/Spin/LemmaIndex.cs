using System.Runtime.InteropServices;

namespace Parallax.Core.Spin;

/// <summary>
/// WordNet's synsets indexed by lemma: which senses a lemma has, how many synonyms it has over all of them, and which
/// words open a multi-word lemma. Immutable once built; one instance serves every thread.
/// </summary>
public sealed class LemmaIndex
{
    // Plain dictionaries, not frozen ones: freezing them cost more at start-up than it saved in look-ups. Nothing
    // writes to them after the constructor, so concurrent readers are safe.
    // Each lemma's synset ids are one range of a flat array (slot k: ids[starts[k]..starts[k + 1]]): a list per lemma
    // (150,000 of them), then an array copied from each, were most of the index's start-up.
    private readonly Dictionary<string, int> slotOfLemma;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> slotOfSpan;
    private readonly int[] starts;
    private readonly int[] ids;
    private readonly Dictionary<string, int> phraseStarts;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> longPhraseOpenings;

    internal LemmaIndex(Synset[] synsets)
    {
        Synsets = synsets;
        slotOfLemma = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<int>();
        foreach (var synset in synsets)
        {
            foreach (var lemma in synset.Lemmas)
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(slotOfLemma, lemma, out var known);
                if (!known)
                {
                    slot = counts.Count;
                    counts.Add(0);
                }

                counts[slot]++;
            }
        }

        starts = new int[counts.Count + 1];
        for (var k = 0; k < counts.Count; k++)
        {
            starts[k + 1] = starts[k] + counts[k];
        }

        // In synset order within each lemma's range, as the lists held them.
        ids = new int[starts[^1]];
        var next = starts[..^1];
        for (var i = 0; i < synsets.Length; i++)
        {
            foreach (var lemma in synsets[i].Lemmas)
            {
                ids[next[slotOfLemma[lemma]]++] = i;
            }
        }

        var longest = 1;
        var phrases = new Dictionary<string, int>(StringComparer.Ordinal);
        var openings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lemma in slotOfLemma.Keys)
        {
            var words = CountWords(lemma);
            longest = Math.Max(longest, words);
            var space = lemma.IndexOf(' ');
            if (space > 0)
            {
                var first = lemma[..space];
                phrases[first] = Math.Max(phrases.GetValueOrDefault(first), words);
            }

            if (words >= 3)
            {
                openings.Add(lemma[..lemma.IndexOf(' ', space + 1)]);
            }
        }

        phraseStarts = phrases;
        slotOfSpan = slotOfLemma.GetAlternateLookup<ReadOnlySpan<char>>();
        longPhraseOpenings = openings.GetAlternateLookup<ReadOnlySpan<char>>();
        LongestLemmaWords = longest;
    }

    public IReadOnlyList<Synset> Synsets { get; }

    /// <summary>The most words any multi-word lemma has ("loss of life" has 3).</summary>
    public int LongestLemmaWords { get; }

    /// <summary>Indexes into <see cref="Synsets"/> of the synsets holding this lower-case lemma; empty when none.</summary>
    public ReadOnlySpan<int> SynsetsOf(string lemma) =>
        slotOfLemma.TryGetValue(lemma, out var slot) ? ids.AsSpan(starts[slot], starts[slot + 1] - starts[slot]) : ReadOnlySpan<int>.Empty;

    /// <summary>How many distinct synonyms a lemma has over all its senses and parts of speech.</summary>
    /// <remarks>Counted when asked (only multi-word wordings ask, and their candidates are memoised).</remarks>
    public int SynonymCount(string lemma)
    {
        if (!slotOfLemma.ContainsKey(lemma))
        {
            return 0;
        }

        var union = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in SynsetsOf(lemma))
        {
            union.UnionWith(Synsets[id].Lemmas);
        }

        return union.Count - 1;
    }

    /// <summary>
    /// The lemma spelt by <paramref name="lemma"/> as the index holds it, with its synsets, without making a string:
    /// morphology tries several stems per word form, and most are no lemma. Null when it is none.
    /// </summary>
    public string? Find(ReadOnlySpan<char> lemma, out ReadOnlySpan<int> synsets)
    {
        if (slotOfSpan.TryGetValue(lemma, out var held, out var slot))
        {
            synsets = ids.AsSpan(starts[slot], starts[slot + 1] - starts[slot]);
            return held;
        }

        synsets = ReadOnlySpan<int>.Empty;
        return null;
    }

    public bool HasLemma(string lemma) => slotOfLemma.ContainsKey(lemma);

    public bool HasLemmaWithPos(string lemma, WordPos pos) => AnyWithPos(SynsetsOf(lemma), pos);

    /// <summary>Whether any of these synsets has this part of speech.</summary>
    public bool AnyWithPos(ReadOnlySpan<int> synsets, WordPos pos)
    {
        foreach (var id in synsets)
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

    /// <summary>
    /// Whether some lemma of three or more words opens with these two lower-case words, one space between them ("loss of"
    /// for "loss of life").
    /// </summary>
    public bool OpensLongPhrase(ReadOnlySpan<char> firstTwoWords) => longPhraseOpenings.Contains(firstTwoWords);

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
