using Parallax.Core.Language;

namespace Parallax.Core.Spin;

/// <summary>
/// How well a wording fits what the passage around it is about, by GloVe vectors (<see cref="WordVectors"/>): the
/// words beyond a unit's immediate neighbours tell its senses apart ("federal, state, county" against "he stated").
/// </summary>
internal sealed class SemanticFit(WordVectors vectors, SpinOptions options)
{
    // For each unit, how well its found wording (index 0) and each candidate (1..) fit what the passage around it is
    // about: the weighted cosine of the wording's GloVe vector with the sum of the vectors of the content words within
    // SemanticWindow tokens on either side (the unit itself left out). Computed once, on the words as found: the
    // spinner's swaps are synonyms, so they move the passage's vector little.
    public double[][] Of(SpinText text)
    {
        var (tokens, words, units) = (text.Tokens, text.Words, text.Units);
        var fits = new double[units.Count][];
        var weight = options.SemanticWeight;
        if (weight == 0)
        {
            for (var u = 0; u < units.Count; u++)
            {
                fits[u] = new double[units[u].Candidates.Length + 1];
            }

            return fits;
        }

        var ids = new int[tokens.Count];
        for (var t = 0; t < tokens.Count; t++)
        {
            ids[t] = StopLists.English.IsContentWord(words[t]) ? vectors.IdOf(words[t]) : -1;
        }

        // A sliding window over the tokens: units come in text order, so each token enters and leaves it once.
        var window = options.SemanticWindow;
        var sum = new float[vectors.Dimensions];
        var around = new float[vectors.Dimensions];
        var phrase = new float[vectors.Dimensions];
        int from = 0, to = 0;
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            for (; to < Math.Min(tokens.Count, unit.End + window); to++)
            {
                if (ids[to] >= 0)
                {
                    vectors.AddTo(sum, ids[to]);
                }
            }

            for (; from < Math.Max(0, unit.First - window); from++)
            {
                if (ids[from] >= 0)
                {
                    vectors.AddTo(sum, ids[from], -1);
                }
            }

            sum.CopyTo(around, 0);
            for (var t = unit.First; t < unit.End; t++)
            {
                if (ids[t] >= 0)
                {
                    vectors.AddTo(around, ids[t], -1);
                }
            }

            var length = Math.Sqrt(Dot(around, around));
            var row = fits[u] = new double[unit.Candidates.Length + 1];
            row[0] = weight * Similarity(unit.Surface.Text, around, length, phrase);
            for (var k = 0; k < unit.Candidates.Length; k++)
            {
                row[k + 1] = weight * Similarity(unit.Candidates[k].Text, around, length, phrase);
            }
        }

        return fits;
    }

    // Cosine of a wording's vector (the sum of its content words' vectors) with the passage's; 0 when unknown.
    private double Similarity(string wording, float[] around, double aroundLength, float[] phrase)
    {
        if (aroundLength <= 0)
        {
            return 0;
        }

        if (wording.IndexOf(' ') < 0)
        {
            return vectors.Cosine(vectors.IdOf(wording), around, aroundLength);
        }

        Array.Clear(phrase);
        foreach (var word in wording.Split(' '))
        {
            var id = StopLists.English.IsContentWord(word) ? vectors.IdOf(word) : -1;
            if (id >= 0)
            {
                vectors.AddTo(phrase, id);
            }
        }

        // A phrase with no known content word leaves the sum at zero, and length 0 says so.
        var length = Math.Sqrt(Dot(phrase, phrase));
        return length > 0 ? Dot(phrase, around) / length / aroundLength : 0;
    }

    private static double Dot(float[] a, float[] b)
    {
        var dot = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            dot += a[d] * b[d];
        }

        return dot;
    }
}
