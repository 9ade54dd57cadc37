namespace Parallax.Core.Spin;

/// <summary>What the cheap screen read in a text.</summary>
/// <param name="Score">The spin score with every unit's neighbours as found (the full reading's first view of the
/// text, without its restorations of neighbours), 0..1.</param>
/// <param name="JudgedWords">Words and phrases with thesaurus alternatives that were weighed.</param>
/// <param name="Passes">Whether the text goes on to the full reading: the score is at or above
/// <see cref="SpinOptions.ScreenThreshold"/>, on the whole text.</param>
/// <param name="LanguageTerm">The trigram model's part of the score (<see cref="SpinScore.LanguageTerm"/>), which the
/// full reading adds to its own thesaurus evidence.</param>
/// <param name="Sampled">Whether the screen read a sample of a longer text (<see cref="ScreenSample"/>) rather than all of it.</param>
public sealed record SpinScreen(double Score, int JudgedWords, bool Passes, double LanguageTerm, bool Sampled);

/// <summary>
/// The screen every text passes before the full reading: the plain model's evidence that words are unusual thesaurus
/// substitutes where they stand (frequency, the Brown pairs with the neighbours as found, the text's own vocabulary,
/// the spinner's channel), folded into the same score with the trigram model's view of the text (fluency, odd pairs,
/// and whether it prefers each unit's likeliest candidate), in one pass and without the vectors or the search. The full score differs from it only in that the full reading judges each word again beside its
/// neighbours' restorations, so a threshold below the spun one lets through the texts the full reading would flag.
/// </summary>
internal sealed class ScreenModel(SpinLexicon lexicon, PlainModel plain, SpinOptions options)
{
    // Built with the first screen, which loads the trigram model; its memo of wordings' ids serves every thread.
    private readonly Lazy<NgramFit> ngrams = new(() => new NgramFit(lexicon.Thesaurus.Ngrams));

    /// <summary>The screen's reading of a text, or of a sample of it, which never passes a text on by itself.</summary>
    public SpinScreen Screen(SpinText text, bool sampled)
    {
        var units = text.Units;
        var detect = new double[units.Count];
        var best = new int[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            // Closed-class words are judged too: they leave the thesaurus score (SpinScore.Of skips them) but their
            // likeliest candidate goes to the language model's check (ContextPreference).
            var unit = units[u];
            var around = lexicon.Around(text.Prev(unit, text.Words), text.Next(unit, text.Words));
            var keep = plain.RelativeFit(
                unit.Surface, around, text.Document, PlainModel.SeenElsewhere(text.Document, unit, null));
            var sum = 0.0;
            var top = double.NegativeInfinity;
            best[u] = -1;
            // By reference: a candidate is a large struct, and a copy of each was a tenth of the screen's time.
            var candidates = unit.Candidates.AsSpan();
            for (var k = 0; k < candidates.Length; k++)
            {
                ref readonly var c = ref candidates[k];
                var fit = plain.RelativeFit(
                    c.Word, around, text.Document, PlainModel.SeenElsewhere(text.Document, unit, c.Lemma));
                var ratio = fit - keep + options.DetectChannelWeight * c.LogChannel;
                sum += Math.Exp(Math.Clamp(ratio, -50, 50));
                if (ratio > top)
                {
                    (top, best[u]) = (ratio, k);
                }
            }

            if (top < options.PreferenceFloor)
            {
                best[u] = -1; // the language model seldom prefers a candidate the plain model finds this unlikely
            }

            detect[u] = Math.Log(sum);
        }

        var score = SpinScore.Of(units, detect, options.DetectPrior);
        var language = LanguageTerm(text, best);
        score = Math.Clamp(score + language, 0, 1);
        return new SpinScreen(score, text.OpenUnits, !sampled && score >= options.ScreenThreshold, language, sampled);
    }

    // The trigram model's part of the score (SpinScore.LanguageTerm), read on the text as found; the full reading
    // takes it from here.
    private double LanguageTerm(SpinText text, int[] best)
    {
        // Each word's id is looked up once, for both readings.
        var ids = ngrams.Value.IdsOfWords(text.Words);
        var fluency = options.FluencyWeight > 0 || options.OddPairWeight > 0
            ? TextFluency.Of(text, ids, ngrams.Value.Model, options)
            : new FluencyReading(options.FluencyReference, options.OddPairReference);
        var preferred = options.PreferenceWeight > 0
            ? ContextPreference.Share(text, ids, best, ngrams.Value, options) : options.PreferenceReference;
        return SpinScore.LanguageTerm(fluency, preferred, options);
    }
}
