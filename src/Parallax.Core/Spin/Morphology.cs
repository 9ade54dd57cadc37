using System.Collections.Frozen;

namespace Parallax.Core.Spin;

/// <summary>
/// English inflection over WordNet's lemmas: the readings of a word form (irregular forms from WordNet's exception
/// lists, then its "morphy" suffix rules) and the forms of a lemma with a given inflection. Immutable once built.
/// </summary>
public sealed class Morphology
{
    // A word form at least this frequent (per billion words: two in a million) is in common use.
    private const long CommonPerBillion = 2000;

    private readonly LemmaIndex lemmas;
    private readonly WordFrequencies frequencies;
    // Plain dictionaries (freezing them costs more at start-up than it saves); nothing writes to them after the
    // constructor.
    private readonly Dictionary<string, WordAnalysis[]> irregular;
    private readonly Dictionary<(string Lemma, WordPos Pos), string[]> irregularForms;

    internal Morphology(
        IReadOnlyList<(WordPos Pos, string Inflected, string Lemma)> morph, LemmaIndex lemmas, WordFrequencies frequencies)
    {
        this.lemmas = lemmas;
        this.frequencies = frequencies;

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

        irregular = inflected.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        irregularForms = forms.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

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
                if (lemmas.HasLemmaWithPos(a.Lemma, a.Pos))
                {
                    result.Add(a);
                }
            }
        }

        // Stems are spelt in a buffer and looked up as spans: most are no lemma, and one that is comes back as the
        // index's own string.
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length + 4] : new char[word.Length + 4];
        foreach (var (suffix, ending, pos, form) in SuffixRules)
        {
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var kept = word.Length - suffix.Length;
                word.AsSpan(0, kept).CopyTo(buffer);
                ending.CopyTo(buffer[kept..]);
                var stem = buffer[..(kept + ending.Length)];
                TryAdd(result, stem, pos, form);
                if (ending.Length == 0 && form is WordForm.Past or WordForm.Gerund or WordForm.Comparative
                    or WordForm.Superlative && stem.Length > 2 && stem[^1] == stem[^2] && !IsVowel(stem[^1]))
                {
                    TryAdd(result, stem[..^1], pos, form); // stopped -> stop, bigger -> big
                }
            }
        }

        // The form itself as a lemma, looked up once for all four parts of speech.
        if (lemmas.Find(word, out var own) is { } lemma)
        {
            foreach (var pos in AllPos)
            {
                TryAdd(result, lemma, own, pos, WordForm.Base);
            }
        }

        if (InvariantPast.Contains(word) && lemmas.HasLemmaWithPos(word, WordPos.Verb))
        {
            result.Add(new WordAnalysis(word, WordPos.Verb, WordForm.Past)); // "read" is also the past of "read"
        }

        return result;
    }

    /// <summary>The form of a lower-case lemma with the given inflection; multi-word lemmas inflect their head.</summary>
    /// <remarks>A base form is the lemma itself, without the list <see cref="Inflections"/> makes: counting a candidate's
    /// choices inflects every synonym of every reading, and most readings are base forms.</remarks>
    public string Inflect(string lemma, WordPos pos, WordForm form) =>
        form == WordForm.Base ? lemma : Inflections(lemma, pos, form)[0];

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
                if (form == WordForm.Past && !wanted.Contains(regular) && frequencies.Frequency(regular) >= CommonPerBillion
                    && !lemmas.HasLemmaWithPos(regular, WordPos.Noun) && !lemmas.HasLemmaWithPos(regular, WordPos.Verb))
                {
                    wanted.Add(regular);
                }

                wanted.Sort((a, b) => frequencies.Frequency(b).CompareTo(frequencies.Frequency(a)));
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

    private static readonly FrozenSet<string> InvariantPast = FrozenSet.ToFrozenSet(
    [
        "bet", "bid", "broadcast", "burst", "cast", "cost", "cut", "fit", "forecast", "hit", "hurt", "let", "put",
        "quit", "rid", "set", "shed", "shut", "slit", "split", "spread", "thrust", "upset", "read", "beat", "offset",
        "outbid", "recast", "reset", "typeset", "wed",
    ], StringComparer.Ordinal);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private void TryAdd(List<WordAnalysis> result, ReadOnlySpan<char> stem, WordPos pos, WordForm form)
    {
        if (lemmas.Find(stem, out var synsets) is { } lemma)
        {
            TryAdd(result, lemma, synsets, pos, form);
        }
    }

    private void TryAdd(List<WordAnalysis> result, string lemma, ReadOnlySpan<int> synsets, WordPos pos, WordForm form)
    {
        if (!lemmas.AnyWithPos(synsets, pos))
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
}
