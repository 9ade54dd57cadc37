namespace Parallax.Core.Spin;

/// <summary>What the judge found for one unit.</summary>
/// <param name="Best">The candidate the restoring model prefers (-1 when none).</param>
/// <param name="Choice">The restoring model's log-likelihood ratio of that candidate against the found wording.</param>
/// <param name="PlainChoice">The plain model's ratio for the same candidate.</param>
/// <param name="LogRatio">The plain model's log-likelihood ratio of "a swap of some candidate" against "as found".</param>
/// <param name="DetectRatio">The same with the score's channel weight.</param>
/// <param name="Options">The unit's best candidates for the search over whole sentences (null when not searched).</param>
internal readonly record struct UnitVerdict(
    int Best, double Choice, double PlainChoice, double LogRatio, double DetectRatio, Shortlisted[]? Options);

/// <summary>Every unit's verdict, in text order, and the text's estimated share of swaps.</summary>
internal sealed record Judgement(UnitVerdict[] Verdicts, double Rate)
{
    public double[] LogRatios => Array.ConvertAll(Verdicts, v => v.LogRatio);

    public double[] DetectRatios => Array.ConvertAll(Verdicts, v => v.DetectRatio);
}

/// <summary>
/// Judges each unit of a text against its candidates with two models: the plain one (calibrated on natural text; it
/// drives the score and the estimate of the share of swaps) and the restoring one (trigram model, passage vectors, the
/// text's repeats), which chooses the synonym. Two passes: the first judges each unit with its neighbours as found
/// (left ones already restored), the second again with every neighbour as the first pass restored it, since a spinner
/// swaps neighbours too. Each unit's evidence is a log-likelihood ratio "swap of candidate k" against "written as
/// found".
/// </summary>
internal sealed class UnitJudge(SpinLexicon lexicon, PlainModel plain, NgramFit ngrams, SpinOptions options)
{
    public Judgement Judge(SpinText text, TextRepeats repeats, double[][] semantic)
    {
        var units = text.Units;
        var spunWords = text.Words;
        var words = (string[])text.Words.Clone();
        var phrase = NgramFit.NewSequence();
        var verdicts = new UnitVerdict[units.Count];
        var logRatio = new double[units.Count];
        var rate = options.RestorePrior;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var u = 0; u < units.Count; u++)
            {
                var unit = units[u];
                var prev = text.Prev(unit, words);
                var next = text.Next(unit, words);
                var around = lexicon.Around(prev, next);
                var keepSeen = PlainModel.SeenElsewhere(text.Document, unit, null);
                var keep = plain.LogContext(unit.Surface, around, text.Document, keepSeen);
                var (left2, left1, right1, right2) = ngrams.Context(words, text.SentenceStarts, unit);
                var keepNgram = options.NgramWeight
                    * ngrams.Phrase(left2, left1, ngrams.IdsOf(unit.Surface.Text), right1, right2, phrase);
                var asName = text.AsName(unit);
                // The found wording's own occurrence counts for neither cache (hence Max(1, n) for the name count).
                var keepRestoring = keep.Restoring(semantic[u][0]) + keepNgram
                    + options.CacheWeight * Math.Log(1 + keepSeen)
                    + options.PairCacheWeight * repeats.PairsElsewhere(prev, unit.Surface, next, spunWords, unit)
                    + (asName ? options.NameWeight * Math.Log(Math.Max(1, repeats.NameCount(unit.Surface.Text))) : 0);
                var shortlist = pass == 1 && options.JointOptions > 0 ? new List<Shortlisted>() : null;
                var keepDetecting = keep.Detecting;
                var best = -1;
                var choice = double.NegativeInfinity;
                var plainChoice = 0.0;
                var sum = 0.0;
                var detectSum = 0.0;
                for (var k = 0; k < unit.Candidates.Length; k++)
                {
                    var c = unit.Candidates[k];
                    var seen = PlainModel.SeenElsewhere(text.Document, unit, c.Lemma);
                    var fit = plain.LogContext(c.Word, around, text.Document, seen);
                    var plainRatio = fit.Detecting - keepDetecting;
                    var score = plainRatio + options.ChannelWeight * c.LogChannel;
                    sum += Math.Exp(Math.Clamp(score, -50, 50));
                    detectSum += Math.Exp(Math.Clamp(plainRatio + options.DetectChannelWeight * c.LogChannel, -50, 50));
                    var ngram = options.NgramWeight
                        * ngrams.Phrase(left2, left1, ngrams.IdsOf(c.Text), right1, right2, phrase);
                    var restoring = fit.Restoring(semantic[u][k + 1]) + ngram
                        + options.CacheWeight * Math.Log(1 + seen)
                        + options.PairCacheWeight * repeats.PairsElsewhere(prev, c.Word, next, null, unit)
                        + (asName ? options.NameWeight * Math.Log(1 + repeats.NameCount(c.Text)) : 0)
                        + options.ChoiceChannelWeight * c.LogChannel - keepRestoring;
                    shortlist?.Add(new Shortlisted(k, restoring - (ngram - keepNgram), restoring));

                    if (restoring > choice)
                    {
                        choice = restoring;
                        plainChoice = score;
                        best = k;
                    }
                }

                Shortlisted[]? shortlisted = null;
                if (shortlist is not null)
                {
                    shortlist.Sort((a, b) => b.Total.CompareTo(a.Total));
                    shortlisted = [.. shortlist.Take(options.JointOptions)];
                }

                logRatio[u] = Math.Log(sum);
                verdicts[u] = new UnitVerdict(best, choice, plainChoice, logRatio[u], Math.Log(detectSum), shortlisted);
                var chosen = choice + SpinScore.Logit(rate) > 0 ? best : -1;
                var wording = chosen >= 0 ? unit.Candidates[chosen].Word : unit.Surface;
                words[unit.First] = wording.First;
                words[unit.End - 1] = wording.Last;
            }

            if (options.Adaptive)
            {
                rate = SpinScore.EstimateRate(SpinScore.Open(logRatio, units), options.RestorePrior);
            }
        }

        return new Judgement(verdicts, rate);
    }
}
