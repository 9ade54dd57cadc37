using System.Collections.Frozen;

namespace Parallax.Core.Spin;

/// <summary>
/// Word and adjacent-word-pair counts from Google Books Ngrams, as SymSpell ships them: every common word, but only
/// the 242k most frequent pairs. It answers how much more (or less) often two words stand side by side than chance
/// would have them, the evidence that tells "death toll" from "loss of life toll" where the Brown corpus is too small
/// to have seen either.
/// </summary>
public sealed class BookCounts
{
    // An unlisted pair is rarer than the smallest listed one; this share of that floor is its expected count.
    private const double UnlistedShare = 0.5;

    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ids;
    private readonly long[] counts;
    private readonly FrozenDictionary<long, long> pairs;
    private readonly double total;
    private readonly double floor;

    internal BookCounts(Dictionary<string, int> ids, long[] counts, Dictionary<long, long> pairs, long total, long floor)
    {
        this.ids = ids.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        this.counts = counts;
        this.pairs = pairs.ToFrozenDictionary();
        this.total = total;
        this.floor = floor;
    }

    /// <summary>A small integer naming a lower-case word that has a count; -1 for any other word.</summary>
    public int IdOf(ReadOnlySpan<char> word) => ids.TryGetValue(word, out var id) ? id : -1;

    /// <summary>
    /// log(P(second | first) / P(second)) for two words given by <see cref="IdOf"/>: above 0 for a collocation, below 0
    /// for a pair that is rarer than chance. An unlisted pair only says its count is under the list's floor, so it
    /// counts as evidence only when chance alone would have put it above that (0 when either word is unknown).
    /// </summary>
    public double Association(int first, int second)
    {
        if (first < 0 || second < 0)
        {
            return 0;
        }

        var expected = (double)counts[first] * counts[second] / total;
        if (pairs.TryGetValue(((long)first << 32) | (uint)second, out var seen))
        {
            return Math.Log(seen / expected);
        }

        var bound = UnlistedShare * floor;
        return expected > bound ? Math.Log(bound / expected) : 0;
    }

    internal static BookCounts Load(IEnumerable<string> lines)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<long>();
        var pairs = new Dictionary<long, long>();
        long total = 0, floor = 0;
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t');
            var count = long.Parse(line.AsSpan(tab + 1), System.Globalization.CultureInfo.InvariantCulture);
            if (line.StartsWith("#total", StringComparison.Ordinal))
            {
                total = count;
            }
            else if (line.StartsWith("#floor", StringComparison.Ordinal))
            {
                floor = count;
            }
            else if (line[0] == '#')
            {
                continue;
            }
            else if (line.IndexOf(' ') is var space and > 0 && space < tab)
            {
                // Pairs follow the words in the file, so both words already have ids.
                if (ids.TryGetValue(line[..space], out var first) && ids.TryGetValue(line[(space + 1)..tab], out var second))
                {
                    pairs[((long)first << 32) | (uint)second] = count;
                }
            }
            else
            {
                ids[line[..tab]] = counts.Count;
                counts.Add(count);
            }
        }

        return new BookCounts(ids, [.. counts], pairs, Math.Max(1, total), floor);
    }
}
