namespace Parallax.Core.Spin;

/// <summary>
/// How predictable a text's words are from the two before them, under the shipped trigram model: the mean of
/// log10 P(word | two before) - log10 P(word) over the words the model knows (numbers left out), function words
/// included. A spinner's swaps, phrase and function-word swaps among them, put words where English seldom has them, so
/// a spun text reads less predictably than its original: on every one of the 32 SpinBot documents, and by 0.07 to 0.27.
/// This is the language model's evidence on the whole text as written, with no thesaurus and no spinner's dictionary.
/// </summary>
internal static class TextFluency
{
    // Pseudo-words at the reference added to the mean, so that a short text (a headline, a caption) says little.
    private const double Shrinkage = 20;

    public static double Of(SpinText text, NgramModel model, double reference)
    {
        var words = text.Words;
        var sum = 0.0;
        var counted = 0;
        var (before2, before1) = (NgramModel.Unknown, NgramModel.Unknown);
        for (var t = 0; t < words.Length; t++)
        {
            if (text.SentenceStarts[t])
            {
                (before2, before1) = (NgramModel.Unknown, NgramModel.Unknown); // a sentence's first word has no context here
            }

            var id = words[t] == "0" ? NgramModel.Unknown : model.IdOf(words[t]);
            if (id >= 0 && before1 >= 0)
            {
                sum += model.Log10(before2, before1, id) - model.Log10(NgramModel.Unknown, NgramModel.Unknown, id);
                counted++;
            }

            (before2, before1) = (before1, id);
        }

        return (sum + (Shrinkage * reference)) / (counted + Shrinkage);
    }
}
