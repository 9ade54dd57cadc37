using System.Collections.Frozen;
using System.Text;
using Parallax.Core.Language;

namespace Parallax.Core.Coverage;

/// <summary>
/// Known variant names and labels of one referent (Mumbai/Bombay, regime/government), the committed seed list
/// Resources/Coverage/term-variants.tsv (source and licence in its header), and the spelling test that finds
/// variants no list holds (a name transliterated two ways). Read only; the embedded list loads once per process.
/// </summary>
public sealed class TermVariantsTable
{
    private static readonly Lazy<TermVariantsTable> Embedded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Group id of each listed variant (lower case, accents kept), and whether the group holds labels.</summary>
    private readonly FrozenDictionary<string, (int Group, bool Label)> groups;

    public TermVariantsTable(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var table = new Dictionary<string, (int, bool)>(StringComparer.Ordinal);
        var group = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 3 || fields[0] is not ("name" or "label"))
            {
                continue;
            }

            group++;
            foreach (var variant in fields.Skip(1))
            {
                table.TryAdd(variant.Trim().ToLowerInvariant(), (group, fields[0] == "label"));
            }
        }

        groups = table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static TermVariantsTable Default => Embedded.Value;

    public int Count => groups.Count;

    /// <summary>The listed variant, if any, and whether it is a label (lower-case word or phrase).</summary>
    public bool IsListed(string lower, out bool label)
    {
        label = false;
        if (groups.TryGetValue(lower, out var g))
        {
            label = g.Label;
            return true;
        }

        return false;
    }

    /// <summary>Two different words or phrases the list holds as variants of one referent.</summary>
    public bool Listed(string a, string b, out bool label)
    {
        label = false;
        if (a != b && groups.TryGetValue(a, out var ga) && groups.TryGetValue(b, out var gb) && ga.Group == gb.Group)
        {
            label = ga.Label;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Two name keys for one referent: the same, one the short form of the other ("lind" in "ana lind"), listed
    /// variants, or spellings of each other word by word ("zelensky"/"zelenskyy", "muhammad"/"mohammed").
    /// </summary>
    public bool SameReferent(string a, string b) => a == b || ShortForm(a, b) || ShortForm(b, a) || Listed(a, b, out _) || Spellings(a, b);

    /// <summary>Different spellings of one name (not the same key, not a short form): a term variant.</summary>
    public bool Variant(string a, string b) => a != b && !ShortForm(a, b) && !ShortForm(b, a) && (Listed(a, b, out _) || Spellings(a, b));

    /// <summary>"lind" and "ana lind", "lind" and "minister ana lind": every word of the shorter is a word of the longer.</summary>
    public static bool ShortForm(string shorter, string longer)
    {
        var s = shorter.Split(' ');
        var l = longer.Split(' ');
        return s.Length < l.Length && s.All(l.Contains);
    }

    /// <summary>Word by word, the same number of words, each within a small edit distance, first letters alike.</summary>
    public static bool Spellings(string a, string b)
    {
        var x = WordFolding.Fold(a).Split(' ');
        var y = WordFolding.Fold(b).Split(' ');
        if (x.Length != y.Length)
        {
            return false;
        }

        var differs = false;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] == y[i])
            {
                continue;
            }

            differs = true;
            var longest = Math.Max(x[i].Length, y[i].Length);
            if (longest < 5 || x[i][0] != y[i][0] || Distance(x[i], y[i]) > Math.Max(1, longest / 4))
            {
                return false;
            }
        }

        // Only accents differ ("Türkiye", "Turkiye"): still two spellings.
        return differs || a != b;
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static TermVariantsTable Load()
    {
        var assembly = typeof(TermVariantsTable).Assembly;
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(".Coverage.term-variants.tsv", StringComparison.Ordinal));
        if (resource is null)
        {
            return new TermVariantsTable([]);
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return new TermVariantsTable(lines);
    }
}
