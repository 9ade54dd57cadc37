namespace Parallax.Core.Spin;

/// <summary>What the cheap screen read in a text.</summary>
/// <param name="Score">The spin score with every unit's neighbours as found (the full reading's first view of the
/// text, without its restorations of neighbours), 0..1.</param>
/// <param name="JudgedWords">Words and phrases with thesaurus alternatives that were weighed.</param>
/// <param name="Passes">Whether the text goes on to the full reading: the score is at or above
/// <see cref="SpinOptions.ScreenThreshold"/>.</param>
public sealed record SpinScreen(double Score, int JudgedWords, bool Passes);

/// <summary>
/// The screen every text passes before the full reading: the plain model's evidence that words are unusual thesaurus
/// substitutes where they stand (frequency, the Brown pairs with the neighbours as found, the text's own vocabulary,
/// the spinner's channel), folded into the same score, in one pass and without the trigram model, the vectors or the
/// search. The full score differs from it only in that the full reading judges each word again beside its
/// neighbours' restorations, so a threshold below the spun one lets through the texts the full reading would flag.
/// </summary>
internal sealed class ScreenModel(SpinLexicon lexicon, PlainModel plain, SpinOptions options)
{
    public SpinScreen Screen(SpinText text)
    {
        var units = text.Units;
        var detect = new double[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            if (unit.Closed)
            {
                continue; // closed-class words do not count towards the score
            }

            var around = lexicon.Around(text.Prev(unit, text.Words), text.Next(unit, text.Words));
            var keep = plain.RelativeFit(
                unit.Surface, around, text.Document, PlainModel.SeenElsewhere(text.Document, unit, null));
            var sum = 0.0;
            // By reference: a candidate is a large struct, and a copy of each was a tenth of the screen's time.
            foreach (ref readonly var c in unit.Candidates.AsSpan())
            {
                var fit = plain.RelativeFit(
                    c.Word, around, text.Document, PlainModel.SeenElsewhere(text.Document, unit, c.Lemma));
                sum += Math.Exp(Math.Clamp(fit - keep + options.DetectChannelWeight * c.LogChannel, -50, 50));
            }

            detect[u] = Math.Log(sum);
        }

        var score = SpinScore.Of(units, detect, options.DetectPrior);
        if (options.FluencyWeight > 0)
        {
            score = SpinScore.WithFluency(score, TextFluency.Of(text, lexicon.Thesaurus.Ngrams, options.FluencyReference), options);
        }

        return new SpinScreen(score, text.OpenUnits, score >= options.ScreenThreshold);
    }
}
