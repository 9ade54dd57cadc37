using System.Globalization;
using System.Text;

namespace Parallax.Core.Language;

/// <summary>
/// A word or phrase in lower case without accents, so that "Türkiye" and "Turkiye" spell one word: how coverage's term
/// variants and the stores' full-text indexes (unicode61 with diacritics removed) compare words.
/// </summary>
public static class WordFolding
{
    public static string Fold(ReadOnlySpan<char> text)
    {
        // ASCII has no accents to take off, and most words are ASCII: no normalisation for them.
        if (Ascii.IsValid(text))
        {
            return text.ToString().ToLowerInvariant();
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
