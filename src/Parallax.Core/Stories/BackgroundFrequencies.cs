using System.Globalization;
using Parallax.Core.Spin;

namespace Parallax.Core.Stories;

/// <summary>
/// How common a word is in general English, as the share of ordinary documents that contain it. It is the prior
/// of the inverse document frequency (<see cref="DocumentFrequencies"/>): in a handful of articles every word looks
/// rare, and without a prior "president" or "school" weigh as much as a rare name. The counts are the word
/// frequencies the spin data already ships (src/Parallax.Core/Resources/Spin/words.txt.gz: 0.7 x Brown corpus +
/// 0.3 x SUBTLEX-US per billion words, openly licensed, see tools/thesaurus/README.md); nothing comes from a
/// benchmark. Read only; loaded once per process.
/// </summary>
public sealed class BackgroundFrequencies
{
    /// <summary>
    /// Words in an ordinary document, to turn a per-word frequency p into a document share 1 - e^(-L p)
    /// (the chance that a Poisson count with mean L p is not zero). A short news article.
    /// </summary>
    public const double DocumentLength = 400;

    private static readonly Lazy<BackgroundFrequencies> Embedded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // A plain dictionary, not a frozen one: freezing its 76,000 words cost more at start-up than its look-ups saved.
    // Nothing writes to it after the constructor, so concurrent readers are safe.
    private readonly Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private BackgroundFrequencies(Dictionary<string, float> shares)
    {
        Count = shares.Count;
        lookup = shares.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static BackgroundFrequencies Default => Embedded.Value;

    public int Count { get; }

    /// <summary>Share of ordinary documents holding this lower-case word (0 when unknown: rare names, coinages).</summary>
    public float DocumentShare(ReadOnlySpan<char> lowerWord) => lookup.TryGetValue(lowerWord, out var share) ? share : 0f;

    /// <summary>
    /// Numbers are not in the word list (it collapses them); by length: one or two digits (days, counts, ages) are
    /// common, four-digit numbers are mostly years, longer ones (figures, sums) are specific to an event.
    /// </summary>
    public static float NumberShare(int digits) => digits switch
    {
        <= 2 => 0.3f,
        4 => 0.05f,
        _ => 0f,
    };

    /// <summary>Builds the table from lines "word&lt;TAB&gt;frequency per billion" (comments start with '#').</summary>
    public static BackgroundFrequencies Parse(IEnumerable<string> lines)
    {
        var shares = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab <= 0 || !double.TryParse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var perBillion))
            {
                continue;
            }

            shares[line[..tab].ToLowerInvariant()] = Share(perBillion);
        }

        return new BackgroundFrequencies(shares);
    }

    // From the word frequencies the thesaurus reads too, parsed once per process (all lower case, whole numbers).
    private static BackgroundFrequencies Load()
    {
        var frequencies = ThesaurusResources.WordFrequencyPerBillion;
        var shares = new Dictionary<string, float>(frequencies.Count, StringComparer.Ordinal);
        foreach (var (word, perBillion) in frequencies)
        {
            shares[word] = Share(perBillion);
        }

        return new BackgroundFrequencies(shares);
    }

    // The chance that a Poisson count with mean DocumentLength x p is not zero.
    private static float Share(double perBillion) => (float)(1 - Math.Exp(-DocumentLength * perBillion / 1e9));
}
