namespace Parallax.Core.Spin;

/// <summary>
/// How a wording fits where it stands, in parts that detection and restoration weigh differently: its log frequency
/// (blended with its frequency in this text), the log-probability of the rest of a phrase given its first word, and
/// what the Brown pair counts add for its neighbours.
/// </summary>
internal readonly record struct Fit(double Unigram, double Rest, double Pairs)
{
    // The score's plain noisy-channel likelihood: calibrated on natural text, so the spun threshold holds.
    public double Detecting => Rest + Unigram + Pairs;

    // The restorer's own part of the fit: the phrase term and the passage's semantic fit. Frequency and neighbours it
    // takes from the trigram model, which subsumes the unigram and Brown pair terms (weighing those in as well lowered
    // restoration at 30% on the calibration split).
    public double Restoring(double semantic) => Rest + semantic;
}

/// <summary>
/// The plain model of a wording in context: word frequencies blended with the text's own vocabulary, and a bigram
/// model over the Brown pair counts with Dirichlet smoothing towards them. It is cheap (a few dictionary look-ups per
/// candidate) and calibrated on natural text, so the spin score and the screen both rest on it.
/// </summary>
internal sealed class PlainModel(Thesaurus thesaurus, SpinOptions options)
{
    private readonly double smoothing = options.Smoothing;
    private readonly double documentWeight = options.DocumentWeight;
    private readonly double logSmoothing = Math.Log(options.Smoothing);
    private readonly double logKept = Math.Log(1 - options.DocumentWeight);

    // log P(words | left neighbour) + log P(right neighbour | last word) under a bigram model with Dirichlet smoothing
    // towards unigram frequencies; a multi-word wording contributes its phrase frequency. Everything that depends on
    // the wording alone was computed once (Describe); what depends on the neighbours, once per unit (Neighbours).
    public Fit LogContext(in Wording wording, in Neighbours around, DocumentCounts document, int seen)
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

    /// <summary>
    /// <see cref="LogContext"/>'s detecting fit less the terms that every wording of one unit shares (the left
    /// neighbour's count, the right neighbour's probability), so that it differs between two wordings as the fit does.
    /// The screen reads every candidate of every unit with it: a pair never seen and a wording not elsewhere in the
    /// text (the usual case) cost no logarithm.
    /// </summary>
    public double RelativeFit(in Wording wording, in Neighbours around, DocumentCounts document, int seen)
    {
        var pFirst = wording.PFirst;
        var logFirst = wording.LogPFirst;
        if (documentWeight > 0 && document.Words > 0)
        {
            pFirst = (1 - documentWeight) * pFirst + documentWeight * seen / document.Words;
            logFirst = seen == 0 ? logKept + logFirst : Math.Log(pFirst);
        }

        var fit = wording.LogRest;
        if (around.Prev is not null)
        {
            var pair = thesaurus.Bigram(around.PrevId, wording.FirstId);
            fit += pair == 0 ? logSmoothing + logFirst : Math.Log(pair + smoothing * pFirst);
        }
        else
        {
            fit += logFirst;
        }

        if (around.Next is not null)
        {
            var pair = thesaurus.Bigram(wording.LastId, around.NextId);
            fit += (pair == 0 ? logSmoothing + around.LogPNext : Math.Log(pair + smoothing * around.PNext))
                - Math.Log(wording.LastCount + smoothing);
        }

        return fit;
    }

    // How often a wording occurs in the text apart from the unit judged: for the found wording (lemma null) its form or
    // any of its lemmas, less this occurrence; for a candidate its lemma, less this occurrence when the unit is a form
    // of it too.
    public static int SeenElsewhere(DocumentCounts document, SpinUnit unit, string? lemma)
    {
        if (lemma is null)
        {
            var most = document.Of(unit.Surface.Text);
            foreach (var own in unit.Lemmas)
            {
                most = Math.Max(most, document.Of(own));
            }

            return Math.Max(0, most - 1);
        }

        // Most candidates stand nowhere in the text: they skip the search of the unit's own lemmas.
        var count = document.Of(lemma);
        return count == 0 ? 0 : Array.IndexOf(unit.Lemmas, lemma) >= 0 ? count - 1 : count;
    }
}
