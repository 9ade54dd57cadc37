using Parallax.Core.Language;

namespace Parallax.Core.Spin;

/// <summary>What the lexicon knows of a found wording: its statistics, its candidates and the lemmas it is a form of.</summary>
internal sealed record LexiconEntry(Wording Surface, Candidate[] Candidates, string[] Lemmas);

/// <summary>
/// The candidates of each judged unit: which word or thesaurus phrase starts at a token, its readings, and every
/// wording a spinner could have replaced by it, with how likely the spinner was to pick the found one. These depend on
/// the wording alone, so they are memoised: the same few thousand words recur in every article. The memos are bounded,
/// and losing a race only computes a value twice, so one instance serves every thread.
/// </summary>
internal sealed class SpinLexicon
{
    // Words per billion given to a word or phrase the statistics never saw.
    private const double UnseenPerBillion = 5;

    // Each unit weighs at most this many candidates (a bound on work for the few words with huge synonym sets).
    private const int MaxCandidates = 300;

    private const int MemoLimit = 200_000;

    private readonly BoundedMemo<List<WordAnalysis>> analysisMemo = new(MemoLimit);
    private readonly BoundedMemo<int> choiceMemo = new(MemoLimit);
    private readonly BoundedMemo<(string, List<WordAnalysis>)> phraseMemo = new(MemoLimit);
    private readonly BoundedMemo<LexiconEntry> entryMemo = new(MemoLimit);

    public SpinLexicon(Thesaurus thesaurus)
    {
        Thesaurus = thesaurus;
    }

    public Thesaurus Thesaurus { get; }

    /// <summary>
    /// A found wording's own statistics, its candidates and its lemmas: all depend on the wording alone, so they are
    /// memoised together.
    /// </summary>
    public LexiconEntry EntryOf(string surface, List<WordAnalysis>? analyses)
    {
        if (entryMemo.TryGetValue(surface, out var known))
        {
            return known;
        }

        var entry = new LexiconEntry(Describe(surface), CandidatesOf(surface, analyses), OwnLemmas(surface, analyses));
        entryMemo.Remember(surface, entry);

        return entry;
    }

    // The unit starting at token i: the longest multi-word thesaurus lemma there, in any inflection ("loss of life",
    // "teams up", "gravy boats"), else one content word with a thesaurus entry. Surface is lower case; null when the
    // token is not a judgeable word.
    // A caller that has the token in lower case already passes it as lowerWord.
    public (int End, string? Surface, List<WordAnalysis>? Analyses) NextUnit(
        string text, List<TokenSpan> tokens, int i, string? lowerWord = null)
    {
        var word = tokens[i].In(text);
        if (word.Length is < 2 or > 40)
        {
            return (i + 1, null, null);
        }

        lowerWord ??= word.ToString().ToLowerInvariant();
        var wordAnalyses = AnalysesOf(lowerWord);
        var longest = Thesaurus.LongestPhraseFrom(lowerWord);
        foreach (var a in wordAnalyses)
        {
            longest = Math.Max(longest, Thesaurus.LongestPhraseFrom(a.Lemma));
        }

        var most = Math.Min(longest, tokens.Count - i);
        if (most >= 3 && !MayOpenLongPhrase(text, tokens[i + 1], lowerWord, wordAnalyses))
        {
            most = 2; // most spans that open with a phrase's first word are none, and each new one was read in full
        }

        for (var n = most; n >= 2; n--)
        {
            if (!WordTokenizer.SingleSpaced(text, tokens, i, n))
            {
                continue;
            }

            var start = tokens[i].Start;
            var end = tokens[i + n - 1].Start + tokens[i + n - 1].Length;
            var (lower, analyses) = PhraseAt(text.AsSpan(start, end - start), lowerWord, wordAnalyses);
            if (analyses.Count > 0)
            {
                return (i + n, lower, analyses);
            }
        }

        // A closed-class word is judged too, for what a spinner may have put there in place of a content word or a
        // phrase ("now" for "today", "more" for "more than"), but it does not count towards the score.
        if ((!StopLists.English.IsContentWord(word) && !char.IsLetter(word[0])) || wordAnalyses.Count == 0)
        {
            return (i + 1, null, null);
        }

        return (i + 1, lowerWord, wordAnalyses);
    }

    // Whether a thesaurus phrase of three or more words may start here. Every reading PhraseAnalyses accepts for such a
    // span has its second word as written and its first as written or as one of its lemmas (only a phrase's first or
    // last word inflects), so a span whose first two words open no such lemma needs no reading. Unsure cases say yes.
    private bool MayOpenLongPhrase(string text, TokenSpan next, string lowerWord, List<WordAnalysis> analyses)
    {
        var second = next.In(text);
        Span<char> buffer = stackalloc char[96];
        for (var k = -1; k < analyses.Count; k++)
        {
            var first = k < 0 ? lowerWord : analyses[k].Lemma;
            var length = first.Length + 1 + second.Length;
            if (length > buffer.Length || first.Contains(' '))
            {
                return true;
            }

            first.CopyTo(buffer);
            buffer[first.Length] = ' ';
            second.ToLowerInvariant(buffer[(first.Length + 1)..]);
            if (Thesaurus.Lemmas.OpensLongPhrase(buffer[..length]))
            {
                return true;
            }
        }

        return false;
    }

    // The readings of a multi-word span, memoised by its lower-case text (most spans that open with a phrase's first
    // word are no phrase, and the same ones recur in every article): looked up without building the string.
    private (string Lower, List<WordAnalysis> Analyses) PhraseAt(
        ReadOnlySpan<char> span, string lowerWord, List<WordAnalysis> wordAnalyses)
    {
        Span<char> buffer = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        span.ToLowerInvariant(buffer);
        if (phraseMemo.Spans.TryGetValue(buffer, out var known))
        {
            return known;
        }

        var lower = buffer.ToString();
        var entry = (lower, PhraseAnalyses(lower, lowerWord.Length, wordAnalyses));
        phraseMemo.Remember(lower, entry);

        return entry;
    }

    // The readings of a multi-word span: the lemma itself, or an inflected head (first word of verbs and "X of Y"
    // nouns, last word otherwise).
    private List<WordAnalysis> PhraseAnalyses(string lower, int firstLength, List<WordAnalysis> firstAnalyses)
    {
        var analyses = new List<WordAnalysis>();
        if (Thesaurus.HasLemma(lower))
        {
            foreach (var id in Thesaurus.SynsetsOf(lower))
            {
                var pos = Thesaurus.Synsets[id].Pos;
                if (!analyses.Exists(a => a.Pos == pos))
                {
                    analyses.Add(new WordAnalysis(lower, pos, WordForm.Base));
                }
            }

            return analyses;
        }

        var rest = lower[firstLength..];
        foreach (var a in firstAnalyses)
        {
            if (a.Form != WordForm.Base && (a.Pos == WordPos.Verb || rest.StartsWith(" of ", StringComparison.Ordinal)))
            {
                var phrase = a.Lemma + rest;
                if (Thesaurus.HasLemmaWithPos(phrase, a.Pos))
                {
                    analyses.Add(new WordAnalysis(phrase, a.Pos, a.Form));
                }
            }
        }

        var lastSpace = lower.LastIndexOf(' ');
        foreach (var a in AnalysesOf(lower[(lastSpace + 1)..]))
        {
            if (a.Form != WordForm.Base && a.Pos != WordPos.Verb)
            {
                var phrase = lower[..(lastSpace + 1)] + a.Lemma;
                if (Thesaurus.HasLemmaWithPos(phrase, a.Pos))
                {
                    analyses.Add(new WordAnalysis(phrase, a.Pos, a.Form));
                }
            }
        }

        return analyses;
    }

    // Every synonym of every reading, inflected like the found word, with the log-probability that a spinner who
    // had it would have written the found word instead: one synonym picked among all of the candidate's.
    private Candidate[] CandidatesOf(string surface, List<WordAnalysis>? analyses)
    {
        var candidates = new List<Candidate>();
        Collect(surface, analyses, candidates);
        return [.. candidates];
    }

    // How many wordings a spinner could write for this one: the distinct synonyms over every reading of the form.
    private int ChoiceCount(string form, string lemma)
    {
        if (form.IndexOf(' ') >= 0)
        {
            return Thesaurus.SynonymCount(lemma);
        }

        if (choiceMemo.TryGetValue(form, out var known))
        {
            return known;
        }

        var count = Thesaurus.SynonymForms(form, AnalysesOf(form)).Count;
        choiceMemo.Remember(form, count);

        return count;
    }

    public List<WordAnalysis> AnalysesOf(string word)
    {
        if (analysisMemo.TryGetValue(word, out var known))
        {
            return known;
        }

        var result = Thesaurus.Analyze(word);
        analysisMemo.Remember(word, result);

        return result;
    }

    public void Collect(string surface, List<WordAnalysis>? analyses, List<Candidate> candidates)
    {
        if (analyses is null)
        {
            return;
        }

        // The candidates' wordings as a set beside the list: a word with hundreds of synonyms made a scan of the list
        // per synonym the largest cost of reading a new word.
        var texts = new HashSet<string>(candidates.Count + 16, StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            texts.Add(c.Text);
        }

        foreach (var analysis in analyses)
        {
            foreach (var id in Thesaurus.SynsetsOf(analysis.Lemma))
            {
                var synset = Thesaurus.Synsets[id];
                if (synset.Pos != analysis.Pos)
                {
                    continue;
                }

                foreach (var lemma in synset.Lemmas)
                {
                    if (lemma == analysis.Lemma || (candidates.Count >= MaxCandidates && !texts.Contains(lemma)))
                    {
                        continue;
                    }

                    foreach (var form in Thesaurus.Inflections(lemma, analysis.Pos, analysis.Form))
                    {
                        // A spinner leaves closed-class words alone, so a lone one ("more", "now") is never what it
                        // replaced; a phrase of them ("more than", "as well") is a unit it does swap.
                        if (form != surface && !texts.Contains(form)
                            && (form.Contains(' ') || StopLists.English.IsContentWord(form)))
                        {
                            texts.Add(form);
                            candidates.Add(new Candidate(
                                Describe(form), -Math.Log(Math.Max(1, ChoiceCount(form, lemma))), lemma));
                        }
                    }
                }
            }
        }
    }

    // For each unit, how well its found wording (index 0) and each candidate (1..) fit what the passage around it is
    // about: the weighted cosine of the wording's GloVe vector with the sum of the vectors of the content words within

    public static string[] OwnLemmas(string surface, List<WordAnalysis>? analyses)
    {
        var lemmas = new List<string>();
        if (analyses is not null)
        {
            foreach (var a in analyses)
            {
                if (a.Lemma != surface && !lemmas.Contains(a.Lemma))
                {
                    lemmas.Add(a.Lemma);
                }
            }
        }

        return [.. lemmas];
    }

    public static bool SeenLemma(List<WordAnalysis> analyses, WordAnalysis a)
    {
        foreach (var other in analyses)
        {
            if (other == a)
            {
                return false;
            }

            if (other.Lemma == a.Lemma)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The wordings a spinner could have replaced by the unit at the start of a text (empty when none).</summary>
    public IReadOnlyList<string> AlternativesAt(string text)
    {
        var tokens = new List<TokenSpan>();
        foreach (var token in new WordTokenizer(text))
        {
            tokens.Add(token);
        }

        if (tokens.Count == 0)
        {
            return [];
        }

        var (_, surface, analyses) = NextUnit(text, tokens, 0);
        var candidates = new List<Candidate>();
        if (surface is not null)
        {
            Collect(surface, analyses, candidates);
        }

        return candidates.ConvertAll(c => c.Text);
    }

    /// <summary>A wording's statistics that do not depend on its neighbours.</summary>
    public Wording Describe(string text)
    {
        var space = text.IndexOf(' ');
        var first = space < 0 ? text : text[..space];
        var last = space < 0 ? text : text[(text.LastIndexOf(' ') + 1)..];
        var pFirst = Probability(first);
        var logRest = space < 0 ? 0 : Math.Log(Probability(text) / pFirst);
        return new Wording(text, first, last, pFirst, logRest, Probability(last) * Thesaurus.BigramTotal,
            Thesaurus.PairWordId(first), Thesaurus.PairWordId(last), Math.Log(pFirst));
    }

    /// <summary>The statistics of a unit's neighbours (null where none counts).</summary>
    public Neighbours Around(string? prev, string? next) => new(
        prev, prev is null ? 0 : Probability(prev) * Thesaurus.BigramTotal, next, next is null ? 0 : Probability(next),
        prev is null ? -1 : Thesaurus.PairWordId(prev), next is null ? -1 : Thesaurus.PairWordId(next));

    /// <summary>The unigram probability of a lower-case word or phrase, with a floor for the unseen.</summary>
    public double Probability(ReadOnlySpan<char> word) => Math.Max(Thesaurus.Frequency(word), UnseenPerBillion) / 1e9;
}
