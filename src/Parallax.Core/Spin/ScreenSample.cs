using System.Text;
using Parallax.Core.Language;

namespace Parallax.Core.Spin;

/// <summary>
/// The part of a long text the cheap screen reads. A spinner rewrites a whole text at one rate, so a few hundred words
/// taken from across it say as much about that rate as all of them, and the screen's cost, which every article pays,
/// stops growing with the article. Runs of whole sentences are taken from evenly spaced places in the text, so every
/// word is read beside its own neighbours; a text within the budget is read whole, and so is every text the screen
/// sends on to the full reading.
/// </summary>
internal static class ScreenSample
{
    /// <summary>Places the sample is drawn from: the start, and three more spread over the rest.</summary>
    private const int Windows = 4;

    /// <summary>The text itself when it has at most <paramref name="budget"/> words (0: no limit), else the sample.</summary>
    public static string Of(string text, int budget)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (budget <= 0 || WordsIn(text.AsSpan()) <= budget)
        {
            return text;
        }

        var quota = Math.Max(1, budget / Windows);
        var sentences = Sentences(text);
        if (sentences.Count <= Windows)
        {
            return text; // a few enormous sentences: nothing to choose between
        }

        var sample = new StringBuilder(budget * 8);
        var taken = -1;
        for (var w = 0; w < Windows; w++)
        {
            var words = 0;
            for (var s = Math.Max(taken + 1, w * sentences.Count / Windows); s < sentences.Count && words < quota; s++)
            {
                var (start, length, count) = sentences[s];
                sample.Append(text, start, length).Append(' ');
                words += count;
                taken = s;
            }

            sample.Append('\n');
        }

        return sample.ToString();
    }

    /// <summary>The text's sentences (the language layer's splitter) with their words.</summary>
    private static List<(int Start, int Length, int Words)> Sentences(string text)
    {
        var spans = new List<(int Start, int End, int Paragraph)>();
        SentenceSplitter.Split(text, spans);
        var sentences = new List<(int, int, int)>(spans.Count);
        foreach (var (start, end, _) in spans)
        {
            var words = WordsIn(text.AsSpan(start, end - start));
            if (words > 0)
            {
                sentences.Add((start, end - start, words));
            }
        }

        return sentences;
    }

    private static int WordsIn(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            words += !isSpace && !inWord ? 1 : 0;
            inWord = !isSpace;
        }

        return words;
    }
}
