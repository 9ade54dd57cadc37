using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Parallax.Core.Spin;

/// <summary>
/// Reads the word data embedded in Parallax.Core (Resources/Spin/*.gz, built by tools/thesaurus/build.py): one place
/// that knows the resource names and file formats, so that the classes holding the data only hold it.
/// </summary>
internal static class ThesaurusResources
{
    // The word frequencies are read by the thesaurus and by the stories' background document shares
    // (Stories/BackgroundFrequencies); each parsed words.txt.gz on its own, the same 76,000 lines twice per process.
    private static readonly Lazy<Dictionary<string, long>> WordFrequencyList =
        new(LoadWordFrequencies, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The embedded word frequencies (Spin/words.txt.gz): per billion words by lower-case word or multi-word lemma, in
    /// the file's order; parsed once per process and shared, so no reader may write to it.
    /// </summary>
    public static IReadOnlyDictionary<string, long> WordFrequencyPerBillion => WordFrequencyList.Value;

    /// <summary>The embedded thesaurus; the vectors and the n-gram model are read on first use.</summary>
    public static Thesaurus LoadEmbedded()
    {
        // The resources are independent until the morphology joins them; reading them side by side shortens the
        // start-up of a short command on a machine with more than one core.
        LemmaIndex? lemmas = null;
        WordFrequencies? frequencies = null;
        List<(WordPos, string, string)>? morph = null;
        Parallel.Invoke(
            () => lemmas = new LemmaIndex(LoadSynsets()),
            () => frequencies = LoadFrequencies(),
            () => morph = LoadMorphology());
        var morphology = new Morphology(morph!, lemmas!, frequencies!);
        return new Thesaurus(
            lemmas!, frequencies!, morphology,
            new Lazy<WordVectors>(() => Load("vectors.bin.gz", WordVectors.Load), LazyThreadSafetyMode.ExecutionAndPublication),
            new Lazy<NgramModel>(() => Load("ngrams.bin.gz", NgramModel.Load), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    private static Synset[] LoadSynsets()
    {
        var synsets = new List<Synset>();
        foreach (var line in ReadLines("synsets.txt.gz"))
        {
            var parts = line.Split('\t');
            var lemmas = new string[parts.Length - 1];
            var counts = new int[parts.Length - 1];
            for (var i = 1; i < parts.Length; i++)
            {
                var colon = parts[i].LastIndexOf(':');
                lemmas[i - 1] = parts[i][..colon];
                counts[i - 1] = int.Parse(parts[i].AsSpan(colon + 1), CultureInfo.InvariantCulture);
            }

            synsets.Add(new Synset(ParsePos(parts[0]), lemmas, counts));
        }

        return [.. synsets];
    }

    private static WordFrequencies LoadFrequencies()
    {
        Dictionary<string, long>? frequency = null;
        (Dictionary<string, int> Ids, PairCounts Counts, long Total) pairs = default;
        Parallel.Invoke(() => frequency = WordFrequencyList.Value, () => pairs = LoadPairs());
        return new WordFrequencies(frequency!, pairs.Ids!, pairs.Counts!, pairs.Total);
    }

    private static Dictionary<string, long> LoadWordFrequencies()
    {
        var frequency = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in ReadLines("words.txt.gz"))
        {
            var tab = line.IndexOf('\t');
            frequency[line[..tab]] = long.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
        }

        return frequency;
    }

    private static (Dictionary<string, int> Ids, PairCounts Counts, long Total) LoadPairs()
    {
        // Most lines name words seen before, so the words are looked up as spans and only new ones become strings.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var spans = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var keys = new List<long>(1 << 18);
        var counts = new List<int>(1 << 18);
        long total = 0;
        foreach (var line in ReadLines("bigrams.txt.gz", keepComments: true))
        {
            var tab = line.IndexOf('\t');
            var count = long.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
            if (line.StartsWith("#total", StringComparison.Ordinal))
            {
                total = count;
            }
            else if (line[0] != '#')
            {
                var space = line.IndexOf(' ');
                var first = IdOf(spans, line.AsSpan(0, space));
                var second = IdOf(spans, line.AsSpan(space + 1, tab - space - 1));
                keys.Add(PairCounts.Key(first, second));
                counts.Add((int)count);
            }
        }

        return (ids, new PairCounts(CollectionsMarshal.AsSpan(keys), CollectionsMarshal.AsSpan(counts)), total);
    }

    private static List<(WordPos, string, string)> LoadMorphology()
    {
        var morph = new List<(WordPos, string, string)>();
        foreach (var line in ReadLines("morph.txt.gz"))
        {
            var parts = line.Split('\t');
            morph.Add((ParsePos(parts[0]), parts[1], parts[2]));
        }

        return morph;
    }

    private static T Load<T>(string name, Func<Stream, T> read)
    {
        using var stream = OpenResource(name);
        return read(stream);
    }

    private static int IdOf(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ids, ReadOnlySpan<char> word)
    {
        if (!ids.TryGetValue(word, out var id))
        {
            ids[word] = id = ids.Dictionary.Count;
        }

        return id;
    }

    private static WordPos ParsePos(string p) => p switch
    {
        "n" => WordPos.Noun,
        "v" => WordPos.Verb,
        "a" => WordPos.Adjective,
        _ => WordPos.Adverb,
    };

    private static IEnumerable<string> ReadLines(string name, bool keepComments = false)
    {
        using var reader = new StreamReader(OpenResource(name), System.Text.Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && (keepComments || line[0] != '#'))
            {
                yield return line;
            }
        }
    }

    // The decompressed content of an embedded Resources/Spin/*.gz file (buffered: GZipStream reads in small chunks).
    private static Stream OpenResource(string name)
    {
        var assembly = typeof(Thesaurus).Assembly;
        var resource = FindResource(assembly, name);
        var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        return new BufferedStream(new GZipStream(stream, CompressionMode.Decompress), 1 << 16);
    }

    private static string FindResource(Assembly assembly, string name)
    {
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.EndsWith(".Spin." + name, StringComparison.Ordinal))
            {
                return resource;
            }
        }

        throw new InvalidOperationException($"Embedded resource Spin/{name} is missing from {assembly.GetName().Name}.");
    }
}
