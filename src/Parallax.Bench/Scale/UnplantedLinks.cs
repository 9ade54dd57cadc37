namespace Parallax.Bench.Scale;

/// <summary>
/// What the copy links the stream did not plant share with their original. Reports of one synthetic event draw their
/// sentences from one pool of the gold event's sentences, rewritten alike, so two of them may repeat whole sentences
/// word for word: a link between such reports is what a copy index should make. This counts, for each unplanted link
/// whose original is among the recent articles, whether the shorter of the two has at least half of its five-word runs
/// word for word in the other. Only a ring of recent articles' runs is held.
/// </summary>
internal sealed class UnplantedLinks
{
    private const int Ring = 5_000;
    private const int Run = 5;

    private readonly (int Index, HashSet<int> Runs)[] recent = new (int, HashSet<int>)[Ring];

    /// <summary>Unplanted links whose original was still in the ring.</summary>
    public int Checked { get; private set; }

    /// <summary>Of those, the links where the shorter text has at least half of its five-word runs in the other.</summary>
    public int MostlyShared { get; private set; }

    public void Observe(int index, string text) => recent[index % Ring] = (index, Runs(text));

    /// <summary>Called for an article the session linked as a copy of <paramref name="original"/> that the stream did not plant as one.</summary>
    public void Judge(int index, int original)
    {
        var (copy, source) = (recent[index % Ring], recent[original % Ring]);
        if (copy.Runs is null || source.Runs is null || copy.Index != index || source.Index != original)
        {
            return;
        }

        Checked++;
        var (shorter, longer) = copy.Runs.Count <= source.Runs.Count ? (copy.Runs, source.Runs) : (source.Runs, copy.Runs);
        MostlyShared += shorter.Count(longer.Contains) * 2 >= shorter.Count ? 1 : 0;
    }

    // Hashes of the five-word runs (the process's string hash: nothing is kept across runs).
    private static HashSet<int> Runs(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var runs = new HashSet<int>();
        for (var i = 0; i + Run <= words.Length; i++)
        {
            runs.Add(string.Join(' ', words, i, Run).GetHashCode(StringComparison.Ordinal));
        }

        return runs;
    }
}
