namespace Parallax.Core.Language;

/// <summary>A word's place in a text: where it starts and how long it is. Strings are made only at the edges.</summary>
public readonly record struct TokenSpan(int Start, int Length)
{
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);

    public string ToString(string text) => text.Substring(Start, Length);
}

/// <summary>
/// Splits text into words: maximal runs of letters, digits and marks, with inner apostrophes, hyphens and
/// decimal points kept ("don't", "well-known", "3.5"). Allocation-free: enumerate it with foreach.
/// </summary>
public ref struct WordTokenizer
{
    private readonly ReadOnlySpan<char> text;
    private int position;

    public WordTokenizer(ReadOnlySpan<char> text)
    {
        this.text = text;
        position = 0;
        Current = default;
    }

    public TokenSpan Current { get; private set; }

    public readonly WordTokenizer GetEnumerator() => this;

    public bool MoveNext()
    {
        var i = position;
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }

        if (i >= text.Length)
        {
            position = i;
            return false;
        }

        var start = i;
        while (i < text.Length)
        {
            if (IsWordChar(text[i]))
            {
                i++;
            }
            else if (IsJoiner(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]) && i > start)
            {
                // A joiner inside a word: an apostrophe or hyphen between letters, a point or comma between digits.
                var digits = char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);
                if (text[i] is '.' or ',' && !digits)
                {
                    break;
                }

                i++;
            }
            else
            {
                break;
            }
        }

        Current = new TokenSpan(start, i - start);
        position = i;
        return true;
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static bool IsJoiner(char c) => c is '\'' or '\u2019' or '-' or '.' or ',';

    /// <summary>The words of a text as lower-case strings; for the edges, not for hot paths.</summary>
    public static List<string> LowerWords(string text)
    {
        var words = new List<string>();
        foreach (var token in new WordTokenizer(text))
        {
            words.Add(token.In(text).ToString().ToLowerInvariant());
        }

        return words;
    }

    /// <summary>
    /// Whether <paramref name="count"/> tokens from <paramref name="first"/> stand one plain space apart, as the words
    /// of a phrase do (a line break or punctuation between them ends the phrase).
    /// </summary>
    public static bool SingleSpaced(string text, List<TokenSpan> tokens, int first, int count)
    {
        for (var k = first; k < first + count - 1; k++)
        {
            var gapStart = tokens[k].Start + tokens[k].Length;
            if (tokens[k + 1].Start - gapStart != 1 || text[gapStart] != ' ')
            {
                return false;
            }
        }

        return true;
    }
}
