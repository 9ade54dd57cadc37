namespace Parallax.Core.Stories;

/// <summary>
/// Turns a passage into a dense, unit-length vector whose dot product with another passage's vector says how alike
/// their meanings are (a sentence-embedding model). Story clustering asks for one only where the cheap lexical
/// decision is in doubt (<see cref="StoryOptions.AmbiguousLow"/> .. <see cref="StoryOptions.AmbiguousHigh"/>),
/// because a model costs tens of milliseconds per passage. Implementations must be thread-safe and deterministic:
/// the same passage always gives the same vector. The core holds no model; Parallax.Embeddings ships one.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Length of every vector returned.</summary>
    int Dimensions { get; }

    /// <summary>A unit-length vector for the passage (an empty passage gives a zero vector).</summary>
    float[] Embed(string passage);
}

/// <summary>What the embedding sees of a report, and how two embeddings compare.</summary>
public static class EmbeddingPassage
{
    /// <summary>
    /// Title and lead with all whitespace collapsed to single spaces (the model's tokenizer splits only on spaces,
    /// and turns a word glued to a newline into an unknown token), cut to <paramref name="maxWords"/> words: the
    /// lead says what the event is; the rest of a long article adds background that blurs it.
    /// </summary>
    public static string Of(string? title, string text, int maxWords)
    {
        var builder = new System.Text.StringBuilder(Math.Min((title?.Length ?? 0) + text.Length + 2, maxWords * 8));
        var words = 0;
        Append(title, builder, ref words, maxWords);
        if (builder.Length > 0 && !EndsSentence(builder))
        {
            // The title is a sentence of its own; without a stop the model reads it into the lead's first sentence.
            builder.Append('.');
        }

        Append(text, builder, ref words, maxWords);
        return builder.ToString();
    }

    /// <summary>Dot product of two unit vectors (their cosine); 0 when either is missing or empty.</summary>
    public static double Cosine(float[]? a, float[]? b)
    {
        if (a is null || b is null || a.Length == 0 || a.Length != b.Length)
        {
            return 0;
        }

        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static bool EndsSentence(System.Text.StringBuilder builder) => builder[^1] is '.' or '!' or '?' or ':';

    private static void Append(string? text, System.Text.StringBuilder builder, ref int words, int maxWords)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length && words < maxWords)
        {
            while (i < span.Length && char.IsWhiteSpace(span[i]))
            {
                i++;
            }

            var start = i;
            while (i < span.Length && !char.IsWhiteSpace(span[i]))
            {
                i++;
            }

            if (i > start)
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(span[start..i]);
                words++;
            }
        }
    }
}
