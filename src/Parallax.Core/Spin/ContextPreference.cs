namespace Parallax.Core.Spin;

/// <summary>
/// The language model's ratio in context, unit by unit: whether the trigram model, with the two words on either side
/// as found, prefers the plain model's likeliest candidate to the wording as written (the spinner's channel weighed
/// in, as in the plain model). Function words and thesaurus phrases count as much as content words: a spinner swaps
/// them too ("during" -> "amid"), and the model reads the phrase as a whole. One candidate a unit keeps it within the
/// screen's budget: the plain model has already put the likeliest first, and the share over the text is the evidence.
/// </summary>
internal static class ContextPreference
{
    // Pseudo-units at the reference share, so that a short text says little.
    private const double Shrinkage = 50;

    /// <summary>
    /// The share of units (shrunk towards <see cref="SpinOptions.PreferenceReference"/>) where the model prefers the
    /// candidate <paramref name="best"/> names (-1: none) to the wording as found.
    /// </summary>
    public static double Share(SpinText text, int[] ids, int[] best, NgramFit ngrams, SpinOptions options)
    {
        var units = text.Units;
        var single = new int[1];
        var sequence = NgramFit.NewSequence();
        var preferred = 0;
        for (var u = 0; u < units.Count; u++)
        {
            if (best[u] < 0)
            {
                continue;
            }

            var unit = units[u];
            var candidate = unit.Candidates[best[u]];
            var (left2, left1, right1, right2) = ngrams.Context(ids, text.SentenceStarts, unit);
            // A one-word unit's id is the text's own (no look-up); a phrase's ids come from the memo.
            var wording = unit.End - unit.First == 1 ? Single(single, ids[unit.First]) : ngrams.IdsOf(unit.Surface.Text);
            var found = ngrams.Phrase(left2, left1, wording, right1, right2, sequence);
            var other = ngrams.Phrase(left2, left1, ngrams.IdsOf(candidate.Text), right1, right2, sequence);
            preferred += other + candidate.LogChannel > found ? 1 : 0;
        }

        // The reference plus the shrunk difference: a text with no unit lands on the reference exactly.
        return options.PreferenceReference
            + ((preferred - (units.Count * options.PreferenceReference)) / (units.Count + Shrinkage));
    }

    private static int[] Single(int[] buffer, int id)
    {
        buffer[0] = id;
        return buffer;
    }
}
