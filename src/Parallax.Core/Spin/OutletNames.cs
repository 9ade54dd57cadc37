namespace Parallax.Core.Spin;

/// <summary>
/// Names of real outlets and institutions, to restore one a spinner mangled ("The Wall Road Journal" -> "The Wall Street
/// Journal"): the shipped list (Resources/Spin/outlet-names.txt, CC0, its source in its header) plus the names a caller
/// adds, such as every source name a run has seen. A name is restored only to a known name of as many words that differs
/// from it in one word (two in names of six or more), and only when exactly one known name does: a spinner swaps words
/// one for one and leaves the rest, while another outlet's name differs in more. Immutable; thread-safe.
/// </summary>
public sealed class OutletNames
{
    private static readonly Lazy<OutletNames> Embedded = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, string> byKey;
    private readonly Dictionary<int, List<(string[] Words, string Name)>> byLength;

    private OutletNames(Dictionary<string, string> byKey)
    {
        this.byKey = byKey;
        byLength = [];
        foreach (var (key, name) in byKey)
        {
            var words = key.Split(' ');
            if (!byLength.TryGetValue(words.Length, out var list))
            {
                byLength[words.Length] = list = [];
            }

            list.Add((words, name));
        }
    }

    /// <summary>The shipped list, loaded once per process on first use.</summary>
    public static OutletNames Shipped => Embedded.Value;

    /// <summary>Known names (distinct once case, spacing and a leading "The" are set aside).</summary>
    public int Count => byKey.Count;

    /// <summary>A list of these names and <paramref name="names"/> (blank ones skipped; a known one keeps its first spelling).</summary>
    public OutletNames With(IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var merged = new Dictionary<string, string>(byKey, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!string.IsNullOrWhiteSpace(name) && Key(name) is { Length: > 0 } key)
            {
                merged.TryAdd(key, name.Trim());
            }
        }

        return new OutletNames(merged);
    }

    /// <summary>Builds a list from names, one a line (lines starting with # are comments).</summary>
    public static OutletNames FromLines(IEnumerable<string> lines) =>
        new OutletNames([]).With(lines.Where(l => !l.TrimStart().StartsWith('#')));

    /// <summary>
    /// The real name <paramref name="name"/> stands for: itself when it is known, the one known name it is a one-word
    /// swap of, else null (unknown, or more than one known name fits).
    /// </summary>
    public string? Restore(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = Key(name);
        if (key.Length == 0)
        {
            return null;
        }

        if (byKey.ContainsKey(key))
        {
            return name.Trim();
        }

        var words = key.Split(' ');
        // Two-word names have too little left to be sure of ("Daily News" is many papers).
        if (words.Length < 3 || !byLength.TryGetValue(words.Length, out var known))
        {
            return null;
        }

        var allowed = words.Length >= 6 ? 2 : 1;
        string? found = null;
        foreach (var (candidate, real) in known)
        {
            var differing = 0;
            for (var w = 0; w < words.Length && differing <= allowed; w++)
            {
                differing += words[w] == candidate[w] ? 0 : 1;
            }

            if (differing <= allowed)
            {
                if (found is not null)
                {
                    return null; // two known names fit: which one the spinner had is not known
                }

                found = real;
            }
        }

        return found;
    }

    // Lower case, single spaces, punctuation at the word edges and a leading "the" dropped.
    private static string Key(string name)
    {
        var words = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '"', '\'', '(', ')', '\u201C', '\u201D').ToLowerInvariant())
            .Where(w => w.Length > 0).ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    private static OutletNames LoadShipped()
    {
        var assembly = typeof(OutletNames).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(r => r.EndsWith(".Spin.outlet-names.txt", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return FromLines(lines);
    }
}
