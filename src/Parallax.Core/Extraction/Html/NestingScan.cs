namespace Parallax.Core.Extraction.Html;

/// <summary>
/// Measures how deep a document's elements nest, from its tags alone, before it is parsed. An HTML5 tree builder
/// checks the stack of open elements at each start tag, so a page of 100,000 nested divs costs it minutes; real
/// pages nest a few dozen levels deep, so a page far past the limit is refused instead.
/// </summary>
internal static class NestingScan
{
    /// <summary>The deepest nesting a page may reach; real news pages stay far below it.</summary>
    public const int Limit = 2_000;

    /// <summary>The nesting depth reached, counting up to just past <paramref name="limit"/> and stopping there.</summary>
    public static int Depth(ReadOnlySpan<char> html, int limit = Limit)
    {
        var depth = 0;
        var deepest = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }

            i += lt + 1;
            if (i >= html.Length)
            {
                break;
            }

            if (html[i..].StartsWith("!--"))
            {
                var end = html[i..].IndexOf("-->");
                i = end < 0 ? html.Length : i + end + 3;
                continue;
            }

            var closing = html[i] == '/';
            var nameStart = closing ? i + 1 : i;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart)
            {
                continue;
            }

            var name = html[nameStart..nameEnd];
            var gt = html[nameEnd..].IndexOf('>');
            var tagEnd = gt < 0 ? html.Length : nameEnd + gt;
            i = Math.Min(html.Length, tagEnd + 1);
            if (IsRawText(name) && !closing)
            {
                // Skip a script's or style's text: "<div>" inside a string is not a tag.
                i = SkipRawText(html, i, name);
                continue;
            }

            if (!Nests(name) || (tagEnd > 0 && html[tagEnd - 1] == '/'))
            {
                continue;
            }

            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > deepest)
            {
                deepest = depth;
                if (deepest > limit)
                {
                    return deepest;
                }
            }
        }

        return deepest;
    }

    private static bool IsRawText(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)
        || name.Equals("textarea", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase);

    private static int SkipRawText(ReadOnlySpan<char> html, int from, ReadOnlySpan<char> name)
    {
        var i = from;
        while (i < html.Length)
        {
            var close = html[i..].IndexOf("</");
            if (close < 0)
            {
                return html.Length;
            }

            i += close + 2;
            if (html.Length - i >= name.Length && html.Slice(i, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i + name.Length;
            }
        }

        return html.Length;
    }

    /// <summary>
    /// Whether a tag opens a level that lasts until its end tag. Void elements never do, and elements whose end tag
    /// is optional (p, li, td...) are closed by their next sibling, so an unclosed run of them does not nest.
    /// </summary>
    private static bool Nests(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[12];
        if (name.Length > lower.Length)
        {
            return true;
        }

        var n = name.ToLowerInvariant(lower);
        return lower[..n] switch
        {
            "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input" or "link" or "meta" or "source"
                or "track" or "wbr" or "param" or "keygen" or "p" or "li" or "dt" or "dd" or "option" or "optgroup"
                or "tr" or "td" or "th" or "thead" or "tbody" or "tfoot" or "colgroup" or "caption" or "rb" or "rt"
                or "rp" or "rtc" or "html" or "head" or "body" or "frame" or "basefont" or "bgsound" or "image" => false,
            _ => true,
        };
    }
}
