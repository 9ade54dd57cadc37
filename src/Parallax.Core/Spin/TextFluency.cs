namespace Parallax.Core.Spin;

/// <summary>What the trigram model says of a whole text as written, each share shrunk towards its reference.</summary>
/// <param name="Fluency">The mean of log10 P(word | two before) - log10 P(word).</param>
/// <param name="OddPairs">The share of words that the two before make less likely than they are anywhere (by more
/// than <see cref="TextFluency.OddBelow"/> in log10): "walk submerged", "exceptional top catalysts".</param>
internal readonly record struct FluencyReading(double Fluency, double OddPairs);

/// <summary>
/// How predictable a text's words are from the two before them, under the shipped trigram model: the mean of
/// log10 P(word | two before) - log10 P(word) over the words the model knows (numbers left out), function words
/// included, and the share of words whose context makes them less likely than they are in general. A spinner's swaps,
/// phrase and function-word swaps among them, put words where English seldom has them, so a spun text reads less
/// predictably than its original: on every one of the 32 SpinBot documents, and by 0.07 to 0.27. This is the language
/// model's evidence on the whole text as written, with no thesaurus and no spinner's dictionary.
/// </summary>
internal static class TextFluency
{
    /// <summary>The log10 drop below a word's own probability that makes its context odd.</summary>
    public const double OddBelow = 0.5;

    // Pseudo-words at the reference added to the mean, so that a short text (a headline, a caption) says little.
    private const double Shrinkage = 20;

    // Pseudo-words at the reference share added to the odd pairs' share; a share needs more words than a mean to settle.
    private const double OddShrinkage = 50;

    /// <param name="ids">The words' n-gram ids (<see cref="NgramFit.IdsOfWords"/>; numbers are left out here).</param>
    public static FluencyReading Of(SpinText text, int[] ids, NgramModel model, SpinOptions options)
    {
        var words = text.Words;
        var sum = 0.0;
        var counted = 0;
        var odd = 0;
        var (before2, before1) = (NgramModel.Unknown, NgramModel.Unknown);
        for (var t = 0; t < words.Length; t++)
        {
            if (text.SentenceStarts[t])
            {
                (before2, before1) = (NgramModel.Unknown, NgramModel.Unknown); // a sentence's first word has no context here
            }

            var id = words[t] == "0" ? NgramModel.Unknown : ids[t];
            if (id >= 0 && before1 >= 0)
            {
                var gain = model.Log10(before2, before1, id) - model.Log10(NgramModel.Unknown, NgramModel.Unknown, id);
                sum += gain;
                odd += gain < -OddBelow ? 1 : 0;
                counted++;
            }

            (before2, before1) = (before1, id);
        }

        // Written as the reference plus the shrunk difference, so that a text with no word to read lands on it exactly.
        return new FluencyReading(
            options.FluencyReference + ((sum - (counted * options.FluencyReference)) / (counted + Shrinkage)),
            options.OddPairReference + ((odd - (counted * options.OddPairReference)) / (counted + OddShrinkage)));
    }
}
