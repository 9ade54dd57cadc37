namespace Parallax.Core.Spin;

/// <summary>
/// The full reading of a text: its units judged by both models, the score, and the restorations, chosen unit by unit
/// or, in a text that reads as spun, by the search over whole sentences. In a long text that does not read as spun,
/// only near-certain restorations are made. It reads the trigram model and the word vectors, so it is built only
/// when a text needs it.
/// </summary>
internal sealed class SpinReader
{
    private readonly SpinOptions options;
    private readonly SemanticFit semantic;
    private readonly UnitJudge judge;
    private readonly SentenceDecoder decoder;

    public SpinReader(SpinLexicon lexicon, PlainModel plain, SpinOptions options)
    {
        this.options = options;
        // The first full reading loads the two largest resources; side by side, they take as long as the larger.
        NgramModel? loaded = null;
        WordVectors? vectors = null;
        Parallel.Invoke(() => loaded = lexicon.Thesaurus.Ngrams, () => vectors = lexicon.Thesaurus.Vectors);
        var ngrams = new NgramFit(loaded!);
        semantic = new SemanticFit(vectors!, options);
        judge = new UnitJudge(lexicon, plain, ngrams, options);
        decoder = new SentenceDecoder(ngrams, options.NgramWeight);
    }

    /// <summary>Reads a text the screen has read: <paramref name="languageTerm"/> is its <see cref="SpinScreen.LanguageTerm"/>.</summary>
    public SpinReading Read(SpinText text, double languageTerm)
    {
        var units = text.Units;
        var judgement = judge.Judge(text, TextRepeats.Of(text), semantic.Of(text));
        var verdicts = judgement.Verdicts;
        var logitRate = SpinScore.Logit(judgement.Rate);
        var judged = text.OpenUnits;
        var score = Math.Clamp(SpinScore.Of(units, judgement.DetectRatios, options.DetectPrior) + languageTerm, 0, 1);

        var readsSpun = score >= options.SpunThreshold;
        var picks = readsSpun && options.JointOptions > 0
            ? decoder.Decode(text, Array.ConvertAll(verdicts, v => v.Options!), logitRate) : null;
        var edits = new List<SpinEdit>();
        for (var u = 0; u < units.Count; u++)
        {
            double evidence;
            var best = verdicts[u].Best;
            if (picks is not null)
            {
                // The search over whole sentences decides; the edit's probability is the candidate's own evidence,
                // at least even odds where the sentence carried it.
                best = picks[u];
                evidence = picks[u] < 0 ? double.NegativeInfinity
                    : Math.Max(0, Array.Find(verdicts[u].Options!, o => o.K == picks[u]).Total + logitRate);
            }
            else
            {
                // In a text that reads as spun the restoring model decides alone. In one that does not, a
                // restoration is made only where the plain model agrees: the restoring model's bolder choices would
                // otherwise reword natural sentences ("ordered" -> "said").
                var choice = verdicts[u].Choice;
                evidence = (readsSpun ? choice : Math.Min(choice, verdicts[u].PlainChoice)) + logitRate;
            }

            if (best >= 0 && (evidence > 0 || picks is not null))
            {
                edits.Add(Edit(text, units[u], units[u].Candidates[best].Text, SpinScore.Sigmoid(evidence)));
            }
        }

        if (!readsSpun && judged >= SpinScore.Shrinkage && options.UnspunEditConfidence > 0)
        {
            // A text long enough for its score to speak that does not read as spun is most likely natural, so most of
            // its "more usual" alternatives are the writer's own choice: only near-certain swaps are put back there.
            // A sentence or two says too little either way, and keeps every likely restoration.
            edits.RemoveAll(e => e.Probability < options.UnspunEditConfidence);
        }

        var swapShare = options.Adaptive
            ? judgement.Rate : SpinScore.EstimateRate(SpinScore.Open(judgement.LogRatios, units), options.RestorePrior);
        return new SpinReading(score, judged, edits, swapShare);
    }

    private static SpinEdit Edit(SpinText text, SpinUnit unit, string replacement, double probability)
    {
        var start = text.Tokens[unit.First].Start;
        var end = text.Tokens[unit.End - 1].Start + text.Tokens[unit.End - 1].Length;
        var found = text.Text[start..end];
        return new SpinEdit(start, end - start, found, WordCase.Apply(found, replacement), probability);
    }
}
