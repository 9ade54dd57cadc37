namespace Parallax.Core.Language;

/// <summary>The writing systems Parallax tells apart. <see cref="Other"/> covers the rest (symbols, rare scripts).</summary>
public enum Script : byte
{
    Other = 0,
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Devanagari,
    Bengali,
    Tamil,
    Thai,
    Lao,
    Georgian,
    Hangul,
    Hiragana,
    Katakana,
    Han,
    Khmer,
    Myanmar,
    Ethiopic,
}

/// <summary>
/// The one table of scripts: which script a letter belongs to, and which scripts are written without spaces between
/// words. Ranges are the Unicode blocks (basic plane only: the tokenizer works on UTF-16 code units, and the rare
/// astral Han extensions fall back to <see cref="Script.Other"/>).
/// </summary>
public static class Scripts
{
    // Sorted by start, so that a binary search finds a letter's block.
    private static readonly (char First, char Last, Script Script)[] Ranges =
    [
        ('A', 'Z', Script.Latin),
        ('a', 'z', Script.Latin),
        ('\u00C0', '\u024F', Script.Latin),
        ('\u0370', '\u03FF', Script.Greek),
        ('\u0400', '\u052F', Script.Cyrillic),
        ('\u0530', '\u058F', Script.Armenian),
        ('\u0590', '\u05FF', Script.Hebrew),
        ('\u0600', '\u06FF', Script.Arabic),
        ('\u0750', '\u077F', Script.Arabic),
        ('\u0900', '\u097F', Script.Devanagari),
        ('\u0980', '\u09FF', Script.Bengali),
        ('\u0B80', '\u0BFF', Script.Tamil),
        ('\u0E00', '\u0E7F', Script.Thai),
        ('\u0E80', '\u0EFF', Script.Lao),
        ('\u1000', '\u109F', Script.Myanmar),
        ('\u10A0', '\u10FF', Script.Georgian),
        ('\u1100', '\u11FF', Script.Hangul),
        ('\u1200', '\u139F', Script.Ethiopic),
        ('\u1780', '\u17FF', Script.Khmer),
        ('\u1E00', '\u1EFF', Script.Latin),
        ('\u1F00', '\u1FFF', Script.Greek),
        ('\u3040', '\u309F', Script.Hiragana),
        ('\u30A0', '\u30FF', Script.Katakana),
        ('\u3130', '\u318F', Script.Hangul),
        ('\u3400', '\u4DBF', Script.Han),
        ('\u4E00', '\u9FFF', Script.Han),
        ('\uAC00', '\uD7AF', Script.Hangul),
        ('\uF900', '\uFAFF', Script.Han),
        ('\uFB50', '\uFDFF', Script.Arabic),
        ('\uFE70', '\uFEFF', Script.Arabic),
        ('\uFF21', '\uFF3A', Script.Latin),
        ('\uFF41', '\uFF5A', Script.Latin),
    ];

    /// <summary>The script of one character; digits, punctuation and spaces are <see cref="Script.Other"/>.</summary>
    public static Script Of(char c)
    {
        if (c < 'A')
        {
            return Script.Other;
        }

        if (c <= 'z')
        {
            // The common case, without the search.
            return char.IsAsciiLetter(c) ? Script.Latin : Script.Other;
        }

        int lo = 0, hi = Ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var (first, last, script) = Ranges[mid];
            if (c < first)
            {
                hi = mid - 1;
            }
            else if (c > last)
            {
                lo = mid + 1;
            }
            else
            {
                return script;
            }
        }

        return Script.Other;
    }

    /// <summary>Han, kana, Thai, Lao, Khmer and Myanmar: scripts that do not put spaces between words.</summary>
    public static bool IsSpaceless(Script script) => script is Script.Han or Script.Hiragana or Script.Katakana
        or Script.Thai or Script.Lao or Script.Khmer or Script.Myanmar;

    public static bool IsSpaceless(char c) => IsSpaceless(Of(c));

    /// <summary>The script most letters of a text are written in, or <see cref="Script.Other"/> when it has no letters.</summary>
    public static Script Dominant(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[(int)Script.Ethiopic + 1];
        foreach (var c in text)
        {
            counts[(int)Of(c)]++;
        }

        // Japanese mixes kana with Han: any real share of kana makes the text Japanese rather than Chinese.
        var kana = counts[(int)Script.Hiragana] + counts[(int)Script.Katakana];
        if (kana > 0 && kana * 10 >= counts[(int)Script.Han])
        {
            counts[(int)Script.Hiragana] += counts[(int)Script.Han] + counts[(int)Script.Katakana];
            counts[(int)Script.Han] = 0;
            counts[(int)Script.Katakana] = 0;
        }

        var best = Script.Other;
        var bestCount = 0;
        for (var s = 1; s < counts.Length; s++)
        {
            if (counts[s] > bestCount)
            {
                best = (Script)s;
                bestCount = counts[s];
            }
        }

        return best;
    }
}
