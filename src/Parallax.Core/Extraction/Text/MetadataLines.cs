namespace Parallax.Core.Extraction.Text;

/// <summary>Reads the values out of metadata lines: a source name, an author (dates: <see cref="Language.DateParser.FromLine"/>).</summary>
internal static class MetadataLines
{
    /// <summary>The source a source-shaped line names ("- Russia Today", "Source: Valemont Daily", "Valemont Daily").</summary>
    public static string? SourceOf(TextLine line)
    {
        var text = line.Text.AsSpan();
        switch (line.Shape)
        {
            case LineShape.DashSource:
                return Clean(text[1..]);
            case LineShape.LabelSource:
                var colon = text.IndexOf(':');
                if (colon >= 0)
                {
                    return Clean(text[(colon + 1)..]);
                }

                var space = text.IndexOf(' ');
                return space < 0 ? null : Clean(text[(space + 1)..]);
            case LineShape.Short:
                return Clean(text);
            default:
                return null;
        }
    }

    /// <summary>The author a byline names ("By Jane Doe and Tom Roe" gives "Jane Doe and Tom Roe").</summary>
    public static string? AuthorOf(TextLine line)
    {
        if (line.Shape != LineShape.Byline)
        {
            return null;
        }

        var text = line.Text.AsSpan(2);
        var cut = text.IndexOfAny('|', '•', '·');
        return Clean(cut >= 0 ? text[..cut] : text);
    }

    private static string? Clean(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim().Trim(" -–—:,;[]()").Trim();
        return trimmed.IsEmpty ? null : trimmed.ToString();
    }
}
