namespace Parallax.Core.Spin;

/// <summary>
/// What the units' evidence says about the whole text: the spin score (a mixture test over the plain model's
/// per-unit likelihood ratios) and the estimated share of swaps.
/// </summary>
internal static class SpinScore
{
    // Pseudo-count of natural words added to the score's denominator, so that two odd words in a ten-word text do not
    // make it "spun" (chosen with MaxWordEvidence on the calibration split).
    public const double Shrinkage = 40;

    // Pseudo-words at the restore prior in the estimate of a text's share of swaps.
    private const double RateShrinkage = 10;

    // Cap on one word's log-likelihood ratio in the score, so that one very odd word (a name, a typo) cannot make a
    // short natural text look spun; spinning shows as many moderately odd words.
    private const double MaxWordEvidence = 10;

    // The score is the mean per-word log-likelihood ratio of a mixture test ("a share of the words are swaps" against
    // "none are"), shrunk towards 0 for short texts and mapped monotonically onto 0..1.
    public static double Of(List<SpinUnit> units, double[] detectRatio, double detectPrior)
    {
        var judged = units.Count(x => !x.Closed);
        var spunSum = 0.0;
        for (var u = 0; u < units.Count; u++)
        {
            if (units[u].Closed)
            {
                continue;
            }

            // The word's log-likelihood ratio of "spun at the detection prior's rate" against "natural".
            spunSum += Math.Log(1 - detectPrior + detectPrior * Math.Exp(Math.Min(detectRatio[u], MaxWordEvidence)));
        }

        return judged == 0 ? 0 : Math.Clamp(1 - Math.Exp(-spunSum / (judged + Shrinkage)), 0, 1);
    }

    // Empirical Bayes: the share of swapped words in this text, as the fixed point of "prior = mean posterior" (EM on
    // a two-class mixture whose per-word likelihood ratios are known). A natural text settles low, so few of its
    // words are touched; a heavily spun one settles high, so more of its swaps are put back.
    public static double EstimateRate(double[] logRatio, double prior)
    {
        var count = logRatio.Length;
        if (count == 0)
        {
            return prior;
        }

        var rate = prior;
        for (var iteration = 0; iteration < 20; iteration++)
        {
            var sum = 0.0;
            for (var u = 0; u < count; u++)
            {
                sum += Sigmoid(logRatio[u] + Logit(rate));
            }

            // A few pseudo-words at the prior keep short texts from running to either end.
            rate = Math.Clamp((sum + RateShrinkage * prior) / (count + RateShrinkage), 0.01, 0.9);
        }

        return rate;
    }

    // The values of the units that are not closed-class words.
    public static double[] Open(double[] values, List<SpinUnit> units)
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

    /// <summary>
    /// The trigram model's part of the score, added to the thesaurus evidence's: raised by how much less predictably the
    /// text reads than <see cref="SpinOptions.FluencyReference"/>, by how many more of its words stand in odd pairs than
    /// <see cref="SpinOptions.OddPairReference"/>, and by how many more units the model would rather read as their
    /// likeliest candidate than <see cref="SpinOptions.PreferenceReference"/>; lowered where the text is below them.
    /// </summary>
    public static double LanguageTerm(FluencyReading fluency, double preferred, SpinOptions options) =>
        (options.FluencyWeight * (options.FluencyReference - fluency.Fluency))
        + (options.OddPairWeight * (fluency.OddPairs - options.OddPairReference))
        + (options.PreferenceWeight * (preferred - options.PreferenceReference));

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    public static double Logit(double p) => Math.Log(p / (1 - p));
}
