namespace Parallax.Core.Spin;

/// <summary>Carries a word's capitalisation over to its replacement: "Street" -> "Road", "NEWS" -> "TIDINGS".</summary>
public static class WordCase
{
    public static string Apply(ReadOnlySpan<char> source, string replacement)
    {
        if (replacement.Length == 0 || source.Length == 0)
        {
            return replacement;
        }

        var upper = 0;
        var letters = 0;
        foreach (var c in source)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }

        if (letters > 1 && upper == letters)
        {
            return replacement.ToUpperInvariant();
        }

        if (char.IsUpper(source[0]))
        {
            return string.Concat(char.ToUpperInvariant(replacement[0]).ToString(), replacement.AsSpan(1));
        }

        return replacement;
    }
}
