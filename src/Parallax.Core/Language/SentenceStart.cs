namespace Parallax.Core.Language;

/// <summary>
/// The shared sentence-start rule for stages that look at one word without a <see cref="TextAnalysis"/>: a word
/// starts a sentence (and is capitalised for that reason alone) when nothing but spaces, opening quotes, brackets or
/// dashes stand between it and the start of the text, a line break, or a sentence's end (. ! ? : …). It does not know
/// abbreviations ("Mr. Doe" counts as a start); the analyser's <see cref="TokenFlags.SentenceInitial"/> does, and
/// replaces this rule once a stage reads the analysis.
/// </summary>
public static class SentenceStart
{
    public static bool At(ReadOnlySpan<char> text, int start)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '.' or '!' or '?' or ':' or '\u2026')
            {
                return true;
            }

            if (!(c is ' ' or '\t' or '"' or '\'' or '(' or '[' or '\u201C' or '\u2018' or '\u00AB' or '\u00A0' or '-' or '\u2013' or '\u2014'))
            {
                return false;
            }
        }

        return true;
    }
}
