using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;

namespace Parallax.Core.Spin;

/// <summary>Part of speech as WordNet has it: noun, verb, adjective, adverb.</summary>
public enum WordPos : byte
{
    Noun,
    Verb,
    Adjective,
    Adverb,
}

/// <summary>The inflection a word form carries relative to its lemma.</summary>
public enum WordForm : byte
{
    Base,
    Plural,
    ThirdPerson,
    Past,
    Gerund,
    Comparative,
    Superlative,
}

/// <summary>One WordNet synset: lemmas sharing one sense, each with how often it was sense-tagged in that sense.</summary>
public sealed record Synset(WordPos Pos, string[] Lemmas, int[] TagCounts);

/// <summary>One reading of a word form: which lemma, which part of speech, which inflection.</summary>
public readonly record struct WordAnalysis(string Lemma, WordPos Pos, WordForm Form);

/// <summary>
/// The shipped thesaurus and word statistics (built by tools/thesaurus/build.py from WordNet 3.0, the Brown corpus and
/// SUBTLEX-US): synsets, irregular forms, unigram frequencies (per billion words, multi-word lemmas included) and
/// adjacent-word pair counts. Immutable once loaded; one instance serves every thread.
/// </summary>
public sealed class Thesaurus
{
    private static readonly Lazy<Thesaurus> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, int[]> synsetsOfLemma;
    private readonly FrozenDictionary<string, long> frequency;
    private readonly FrozenDictionary<string, int> synonymCounts;
    private readonly FrozenDictionary<string, int> phraseStarts;
    private readonly FrozenDictionary<long, int> bigrams;
    private readonly FrozenDictionary<string, int> pairWordIds;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> pairWordSpans;
    private readonly FrozenDictionary<string, WordAnalysis[]> irregular;
    private readonly FrozenDictionary<(string Lemma, WordPos Pos), string[]> irregularForms;
    private readonly FrozenDictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> frequencySpans;

    private Thesaurus(
        Synset[] synsets, Dictionary<string, long> frequency, Dictionary<string, int> pairWordIds,
        Dictionary<long, int> bigrams, long bigramTotal,
        List<(WordPos Pos, string Inflected, string Lemma)> morph, WordVectors vectors,
        NgramModel ngrams)
    {
        Synsets = synsets;
        Vectors = vectors;
        Ngrams = ngrams;
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

        synsetsOfLemma = byLemma.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        var synonymCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var union = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (lemma, ids) in byLemma)
        {
            union.Clear();
            foreach (var id in ids)
            {
                union.UnionWith(synsets[id].Lemmas);
            }

            synonymCounts[lemma] = union.Count - 1;
        }

        this.synonymCounts = synonymCounts.ToFrozenDictionary(StringComparer.Ordinal);
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

        phraseStarts = starts.ToFrozenDictionary(StringComparer.Ordinal);
        LongestLemmaWords = longest;
        this.frequency = frequency.ToFrozenDictionary(StringComparer.Ordinal);
        this.bigrams = bigrams.ToFrozenDictionary();
        this.pairWordIds = pairWordIds.ToFrozenDictionary(StringComparer.Ordinal);
        pairWordSpans = this.pairWordIds.GetAlternateLookup<ReadOnlySpan<char>>();
        BigramTotal = bigramTotal;
        frequencySpans = this.frequency.GetAlternateLookup<ReadOnlySpan<char>>();

        var inflected = new Dictionary<string, List<WordAnalysis>>(StringComparer.Ordinal);
        var forms = new Dictionary<(string, WordPos), List<string>>();
        foreach (var (pos, form, lemma) in morph)
        {
            if (!inflected.TryGetValue(form, out var list))
            {
                inflected[form] = list = [];
            }

            // Exception lists do not say which inflection a form is; the suffix-free irregulars of verbs are past
            // forms (said, told, gave, given), of nouns plurals (men, mice), of adjectives comparatives (better).
            list.Add(new WordAnalysis(lemma, pos, pos switch
            {
                WordPos.Noun => WordForm.Plural,
                WordPos.Verb => form.EndsWith("ing", StringComparison.Ordinal) ? WordForm.Gerund : WordForm.Past,
                _ => form.EndsWith("st", StringComparison.Ordinal) ? WordForm.Superlative : WordForm.Comparative,
            }));
            if (!forms.TryGetValue((lemma, pos), out var formList))
            {
                forms[(lemma, pos)] = formList = [];
            }

            formList.Add(form);
        }

        irregular = inflected.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        irregularForms = forms.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    /// <summary>The thesaurus embedded in Parallax.Core, loaded once per process on first use.</summary>
    public static Thesaurus Default => Embedded.Value;

    public IReadOnlyList<Synset> Synsets { get; }

    /// <summary>The most words any multi-word lemma has ("loss of life" has 3).</summary>
    public int LongestLemmaWords { get; }

    /// <summary>GloVe vectors of common words: what a passage is about.</summary>
    public WordVectors Vectors { get; }

    /// <summary>A trigram model of English: which words follow which over whole phrases.</summary>
    public NgramModel Ngrams { get; }

    /// <summary>Word tokens in the corpus the pair counts come from.</summary>
    public long BigramTotal { get; }

    /// <summary>Indexes into <see cref="Synsets"/> of the synsets holding this lower-case lemma; empty when none.</summary>
    public ReadOnlySpan<int> SynsetsOf(string lemma) =>
        synsetsOfLemma.TryGetValue(lemma, out var ids) ? ids : ReadOnlySpan<int>.Empty;

    /// <summary>How many distinct synonyms a lemma has over all its senses and parts of speech.</summary>
    public int SynonymCount(string lemma) => synonymCounts.TryGetValue(lemma, out var n) ? n : 0;

    public bool HasLemma(string lemma) => synsetsOfLemma.ContainsKey(lemma);

    /// <summary>Frequency per billion words of a lower-case word or multi-word lemma (0 when unknown).</summary>
    public long Frequency(ReadOnlySpan<char> word) => frequencySpans.TryGetValue(word, out var f) ? f : 0;

    /// <summary>How often the lower-case pair "first second" was seen adjacent in the corpus.</summary>
    public int Bigram(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => Bigram(PairWordId(first), PairWordId(second));

    /// <summary>The pair count of two words given by <see cref="PairWordId"/> (0 when either is -1).</summary>
    public int Bigram(int first, int second) =>
        first < 0 || second < 0 ? 0 : bigrams.TryGetValue(((long)first << 32) | (uint)second, out var c) ? c : 0;

    /// <summary>A small integer naming a lower-case word that occurs in some counted pair; -1 for any other word.</summary>
    public int PairWordId(ReadOnlySpan<char> word) => pairWordSpans.TryGetValue(word, out var id) ? id : -1;

    /// <summary>
    /// Every reading of a lower-case word form whose lemma is in the thesaurus: irregular forms first, then WordNet's
    /// "morphy" suffix rules, then the form itself as a lemma.
    /// </summary>
    public List<WordAnalysis> Analyze(string word)
    {
        var result = new List<WordAnalysis>();
        if (irregular.TryGetValue(word, out var listed))
        {
            foreach (var a in listed)
            {
                if (HasLemmaWithPos(a.Lemma, a.Pos))
                {
                    result.Add(a);
                }
            }
        }

        foreach (var (suffix, ending, pos, form) in SuffixRules)
        {
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = string.Concat(word.AsSpan(0, word.Length - suffix.Length), ending);
                TryAdd(result, stem, pos, form);
                if (ending.Length == 0 && form is WordForm.Past or WordForm.Gerund or WordForm.Comparative
                    or WordForm.Superlative && stem.Length > 2 && stem[^1] == stem[^2] && !IsVowel(stem[^1]))
                {
                    TryAdd(result, stem[..^1], pos, form); // stopped -> stop, bigger -> big
                }
            }
        }

        foreach (var pos in AllPos)
        {
            TryAdd(result, word, pos, WordForm.Base);
        }

        if (InvariantPast.Contains(word) && HasLemmaWithPos(word, WordPos.Verb))
        {
            result.Add(new WordAnalysis(word, WordPos.Verb, WordForm.Past)); // "read" is also the past of "read"
        }

        return result;
    }

    /// <summary>
    /// The distinct wordings a context-blind spinner could write for <paramref name="word"/>: every synonym of every
    /// given reading, inflected like it, in thesaurus order, the word itself left out. <paramref name="keepLemma"/>
    /// may narrow the synonyms to a spinner's own dictionary.
    /// </summary>
    public List<string> SynonymForms(string word, List<WordAnalysis> analyses, Func<string, bool>? keepLemma = null)
    {
        var forms = new List<string>();
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
                    if (form != word && !forms.Contains(form) && (keepLemma is null || keepLemma(lemma)))
                    {
                        forms.Add(form);
                    }
                }
            }
        }

        return forms;
    }

    /// <summary>The form of a lower-case lemma with the given inflection; multi-word lemmas inflect their head.</summary>
    public string Inflect(string lemma, WordPos pos, WordForm form) => Inflections(lemma, pos, form)[0];

    /// <summary>
    /// Every form of a lower-case lemma with the given inflection, the most frequent first: irregular verbs have two
    /// past forms ("gave" and "given", "went" and "gone") that only the context tells apart.
    /// </summary>
    public IReadOnlyList<string> Inflections(string lemma, WordPos pos, WordForm form)
    {
        if (form == WordForm.Base)
        {
            return [lemma];
        }

        var space = lemma.IndexOf(' ');
        if (space > 0)
        {
            // Verbs inflect their first word ("carry out" -> "carried out"); nouns their last, except "X of Y".
            var ofPhrase = lemma.Contains(" of ", StringComparison.Ordinal);
            if (pos == WordPos.Verb || ofPhrase)
            {
                return [.. Inflections(lemma[..space], pos, form).Select(head => head + lemma[space..])];
            }

            var last = lemma.LastIndexOf(' ');
            return [.. Inflections(lemma[(last + 1)..], pos, form).Select(tail => lemma[..(last + 1)] + tail)];
        }

        if (form is not WordForm.ThirdPerson && irregularForms.TryGetValue((lemma, pos), out var forms))
        {
            var wanted = new List<string>();
            foreach (var f in forms)
            {
                var fits = form switch
                {
                    WordForm.Gerund => f.EndsWith("ing", StringComparison.Ordinal),
                    WordForm.Superlative => f.EndsWith("st", StringComparison.Ordinal),
                    WordForm.Comparative => !f.EndsWith("st", StringComparison.Ordinal),
                    WordForm.Past => !f.EndsWith("ing", StringComparison.Ordinal),
                    _ => true,
                };
                if (fits && !wanted.Contains(f))
                {
                    wanted.Add(f);
                }
            }

            if (wanted.Count > 0)
            {
                // Some verbs have a regular past beside the irregular one ("burned" and "burnt", "learned" and
                // "learnt"); WordNet lists only the irregular, so the regular one is added where it is in common use
                // and is not a noun or verb of its own ("seed" is no past of "see").
                var regular = RegularInflection(lemma, form);
                if (form == WordForm.Past && !wanted.Contains(regular) && Frequency(regular) >= CommonPerBillion
                    && !HasLemmaWithPos(regular, WordPos.Noun) && !HasLemmaWithPos(regular, WordPos.Verb))
                {
                    wanted.Add(regular);
                }

                wanted.Sort((a, b) => Frequency(b).CompareTo(Frequency(a)));
                return wanted;
            }
        }

        return [RegularInflection(lemma, form)];
    }

    private static string RegularInflection(string w, WordForm form)
    {
        if (form == WordForm.Past && InvariantPast.Contains(w))
        {
            return w; // shut -> shut, spread -> spread: WordNet's exception lists omit forms equal to the lemma
        }

        if (form == WordForm.Plural && w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            return w; // already plural in form ("hours", "arms")
        }

        var consonantY = w.Length > 1 && w[^1] == 'y' && !IsVowel(w[^2]);
        switch (form)
        {
            case WordForm.Plural or WordForm.ThirdPerson:
                if (consonantY)
                {
                    return w[..^1] + "ies";
                }

                if (form == WordForm.Plural && w.Length > 4 && w.EndsWith("man", StringComparison.Ordinal)
                    && !w.EndsWith("human", StringComparison.Ordinal))
                {
                    return w[..^3] + "men"; // newsman -> newsmen
                }

                return w.EndsWith('s') || w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch", StringComparison.Ordinal)
                    || w.EndsWith("sh", StringComparison.Ordinal) ? w + "es" : w + "s";
            case WordForm.Past:
                return consonantY ? w[..^1] + "ied" : w.EndsWith('e') ? w + "d" : Double(w) + "ed";
            case WordForm.Gerund:
                return w.EndsWith("ie", StringComparison.Ordinal) ? w[..^2] + "ying"
                    : w.EndsWith('e') && !w.EndsWith("ee", StringComparison.Ordinal) ? w[..^1] + "ing" : Double(w) + "ing";
            case WordForm.Comparative:
                return consonantY ? w[..^1] + "ier" : w.EndsWith('e') ? w + "r" : Double(w) + "er";
            case WordForm.Superlative:
                return consonantY ? w[..^1] + "iest" : w.EndsWith('e') ? w + "st" : Double(w) + "est";
            default:
                return w;
        }
    }

    // One-syllable consonant-vowel-consonant words double their last letter (stop -> stopped, big -> bigger).
    private static string Double(string w) =>
        w.Length is >= 3 and <= 5 && !IsVowel(w[^1]) && w[^1] is not ('w' or 'x' or 'y') && IsVowel(w[^2])
        && !IsVowel(w[^3]) && VowelCount(w) == 1 ? w + w[^1] : w;

    private static int VowelCount(string w)
    {
        var n = 0;
        foreach (var c in w)
        {
            n += IsVowel(c) ? 1 : 0;
        }

        return n;
    }

    // A word form at least this frequent (per billion words: two in a million) is in common use.
    private const long CommonPerBillion = 2000;

    private static readonly FrozenSet<string> InvariantPast = FrozenSet.ToFrozenSet(
    [
        "bet", "bid", "broadcast", "burst", "cast", "cost", "cut", "fit", "forecast", "hit", "hurt", "let", "put",
        "quit", "rid", "set", "shed", "shut", "slit", "split", "spread", "thrust", "upset", "read", "beat", "offset",
        "outbid", "recast", "reset", "typeset", "wed",
    ], StringComparer.Ordinal);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private void TryAdd(List<WordAnalysis> result, string lemma, WordPos pos, WordForm form)
    {
        if (!HasLemmaWithPos(lemma, pos))
        {
            return;
        }

        foreach (var a in result)
        {
            if (a.Lemma == lemma && a.Pos == pos)
            {
                return;
            }
        }

        result.Add(new WordAnalysis(lemma, pos, form));
    }

    /// <summary>Whether some multi-word lemma starts with this lower-case word ("loss" for "loss of life").</summary>
    public bool StartsPhrase(string word) => phraseStarts.ContainsKey(word);

    /// <summary>The most words of a multi-word lemma starting with this lower-case word; 0 when none does.</summary>
    public int LongestPhraseFrom(string word) => phraseStarts.TryGetValue(word, out var n) ? n : 0;

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

    private static readonly WordPos[] AllPos = [WordPos.Noun, WordPos.Verb, WordPos.Adjective, WordPos.Adverb];

    // WordNet's morphy detachment rules, each tagged with the inflection it undoes.
    private static readonly (string Suffix, string Ending, WordPos Pos, WordForm Form)[] SuffixRules =
    [
        ("ies", "y", WordPos.Noun, WordForm.Plural), ("ses", "s", WordPos.Noun, WordForm.Plural),
        ("xes", "x", WordPos.Noun, WordForm.Plural), ("zes", "z", WordPos.Noun, WordForm.Plural),
        ("ches", "ch", WordPos.Noun, WordForm.Plural), ("shes", "sh", WordPos.Noun, WordForm.Plural),
        ("men", "man", WordPos.Noun, WordForm.Plural), ("s", "", WordPos.Noun, WordForm.Plural),
        ("ies", "y", WordPos.Verb, WordForm.ThirdPerson), ("es", "e", WordPos.Verb, WordForm.ThirdPerson),
        ("es", "", WordPos.Verb, WordForm.ThirdPerson), ("s", "", WordPos.Verb, WordForm.ThirdPerson),
        ("ied", "y", WordPos.Verb, WordForm.Past), ("ed", "e", WordPos.Verb, WordForm.Past),
        ("ed", "", WordPos.Verb, WordForm.Past), ("ying", "ie", WordPos.Verb, WordForm.Gerund),
        ("ing", "e", WordPos.Verb, WordForm.Gerund), ("ing", "", WordPos.Verb, WordForm.Gerund),
        ("ier", "y", WordPos.Adjective, WordForm.Comparative), ("iest", "y", WordPos.Adjective, WordForm.Superlative),
        ("er", "", WordPos.Adjective, WordForm.Comparative), ("est", "", WordPos.Adjective, WordForm.Superlative),
        ("er", "e", WordPos.Adjective, WordForm.Comparative), ("est", "e", WordPos.Adjective, WordForm.Superlative),
    ];

    private static Thesaurus LoadEmbedded()
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
                counts[i - 1] = int.Parse(parts[i].AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture);
            }

            synsets.Add(new Synset(ParsePos(parts[0]), lemmas, counts));
        }

        var frequency = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in ReadLines("words.txt.gz"))
        {
            var tab = line.IndexOf('\t');
            frequency[line[..tab]] = long.Parse(line.AsSpan(tab + 1), System.Globalization.CultureInfo.InvariantCulture);
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var bigrams = new Dictionary<long, int>();
        long total = 0;
        foreach (var line in ReadLines("bigrams.txt.gz", keepComments: true))
        {
            var tab = line.IndexOf('\t');
            var count = long.Parse(line.AsSpan(tab + 1), System.Globalization.CultureInfo.InvariantCulture);
            if (line.StartsWith("#total", StringComparison.Ordinal))
            {
                total = count;
            }
            else if (line[0] != '#')
            {
                var space = line.IndexOf(' ');
                var first = IdOf(ids, line[..space]);
                var second = IdOf(ids, line[(space + 1)..tab]);
                bigrams[((long)first << 32) | (uint)second] = (int)count;
            }
        }

        var morph = new List<(WordPos, string, string)>();
        foreach (var line in ReadLines("morph.txt.gz"))
        {
            var parts = line.Split('\t');
            morph.Add((ParsePos(parts[0]), parts[1], parts[2]));
        }

        WordVectors vectors;
        using (var stream = OpenResource("vectors.bin.gz"))
        {
            vectors = WordVectors.Load(stream);
        }

        NgramModel ngrams;
        using (var stream = OpenResource("ngrams.bin.gz"))
        {
            ngrams = NgramModel.Load(stream);
        }

        return new Thesaurus([.. synsets], frequency, ids, bigrams, total, morph, vectors, ngrams);
    }

    private static int IdOf(Dictionary<string, int> ids, string word)
    {
        if (!ids.TryGetValue(word, out var id))
        {
            ids[word] = id = ids.Count;
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

    // The word list that opens a binary resource: per word a length byte and its UTF-8 bytes; a word's id is its place.
    internal static Dictionary<string, int> ReadWordIds(BinaryReader reader, int count)
    {
        var ids = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            ids[System.Text.Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadByte()))] = i;
        }

        return ids;
    }

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
