using System.Text;
using Parallax.Core.Language;

namespace Parallax.Core.Spin;

/// <summary>One word or phrase the restorer would put back.</summary>
/// <param name="Start">Character offset in the analysed text.</param>
/// <param name="Length">Characters replaced.</param>
/// <param name="Original">The wording found in the text.</param>
/// <param name="Replacement">The usual wording, with the original's capitalisation.</param>
/// <param name="Probability">How sure the restorer is that the found wording is a spinner's swap (0..1; at least 0.5
/// for a restoration that the search over whole sentences chose against the word's own evidence).</param>
public sealed record SpinEdit(int Start, int Length, string Original, string Replacement, double Probability);

/// <summary>
/// The analyser's tunable constants, all chosen on the calibration split (ECB+ topics 1-22) and nowhere else. The
/// figures quoted are restoration at 30% spin there (SpinDiagnosticsTests), each step against the one before.
/// </summary>
/// <param name="SpunThreshold">Articles scoring at or above this are spun. On the 462 unspun calibration articles the
/// fifth highest score is 0.264 and 4 (0.9%) score 0.27 or more, so at most 1% of natural articles there are called
/// spun.</param>
/// <param name="RestorePrior">Prior that any one content word is a swap, when restoring (a text judged spun, or a caller
/// that asks): a substantial share of its words were swapped (0.5 -> 0.65: 0.791 -> 0.793 with the window below).</param>
/// <param name="DetectPrior">The share of swapped words the score's mixture test looks for: low, so that it weighs many
/// mildly odd words (light spinning) and not only a few very odd ones.</param>
/// <param name="ChannelWeight">Weight of log P(spinner writes the found word | it had the candidate) in deciding whether a
/// word is a swap.</param>
/// <param name="ChoiceChannelWeight">The same weight in choosing which synonym a swap replaced: the true 1 once the
/// trigram model carries frequency (0.4 -> 1 with the unigram term dropped: 0.776 -> 0.780).</param>
/// <param name="DocumentWeight">Share of a word's probability taken from its frequency in the text itself (a cache
/// model: articles repeat their words, and a spinner rarely swaps every occurrence of one).</param>
/// <param name="Adaptive">Estimate each text's share of swapped words (starting from <paramref name="RestorePrior"/>)
/// and restore with that as the prior.</param>
/// <param name="DetectChannelWeight">The channel weight for the score (the full noisy-channel likelihood ratio). The
/// score uses the plain model (frequency and Brown pairs at full weight) whatever the restoring weights below.</param>
/// <param name="UnspunEditConfidence">In a text of 40 or more judged words scoring below <paramref name="SpunThreshold"/>,
/// only restorations at least this probable are made (0 keeps all). With it (and the other constants as shipped), the
/// calibration split's unspun articles get edits at 6.4% of judged words instead of 16.9%; restoration at 10% spin falls
/// from 0.631 to 0.610, and at 30%, where nearly every copy reads as spun, is unchanged.</param>
/// <param name="Smoothing">Dirichlet mass of the pair model: how many observations the unigram prior is worth (3000
/// rather than 1000 raised recall at 10% spin on the calibration split from 0.71 to 0.75, restoration unchanged).</param>
/// <param name="SemanticWeight">Choosing: weight of the cosine between a wording's GloVe vector and its passage's
/// (<see cref="WordVectors"/>; 0 -> 6 raised restoration from 0.691 to 0.712; 8 with the trigram model).</param>
/// <param name="SemanticWindow">Tokens on either side that make up the passage (5 scored 0.793, 8 0.791, 15 and 60
/// lower).</param>
/// <param name="NgramWeight">Choosing: weight of the trigram model's log-probability of a wording with the two words
/// either side (<see cref="NgramModel"/>; 0 -> 2 raised restoration from 0.725 to 0.762; 1.3 once the channel carries
/// its full weight and the search below reads whole sentences, 0.789 -> 0.791).</param>
/// <param name="CacheWeight">Choosing: weight of log(1 + the wording's lemma's other occurrences in the text): 2 against
/// 0, 0.762 -> 0.776 together with the semantic and channel weights.</param>
/// <param name="PairCacheWeight">Choosing: weight of log(1 + the other occurrences of the pairs a wording makes with its
/// neighbours): articles repeat phrases and names (0 -> 2: 0.803 -> 0.805).</param>
/// <param name="NameWeight">Choosing, for a capitalised word inside a sentence: weight of log(1 + how often the
/// wording stands capitalised elsewhere in the text) (0 -> 1: 0.793 -> 0.794).</param>
/// <param name="JointOptions">In a text that reads as spun, each unit's best candidates that a search over whole
/// sentences weighs together, so that neighbouring swaps are restored jointly (0 -> 6: 0.784 -> 0.789).</param>
public sealed record SpinOptions(
    double SpunThreshold = 0.27, double RestorePrior = 0.65, double DetectPrior = 0.1, double ChannelWeight = 0.5,
    double Smoothing = 3000, double DocumentWeight = 0.3, bool Adaptive = true,
    double DetectChannelWeight = 1, double UnspunEditConfidence = 0.95, double SemanticWeight = 8,
    int SemanticWindow = 5, double ChoiceChannelWeight = 1, double NgramWeight = 1.3, double CacheWeight = 2,
    double PairCacheWeight = 2, double NameWeight = 1, int JointOptions = 6)
{
    public static SpinOptions Default { get; } = new();
}

/// <summary>What the analyser read in a text: the spin score, how many words it could judge, and its restorations.</summary>
/// <param name="Score">The spin score, 0..1.</param>
/// <param name="JudgedWords">Words and phrases with thesaurus alternatives that were weighed.</param>
/// <param name="Edits">The restorations, in text order.</param>
/// <param name="SwapShare">Estimated share of the judged words that are a spinner's swaps.</param>
public sealed record SpinReading(double Score, int JudgedWords, IReadOnlyList<SpinEdit> Edits, double SwapShare);

/// <summary>
/// Scores spinning and restores the usual wording, with a noisy-channel model over the shipped thesaurus
/// (<see cref="Thesaurus"/>): a writer chose each word with the probabilities of ordinary English, and a spinner may
/// then have swapped it for one of its synonyms. For each word or thesaurus phrase the analyser weighs "written as
/// found" against "a spinner's swap of a synonym c", where c is scored by how likely a spinner is to turn c into the
/// found word (one synonym among all of c's) and by how well c fits: the score with word frequencies and Brown pair
/// counts (calibrated on natural text), restoration with a trigram model of English (<see cref="NgramModel"/>), the
/// passage's GloVe vector and the text's own vocabulary (a spinner swaps each occurrence on its own, so the word or
/// phrase it replaced usually still stands elsewhere). Neighbours are judged in two passes (the second sees the first's
/// restorations), each text's share of swaps is estimated by EM and used as the prior for restoring, and in a text
/// that reads as spun a search over whole sentences picks the restorations together. In a long text that does not
/// read as spun, only near-certain restorations are made. Thread-safe: its only state is a bounded memo of each
/// word's readings and candidates, so one instance serves every thread and gets faster as it warms up.
/// </summary>
public sealed class SpinAnalyzer
{
    // Words per billion given to a word or phrase the statistics never saw.
    private const double UnseenPerBillion = 5;

    // Bounds on work for enormous inputs: at most this many words are judged (the score settles long before), and
    // each word weighs at most this many candidates.
    private const int MaxJudgedWords = 20_000;
    private const int MaxCandidates = 300;

    // Pseudo-count of natural words added to the score's denominator, so that two odd words in a ten-word text do not
    // make it "spun" (chosen with MaxWordEvidence on the calibration split).
    private const double ScoreShrinkage = 40;

    // Pseudo-words at the restore prior in the estimate of a text's share of swaps.
    private const double RateShrinkage = 10;

    // Cap on one word's log-likelihood ratio in the score, so that one very odd word (a name, a typo) cannot make a
    // short natural text look spun; spinning shows as many moderately odd words.
    private const double MaxWordEvidence = 10;

    private const int MemoLimit = 200_000;

    // Words of a wording the n-gram model reads (thesaurus phrases are shorter).
    private const int MaxPhraseWords = 8;

    private readonly Thesaurus thesaurus;
    private readonly WordVectors vectors;
    private readonly NgramModel ngrams;
    private readonly int numberId;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Candidate[]> candidateMemo =
        new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<WordAnalysis>> analysisMemo =
        new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> choiceMemo =
        new(StringComparer.Ordinal);
    private readonly double channelWeight;
    private readonly double choiceChannelWeight;
    private readonly double detectChannelWeight;
    private readonly double smoothing;
    private readonly double documentWeight;
    private readonly bool adaptive;

    public SpinAnalyzer()
        : this(Thesaurus.Default)
    {
    }

    public SpinAnalyzer(Thesaurus thesaurus, SpinOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(thesaurus);
        this.thesaurus = thesaurus;
        vectors = thesaurus.Vectors;
        ngrams = thesaurus.Ngrams;
        numberId = ngrams.IdOf("two");
        Options = options ?? SpinOptions.Default;
        channelWeight = Options.ChannelWeight;
        choiceChannelWeight = Options.ChoiceChannelWeight;
        detectChannelWeight = Options.DetectChannelWeight;
        smoothing = Options.Smoothing;
        documentWeight = Options.DocumentWeight;
        adaptive = Options.Adaptive;
    }

    public SpinOptions Options { get; }

    /// <summary>The analyser over the embedded thesaurus (loaded once per process); the pipeline holds one.</summary>
    public static SpinAnalyzer CreateDefault() => new(Thesaurus.Default);

    public SpinResult Analyze(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SpinResult.Natural;
        }

        var reading = Read(text);
        var spun = reading.Score >= Options.SpunThreshold;
        return new SpinResult(reading.Score, spun, spun ? Apply(text, reading.Edits) : null);
    }

    /// <summary>The text with the usual wording put back wherever a swap is more likely than not, whatever the score.</summary>
    public string Restore(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        return Apply(text, Read(text).Edits);
    }

    /// <summary>The score and the restorations the analyser finds in a text.</summary>
    public SpinReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<TokenSpan>();
        foreach (var token in new WordTokenizer(text))
        {
            tokens.Add(token);
            if (tokens.Count >= MaxJudgedWords * 3)
            {
                break; // enough words to judge; the rest of an enormous text is left as it is
            }
        }

        // The text's own vocabulary, by lemma: every token counts once for its form and once for each lemma it may be
        // a form of ("said" counts for "said" and "say"). A spinner swaps each occurrence on its own, so the wording it
        // replaced usually still stands unspun elsewhere in the text, while its swaps rarely recur.
        var words = new string[tokens.Count];
        var document = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < tokens.Count; t++)
        {
            words[t] = Lower(text, tokens[t]);
            document[words[t]] = document.GetValueOrDefault(words[t]) + 1;
            if (words[t].Length is >= 2 and <= 40)
            {
                foreach (var a in AnalysesOf(words[t]))
                {
                    if (a.Lemma != words[t] && !SeenLemma(AnalysesOf(words[t]), a))
                    {
                        document[a.Lemma] = document.GetValueOrDefault(a.Lemma) + 1;
                    }
                }
            }
        }

        var context = new Context(document.GetAlternateLookup<ReadOnlySpan<char>>(), tokens.Count);
        var units = new List<Unit>();
        for (var i = 0; i < tokens.Count && units.Count < MaxJudgedWords;)
        {
            var (unitEnd, surface, analyses) = NextUnit(text, tokens, i);
            if (surface is not null)
            {
                var candidates = CandidatesOf(surface, analyses);
                if (candidates.Length > 0)
                {
                    units.Add(new Unit(i, unitEnd, Describe(surface), candidates, OwnLemmas(surface, analyses)));
                    if (unitEnd - i > 1)
                    {
                        // A multi-word unit counts for its phrase lemmas too ("loss of life").
                        foreach (var lemma in units[^1].Lemmas)
                        {
                            document[lemma] = document.GetValueOrDefault(lemma) + 1;
                        }
                    }
                }
            }

            i = unitEnd;
        }

        var semantic = SemanticFits(tokens, words, units);
        var sentenceStarts = SentenceStarts(text, tokens);
        var names = NameCounts(text, tokens, words, sentenceStarts);
        var pairs = PairCounts(text, tokens, words, sentenceStarts);
        var spunWords = (string[])words.Clone();
        var phrase = new int[MaxPhraseWords + 4];

        // Two passes: the first judges each unit with its neighbours as found (left ones already restored), the
        // second again with every neighbour as the first pass restored it, since a spinner swaps neighbours too.
        // Each unit's evidence is a log-likelihood ratio "swap of candidate k" against "written as found".
        var chosen = new int[units.Count];
        var choice = new double[units.Count];
        var plainChoice = new double[units.Count];
        var bestIndex = new int[units.Count];
        var logRatio = new double[units.Count];
        var detectRatio = new double[units.Count];
        var rate = Options.RestorePrior;
        var options = new (int K, double Local, double Total)[units.Count][];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var u = 0; u < units.Count; u++)
            {
                var unit = units[u];
                var prev = unit.First > 0 && Adjacent(text, tokens[unit.First - 1], tokens[unit.First])
                    ? words[unit.First - 1] : null;
                var next = unit.End < tokens.Count && Adjacent(text, tokens[unit.End - 1], tokens[unit.End])
                    ? words[unit.End] : null;
                var around = Around(prev, next);
                var keepSeen = SeenElsewhere(context, unit, null);
                var keep = LogContext(unit.Surface, around, context, keepSeen);
                var (left2, left1, right1, right2) = NgramContext(words, sentenceStarts, unit);
                var keepNgram = Options.NgramWeight * Phrase(left2, left1, unit.Surface, right1, right2, phrase);
                var asName = unit.First > 0 && !sentenceStarts[unit.First] && char.IsUpper(text[tokens[unit.First].Start]);
                // The found wording's own occurrence counts for neither cache (hence Max(1, n) for the name count).
                var keepRestoring = Restoring(keep, semantic[u][0]) + keepNgram
                    + Options.CacheWeight * Math.Log(1 + keepSeen)
                    + Options.PairCacheWeight * PairsElsewhere(pairs, prev, unit.Surface, next, spunWords, unit)
                    + (asName ? Options.NameWeight * Math.Log(Math.Max(1, names.GetValueOrDefault(unit.Surface.Text))) : 0);
                var shortlist = pass == 1 && Options.JointOptions > 0 ? new List<(int K, double Local, double Total)>() : null;
                var keepDetecting = keep.Detecting;
                bestIndex[u] = -1;
                choice[u] = double.NegativeInfinity;
                var sum = 0.0;
                var detectSum = 0.0;
                for (var k = 0; k < unit.Candidates.Length; k++)
                {
                    // Two weighings of "swap of candidate k" against "written as found": the plain model (calibrated
                    // on natural text; it drives the score and the estimate of the share of swaps) and the richer
                    // restoring model, which chooses the synonym.
                    var c = unit.Candidates[k];
                    var seen = SeenElsewhere(context, unit, c.Lemma);
                    var fit = LogContext(c.Word, around, context, seen);
                    var plain = fit.Detecting - keepDetecting;
                    var score = plain + channelWeight * c.LogChannel;
                    sum += Math.Exp(Math.Clamp(score, -50, 50));
                    detectSum += Math.Exp(Math.Clamp(plain + detectChannelWeight * c.LogChannel, -50, 50));
                    var ngram = Options.NgramWeight * Phrase(left2, left1, c.Word, right1, right2, phrase);
                    var restoring = Restoring(fit, semantic[u][k + 1]) + ngram
                        + Options.CacheWeight * Math.Log(1 + seen)
                        + Options.PairCacheWeight * PairsElsewhere(pairs, prev, c.Word, next, null, unit)
                        + (asName ? Options.NameWeight * Math.Log(1 + names.GetValueOrDefault(c.Text)) : 0)
                        + choiceChannelWeight * c.LogChannel - keepRestoring;
                    shortlist?.Add((k, restoring - (ngram - keepNgram), restoring));

                    if (restoring > choice[u])
                    {
                        choice[u] = restoring;
                        plainChoice[u] = score;
                        bestIndex[u] = k;
                    }
                }

                if (shortlist is not null)
                {
                    shortlist.Sort((a, b) => b.Total.CompareTo(a.Total));
                    options[u] = [.. shortlist.Take(Options.JointOptions)];
                }

                logRatio[u] = Math.Log(sum);
                detectRatio[u] = Math.Log(detectSum);
                chosen[u] = choice[u] + Logit(rate) > 0 ? bestIndex[u] : -1;
                var wording = chosen[u] >= 0 ? unit.Candidates[chosen[u]].Word : unit.Surface;
                words[unit.First] = wording.First;
                words[unit.End - 1] = wording.Last;
            }

            if (adaptive)
            {
                rate = EstimateRate(Open(logRatio, units));
            }
        }

        // The score is the mean per-word log-likelihood ratio of a mixture test ("a share of the words are swaps" against
        // "none are"), shrunk towards 0 for short texts and mapped monotonically onto 0..1.
        var judged = units.Count(x => !x.Closed);
        var spunSum = 0.0;
        for (var u = 0; u < units.Count; u++)
        {
            if (units[u].Closed)
            {
                continue;
            }

            // The word's log-likelihood ratio of "spun at the detection prior's rate" against "natural".
            spunSum += Math.Log(1 - Options.DetectPrior + Options.DetectPrior * Math.Exp(Math.Min(detectRatio[u], MaxWordEvidence)));
        }

        var score01 = judged == 0 ? 0 : Math.Clamp(1 - Math.Exp(-spunSum / (judged + ScoreShrinkage)), 0, 1);
        var readsSpun = score01 >= Options.SpunThreshold;
        var picks = readsSpun && Options.JointOptions > 0 ? Decode(words, sentenceStarts, units, options, Logit(rate)) : null;
        var edits = new List<SpinEdit>();
        for (var u = 0; u < units.Count; u++)
        {
            double evidence;
            if (picks is not null)
            {
                // The search over whole sentences decides; the edit's probability is the candidate's own evidence,
                // at least even odds where the sentence carried it.
                bestIndex[u] = picks[u];
                evidence = picks[u] < 0 ? double.NegativeInfinity
                    : Math.Max(0, Array.Find(options[u], o => o.K == picks[u]).Total + Logit(rate));
            }
            else
            {
                // In a text that reads as spun the restoring model decides alone. In one that does not, a
                // restoration is made only where the plain model agrees: the restoring model's bolder choices would
                // otherwise reword natural sentences ("ordered" -> "said").
                evidence = (readsSpun ? choice[u] : Math.Min(choice[u], plainChoice[u])) + Logit(rate);
            }

            if (bestIndex[u] >= 0 && (evidence > 0 || picks is not null))
            {
                var unit = units[u];
                var start = tokens[unit.First].Start;
                var end = tokens[unit.End - 1].Start + tokens[unit.End - 1].Length;
                var found = text[start..end];
                edits.Add(new SpinEdit(start, end - start, found,
                    WordCase.Apply(found, unit.Candidates[bestIndex[u]].Text), Sigmoid(evidence)));
            }
        }

        if (!readsSpun && judged >= ScoreShrinkage && Options.UnspunEditConfidence > 0)
        {
            // A text long enough for its score to speak that does not read as spun is most likely natural, so most of
            // its "more usual" alternatives are the writer's own choice: only near-certain swaps are put back there.
            // A sentence or two says too little either way, and keeps every likely restoration.
            edits.RemoveAll(e => e.Probability < Options.UnspunEditConfidence);
        }

        return new SpinReading(score01, judged, edits, adaptive ? rate : EstimateRate(Open(logRatio, units)));
    }

    /// <summary>
    /// The wordings a spinner could have replaced by the words at the start of <paramref name="text"/> (one word or
    /// thesaurus phrase): every synonym of every reading, inflected alike. Empty when the text starts with no
    /// judgeable word.
    /// </summary>
    public IReadOnlyList<string> Alternatives(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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

    /// <summary>Applies restorations (in text order, not overlapping) to the text they were read from.</summary>
    public static string Apply(string text, IReadOnlyList<SpinEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        if (edits.Count == 0)
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        var cursor = 0;
        foreach (var edit in edits)
        {
            output.Append(text, cursor, edit.Start - cursor);
            output.Append(edit.Replacement);
            cursor = edit.Start + edit.Length;
        }

        output.Append(text, cursor, text.Length - cursor);
        return output.ToString();
    }

    private readonly record struct Context(
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Counts, int Words);

    private sealed record Unit(int First, int End, Wording Surface, Candidate[] Candidates, string[] Lemmas)
    {
        // A lone closed-class word ("now", "more"): judged for what a spinner may have put there, but left out of the
        // score and of the share of swaps, which are about content words.
        public bool Closed { get; } = End - First == 1 && !StopWords.IsContentWord(Surface.Text);
    }

    // The values of the units that are not closed-class words.
    private static double[] Open(double[] values, List<Unit> units)
    {
        var open = new List<double>(values.Length);
        for (var u = 0; u < units.Count; u++)
        {
            if (!units[u].Closed)
            {
                open.Add(values[u]);
            }
        }

        return [.. open];
    }

    /// <summary>A wording with the statistics that do not depend on its neighbours.</summary>
    private readonly record struct Wording(
        string Text, string First, string Last, double PFirst, double LogRest, double LastCount, int FirstId, int LastId,
        int[] NgramIds);

    private readonly record struct Neighbours(
        string? Prev, double PrevCount, string? Next, double PNext, int PrevId, int NextId);

    private readonly record struct Candidate(Wording Word, double LogChannel, string Lemma)
    {
        public string Text => Word.Text;
    }

    // The unit starting at token i: the longest multi-word thesaurus lemma there, in any inflection ("loss of life",
    // "teams up", "gravy boats"), else one content word with a thesaurus entry. Surface is lower case; null when the
    // token is not a judgeable word.
    private (int End, string? Surface, List<WordAnalysis>? Analyses) NextUnit(string text, List<TokenSpan> tokens, int i)
    {
        var word = tokens[i].In(text);
        if (word.Length is < 2 or > 40)
        {
            return (i + 1, null, null);
        }

        var lowerWord = word.ToString().ToLowerInvariant();
        var wordAnalyses = AnalysesOf(lowerWord);
        var longest = thesaurus.LongestPhraseFrom(lowerWord);
        foreach (var a in wordAnalyses)
        {
            longest = Math.Max(longest, thesaurus.LongestPhraseFrom(a.Lemma));
        }

        for (var n = Math.Min(longest, tokens.Count - i); n >= 2; n--)
        {
            if (!WordTokenizer.SingleSpaced(text, tokens, i, n))
            {
                continue;
            }

            var start = tokens[i].Start;
            var end = tokens[i + n - 1].Start + tokens[i + n - 1].Length;
            var lower = text[start..end].ToLowerInvariant();
            var analyses = PhraseAnalyses(lower, lowerWord.Length, wordAnalyses);
            if (analyses.Count > 0)
            {
                return (i + n, lower, analyses);
            }
        }

        // A closed-class word is judged too, for what a spinner may have put there in place of a content word or a
        // phrase ("now" for "today", "more" for "more than"), but it does not count towards the score.
        if ((!StopWords.IsContentWord(word) && !char.IsLetter(word[0])) || wordAnalyses.Count == 0)
        {
            return (i + 1, null, null);
        }

        return (i + 1, lowerWord, wordAnalyses);
    }

    // The readings of a multi-word span: the lemma itself, or an inflected head (first word of verbs and "X of Y"
    // nouns, last word otherwise).
    private List<WordAnalysis> PhraseAnalyses(string lower, int firstLength, List<WordAnalysis> firstAnalyses)
    {
        var analyses = new List<WordAnalysis>();
        if (thesaurus.HasLemma(lower))
        {
            foreach (var id in thesaurus.SynsetsOf(lower))
            {
                var pos = thesaurus.Synsets[id].Pos;
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
                if (thesaurus.HasLemmaWithPos(phrase, a.Pos))
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
                if (thesaurus.HasLemmaWithPos(phrase, a.Pos))
                {
                    analyses.Add(new WordAnalysis(phrase, a.Pos, a.Form));
                }
            }
        }

        return analyses;
    }

    // Every synonym of every reading, inflected like the found word, with the log-probability that a spinner who
    // had it would have written the found word instead: one synonym picked among all of the candidate's.
    // The candidates and readings of a word depend on the word alone, so they are memoised per instance: the same few
    // thousand words recur in every article. The memo is bounded, and losing a race only computes a value twice.
    private Candidate[] CandidatesOf(string surface, List<WordAnalysis>? analyses)
    {
        if (candidateMemo.TryGetValue(surface, out var known))
        {
            return known;
        }

        var candidates = new List<Candidate>();
        Collect(surface, analyses, candidates);
        Candidate[] result = [.. candidates];
        if (candidateMemo.Count < MemoLimit)
        {
            candidateMemo.TryAdd(surface, result);
        }

        return result;
    }

    // How many wordings a spinner could write for this one: the distinct synonyms over every reading of the form.
    private int ChoiceCount(string form, string lemma)
    {
        if (form.IndexOf(' ') >= 0)
        {
            return thesaurus.SynonymCount(lemma);
        }

        if (choiceMemo.TryGetValue(form, out var known))
        {
            return known;
        }

        var count = thesaurus.SynonymForms(form, AnalysesOf(form)).Count;
        if (choiceMemo.Count < MemoLimit)
        {
            choiceMemo.TryAdd(form, count);
        }

        return count;
    }

    private List<WordAnalysis> AnalysesOf(string word)
    {
        if (analysisMemo.TryGetValue(word, out var known))
        {
            return known;
        }

        var result = thesaurus.Analyze(word);
        if (analysisMemo.Count < MemoLimit)
        {
            analysisMemo.TryAdd(word, result);
        }

        return result;
    }

    private void Collect(string surface, List<WordAnalysis>? analyses, List<Candidate> candidates)
    {
        if (analyses is null)
        {
            return;
        }

        foreach (var analysis in analyses)
        {
            foreach (var id in thesaurus.SynsetsOf(analysis.Lemma))
            {
                var synset = thesaurus.Synsets[id];
                if (synset.Pos != analysis.Pos)
                {
                    continue;
                }

                foreach (var lemma in synset.Lemmas)
                {
                    if (lemma == analysis.Lemma || (candidates.Count >= MaxCandidates && !candidates.Exists(c => c.Text == lemma)))
                    {
                        continue;
                    }

                    foreach (var form in thesaurus.Inflections(lemma, analysis.Pos, analysis.Form))
                    {
                        // A spinner leaves closed-class words alone, so a lone one ("more", "now") is never what it
                        // replaced; a phrase of them ("more than", "as well") is a unit it does swap.
                        if (form != surface && !candidates.Exists(c => c.Text == form)
                            && (form.Contains(' ') || StopWords.IsContentWord(form)))
                        {
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
    // SemanticWindow tokens on either side (the unit itself left out). Computed once, on the words as found: the
    // spinner's swaps are synonyms, so they move the passage's vector little.
    private double[][] SemanticFits(List<TokenSpan> tokens, string[] words, List<Unit> units)
    {
        var fits = new double[units.Count][];
        var weight = Options.SemanticWeight;
        if (weight == 0)
        {
            for (var u = 0; u < units.Count; u++)
            {
                fits[u] = new double[units[u].Candidates.Length + 1];
            }

            return fits;
        }

        var ids = new int[tokens.Count];
        for (var t = 0; t < tokens.Count; t++)
        {
            ids[t] = StopWords.IsContentWord(words[t]) ? vectors.IdOf(words[t]) : -1;
        }

        // A sliding window over the tokens: units come in text order, so each token enters and leaves it once.
        var window = Options.SemanticWindow;
        var sum = new float[vectors.Dimensions];
        var around = new float[vectors.Dimensions];
        var phrase = new float[vectors.Dimensions];
        int from = 0, to = 0;
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            for (; to < Math.Min(tokens.Count, unit.End + window); to++)
            {
                if (ids[to] >= 0)
                {
                    vectors.AddTo(sum, ids[to]);
                }
            }

            for (; from < Math.Max(0, unit.First - window); from++)
            {
                if (ids[from] >= 0)
                {
                    vectors.AddTo(sum, ids[from], -1);
                }
            }

            sum.CopyTo(around, 0);
            for (var t = unit.First; t < unit.End; t++)
            {
                if (ids[t] >= 0)
                {
                    vectors.AddTo(around, ids[t], -1);
                }
            }

            var length = Math.Sqrt(Dot(around, around));
            var row = fits[u] = new double[unit.Candidates.Length + 1];
            row[0] = weight * Similarity(unit.Surface.Text, around, length, phrase);
            for (var k = 0; k < unit.Candidates.Length; k++)
            {
                row[k + 1] = weight * Similarity(unit.Candidates[k].Text, around, length, phrase);
            }
        }

        return fits;
    }

    // Cosine of a wording's vector (the sum of its content words' vectors) with the passage's; 0 when unknown.
    private double Similarity(string wording, float[] around, double aroundLength, float[] phrase)
    {
        if (aroundLength <= 0)
        {
            return 0;
        }

        if (wording.IndexOf(' ') < 0)
        {
            return vectors.Cosine(vectors.IdOf(wording), around, aroundLength);
        }

        Array.Clear(phrase);
        foreach (var word in wording.Split(' '))
        {
            var id = StopWords.IsContentWord(word) ? vectors.IdOf(word) : -1;
            if (id >= 0)
            {
                vectors.AddTo(phrase, id);
            }
        }

        // A phrase with no known content word leaves the sum at zero, and length 0 says so.
        var length = Math.Sqrt(Dot(phrase, phrase));
        return length > 0 ? Dot(phrase, around) / length / aroundLength : 0;
    }

    // The restoration of the whole text that is most probable under the trigram model and the units' own evidence
    // (a Viterbi search over each unit's shortlist, the found wording included; histories that end in the same two
    // words are merged), so that neighbouring swaps are restored together rather than each against the other's
    // spun wording. Returns each unit's chosen candidate, -1 where the found wording stays.
    private int[] Decode(
        string[] words, bool[] sentenceStarts, List<Unit> units, (int K, double Local, double Total)[][] options,
        double swapPrior)
    {
        var states = new Dictionary<(int, int), Path>();
        var next = new Dictionary<(int, int), Path>();
        states[(NgramModel.Unknown, ngrams.SentenceStart)] = new Path(0, null, -1, -1);
        var weight = Options.NgramWeight * Math.Log(10);
        var u = 0;
        for (var t = 0; t < words.Length;)
        {
            if (t > 0 && sentenceStarts[t])
            {
                next.Clear();
                foreach (var ((first, second), path) in states)
                {
                    Keep(next, (NgramModel.Unknown, ngrams.SentenceStart),
                        path with { Score = path.Score + weight * ngrams.Log10(first, second, ngrams.SentenceEnd) });
                }

                (states, next) = (next, states);
            }

            next.Clear();
            if (u < units.Count && units[u].First == t)
            {
                var unit = units[u];
                foreach (var ((first, second), path) in states)
                {
                    Extend(next, first, second, path, unit.Surface.NgramIds, 0, u, -1, weight);
                    foreach (var (k, local, _) in options[u] ?? [])
                    {
                        Extend(next, first, second, path, unit.Candidates[k].Word.NgramIds, local + swapPrior, u, k, weight);
                    }
                }

                t = unit.End;
                u++;
            }
            else
            {
                var id = NgramId(words[t]);
                foreach (var ((first, second), path) in states)
                {
                    Keep(next, (second, id), path with { Score = path.Score + weight * ngrams.Log10(first, second, id) });
                }

                t++;
            }

            (states, next) = (next, states);
        }

        Path? best = null;
        foreach (var ((first, second), path) in states)
        {
            var score = path.Score + weight * ngrams.Log10(first, second, ngrams.SentenceEnd);
            if (best is null || score > best.Score)
            {
                best = path with { Score = score };
            }
        }

        var picks = new int[units.Count];
        Array.Fill(picks, -1);
        for (var path = best; path is not null; path = path.Parent)
        {
            if (path.Unit >= 0)
            {
                picks[path.Unit] = path.Candidate;
            }
        }

        return picks;
    }

    // Appends a wording to a path: its local evidence and each of its words' trigram probability.
    private void Extend(
        Dictionary<(int, int), Path> next, int first, int second, Path path, int[] wording, double local, int unit,
        int candidate, double weight)
    {
        var score = path.Score + local;
        foreach (var id in wording)
        {
            score += weight * ngrams.Log10(first, second, id);
            (first, second) = (second, id);
        }

        Keep(next, (first, second), new Path(score, path, unit, candidate));
    }

    // Keeps the better of two paths that end in the same two words: the trigram model cannot tell them apart later.
    private static void Keep(Dictionary<(int, int), Path> states, (int, int) key, Path path)
    {
        if (!states.TryGetValue(key, out var known) || path.Score > known.Score)
        {
            states[key] = path;
        }
    }

    /// <summary>One search path: its score, the path it extends, and the unit and candidate it chose (-1: none).</summary>
    private sealed record Path(double Score, Path? Parent, int Unit, int Candidate);

    // How often each pair of adjacent words occurs in the text as found (not across a sentence boundary): articles
    // repeat their phrases and names ("fire department", "James Bodiford"), and a spinner swaps each occurrence on
    // its own.
    private static Dictionary<(string, string), int> PairCounts(
        string text, List<TokenSpan> tokens, string[] words, bool[] sentenceStarts)
    {
        var counts = new Dictionary<(string, string), int>();
        for (var t = 1; t < tokens.Count; t++)
        {
            if (!sentenceStarts[t] && Adjacent(text, tokens[t - 1], tokens[t]))
            {
                counts[(words[t - 1], words[t])] = counts.GetValueOrDefault((words[t - 1], words[t])) + 1;
            }
        }

        return counts;
    }

    // log(1 + n) for the pairs a wording makes with its neighbours elsewhere in the text: for the found wording
    // (spunWords given) its own occurrence is not counted.
    private static double PairsElsewhere(
        Dictionary<(string, string), int> pairs, string? prev, in Wording wording, string? next, string[]? spunWords,
        Unit unit)
    {
        var score = 0.0;
        if (prev is not null)
        {
            var own = spunWords is not null && prev == spunWords[unit.First - 1] ? 1 : 0;
            score += Math.Log(1 + Math.Max(0, pairs.GetValueOrDefault((prev, wording.First)) - own));
        }

        if (next is not null)
        {
            var own = spunWords is not null && next == spunWords[unit.End] ? 1 : 0;
            score += Math.Log(1 + Math.Max(0, pairs.GetValueOrDefault((wording.Last, next)) - own));
        }

        return score;
    }

    // How often each lower-case word stands capitalised inside a sentence (a name, or part of one).
    private static Dictionary<string, int> NameCounts(string text, List<TokenSpan> tokens, string[] words, bool[] sentenceStarts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 1; t < tokens.Count; t++)
        {
            if (!sentenceStarts[t] && char.IsUpper(text[tokens[t].Start]))
            {
                counts[words[t]] = counts.GetValueOrDefault(words[t]) + 1;
            }
        }

        return counts;
    }

    // The two words before a unit and the two after, as n-gram ids; a sentence boundary stands in for what lies
    // beyond it, and NgramModel.Unknown for a word the model lacks (a rare name).
    private (int Left2, int Left1, int Right1, int Right2) NgramContext(string[] words, bool[] sentenceStarts, Unit unit)
    {
        int left1, left2 = NgramModel.Unknown;
        if (unit.First == 0 || sentenceStarts[unit.First])
        {
            left1 = ngrams.SentenceStart;
        }
        else
        {
            left1 = NgramId(words[unit.First - 1]);
            left2 = unit.First - 1 == 0 || sentenceStarts[unit.First - 1]
                ? ngrams.SentenceStart : NgramId(words[unit.First - 2]);
        }

        int right1, right2 = NgramModel.Unknown;
        if (unit.End == words.Length || sentenceStarts[unit.End])
        {
            right1 = ngrams.SentenceEnd;
        }
        else
        {
            right1 = NgramId(words[unit.End]);
            right2 = unit.End + 1 == words.Length || sentenceStarts[unit.End + 1]
                ? ngrams.SentenceEnd : NgramId(words[unit.End + 1]);
        }

        return (left2, left1, right1, right2);
    }

    // The n-gram model spells numbers out, so a number (every one is "0" in words[]) is read as a number word.
    private int NgramId(string word) => word == "0" ? numberId : ngrams.IdOf(word);

    // Natural-log probability under the trigram model of a wording and the two words after it, given the two before.
    private double Phrase(int left2, int left1, in Wording wording, int right1, int right2, int[] sequence)
    {
        var n = 0;
        sequence[n++] = left2;
        sequence[n++] = left1;
        foreach (var id in wording.NgramIds)
        {
            sequence[n++] = id;
        }

        sequence[n++] = right1;
        if (right2 != NgramModel.Unknown || right1 != ngrams.SentenceEnd)
        {
            sequence[n++] = right2;
        }

        var log10 = 0.0;
        for (var i = 2; i < n; i++)
        {
            log10 += ngrams.Log10(sequence[i - 2], sequence[i - 1], sequence[i]);
        }

        return log10 * Math.Log(10);
    }

    // Whether a sentence (or a line) starts at each token: the n-gram model knows sentence boundaries, and the words
    // beyond one are no context.
    private static bool[] SentenceStarts(string text, List<TokenSpan> tokens)
    {
        var starts = new bool[tokens.Count];
        for (var t = 1; t < tokens.Count; t++)
        {
            for (var k = tokens[t - 1].Start + tokens[t - 1].Length; k < tokens[t].Start && !starts[t]; k++)
            {
                starts[t] = text[k] is '.' or '!' or '?' or ';' or ':' or '\n';
            }
        }

        return starts;
    }

    private static double Dot(float[] a, float[] b)
    {
        var dot = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            dot += a[d] * b[d];
        }

        return dot;
    }

    // How a wording fits where it stands, in parts that detection and restoration weigh differently: its log
    // frequency (blended with its frequency in this text), the log-probability of the rest of a phrase given its first
    // word, and what the Brown pair counts add for its neighbours.
    private readonly record struct Fit(double Unigram, double Rest, double Pairs)
    {
        // The score's plain noisy-channel likelihood: calibrated on natural text, so the spun threshold holds.
        public double Detecting => Rest + Unigram + Pairs;
    }

    // The restorer's own part of the fit: the phrase term and the passage's semantic fit. Frequency and neighbours it
    // takes from the trigram model, which subsumes the unigram and Brown pair terms (weighing those in as well lowered
    // restoration at 30% on the calibration split).
    private static double Restoring(in Fit fit, double semantic) => fit.Rest + semantic;

    // log P(words | left neighbour) + log P(right neighbour | last word) under a bigram model with Dirichlet smoothing
    // towards unigram frequencies; a multi-word wording contributes its phrase frequency. Everything that depends on
    // the wording alone was computed once (Describe); what depends on the neighbours, once per unit (Neighbours).
    private Fit LogContext(in Wording wording, in Neighbours around, Context document, int seen)
    {
        var pFirst = wording.PFirst;
        if (documentWeight > 0 && document.Words > 0)
        {
            // The writer's own vocabulary: the wording's other occurrences in this text (not counting the one judged).
            pFirst = (1 - documentWeight) * pFirst + documentWeight * seen / document.Words;
        }

        var unigram = Math.Log(pFirst);
        double pairs = 0;
        if (around.Prev is not null)
        {
            var left = Math.Log((thesaurus.Bigram(around.PrevId, wording.FirstId) + smoothing * pFirst)
                / (around.PrevCount + smoothing));
            pairs += left - unigram;
        }

        if (around.Next is not null)
        {
            var right = Math.Log((thesaurus.Bigram(wording.LastId, around.NextId) + smoothing * around.PNext)
                / (wording.LastCount + smoothing));
            pairs += right - Math.Log(around.PNext);
        }

        return new Fit(unigram, wording.LogRest, pairs);
    }

    // How often a wording occurs in the text apart from the unit judged: for the found wording (lemma null) its form or
    // any of its lemmas, less this occurrence; for a candidate its lemma, less this occurrence when the unit is a form
    // of it too.
    private static int SeenElsewhere(Context document, Unit unit, string? lemma)
    {
        if (lemma is null)
        {
            var most = document.Counts.TryGetValue(unit.Surface.Text, out var n) ? n : 0;
            foreach (var own in unit.Lemmas)
            {
                most = Math.Max(most, document.Counts.TryGetValue(own, out var m) ? m : 0);
            }

            return Math.Max(0, most - 1);
        }

        var count = document.Counts.TryGetValue(lemma, out var c) ? c : 0;
        return Array.IndexOf(unit.Lemmas, lemma) >= 0 ? Math.Max(0, count - 1) : count;
    }

    private static string[] OwnLemmas(string surface, List<WordAnalysis>? analyses)
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

    private static bool SeenLemma(List<WordAnalysis> analyses, WordAnalysis a)
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

    private Wording Describe(string text)
    {
        var space = text.IndexOf(' ');
        var first = space < 0 ? text : text[..space];
        var last = space < 0 ? text : text[(text.LastIndexOf(' ') + 1)..];
        var pFirst = Probability(first);
        var logRest = space < 0 ? 0 : Math.Log(Probability(text) / pFirst);
        var words = text.Split(' ');
        var ngramIds = new int[Math.Min(words.Length, MaxPhraseWords)];
        for (var i = 0; i < ngramIds.Length; i++)
        {
            ngramIds[i] = ngrams.IdOf(words[i]);
        }

        return new Wording(text, first, last, pFirst, logRest, Probability(last) * thesaurus.BigramTotal,
            thesaurus.PairWordId(first), thesaurus.PairWordId(last), ngramIds);
    }

    private Neighbours Around(string? prev, string? next) => new(
        prev, prev is null ? 0 : Probability(prev) * thesaurus.BigramTotal, next, next is null ? 0 : Probability(next),
        prev is null ? -1 : thesaurus.PairWordId(prev), next is null ? -1 : thesaurus.PairWordId(next));

    private double Probability(ReadOnlySpan<char> word) => Math.Max(thesaurus.Frequency(word), UnseenPerBillion) / 1e9;

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    // Empirical Bayes: the share of swapped words in this text, as the fixed point of "prior = mean posterior" (EM on
    // a two-class mixture whose per-word likelihood ratios are known). A natural text settles low, so few of its
    // words are touched; a heavily spun one settles high, so more of its swaps are put back.
    private double EstimateRate(double[] logRatio)
    {
        var count = logRatio.Length;
        if (count == 0)
        {
            return Options.RestorePrior;
        }

        var rate = Options.RestorePrior;
        for (var iteration = 0; iteration < 20; iteration++)
        {
            var sum = 0.0;
            for (var u = 0; u < count; u++)
            {
                sum += Sigmoid(logRatio[u] + Logit(rate));
            }

            // A few pseudo-words at the prior keep short texts from running to either end.
            rate = Math.Clamp((sum + RateShrinkage * Options.RestorePrior) / (count + RateShrinkage), 0.01, 0.9);
        }

        return rate;
    }

    private static string Lower(string text, TokenSpan token)
    {
        var word = token.In(text);
        return word.Length > 0 && char.IsDigit(word[0]) ? "0" : word.ToString().ToLowerInvariant();
    }

    // Neighbours count as context only when nothing but spaces separates them (the pair counts stop at punctuation).
    private static bool Adjacent(string text, TokenSpan left, TokenSpan right)
    {
        for (var k = left.Start + left.Length; k < right.Start; k++)
        {
            if (!char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }

        return true;
    }
}
