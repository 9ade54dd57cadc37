using System.Text;

namespace Parallax.Core.Extraction.Html;

/// <summary>
/// Cuts what a reader never sees out of the source before parsing: the text of scripts (except JSON-LD, which carries
/// the article's metadata), style sheets, comments, inline SVG drawings and noscript fallbacks. On news pages that
/// is more than half the bytes, and the HTML tokenizer would otherwise walk every one of them character by
/// character. The elements themselves stay (empty), so the document's shape does not change.
/// </summary>
internal static class HtmlPrefilter
{
    public static string Strip(string html)
    {
        var source = html.AsSpan();
        var builder = new StringBuilder(html.Length);
        var copied = 0;
        var i = 0;
        while (i < source.Length)
        {
            var lt = source[i..].IndexOf('<');
            if (lt < 0)
            {
                break;
            }

            i += lt;
            var rest = source[i..];
            if (rest.Length < 2 || (rest[1] | 0x20) is not ('s' or 'n' or '!'))
            {
                // Most tags are neither a comment nor one of the four elements emptied here: skip them cheaply.
                i++;
                continue;
            }

            if (rest.StartsWith("<!--"))
            {
                // Ends where the tokenizer ends it: "-->", "--!>" or the abrupt "<!-->"; a search for "-->" alone
                // would run past a "--!>" and drop the rest of the page with the comment.
                var stop = TreeScan.CommentEnd(source, i);
                builder.Append(source[copied..i]);
                copied = stop;
                i = stop;
                continue;
            }

            var name = TagName(rest);
            if (name is null)
            {
                i++;
                continue;
            }

            var startEnd = rest.IndexOf('>');
            if (startEnd < 0)
            {
                break;
            }

            var contentStart = i + startEnd + 1;
            if (name == "script" && IsJsonLd(rest[..startEnd]))
            {
                i = contentStart;
                continue;
            }

            var close = source[contentStart..].IndexOf(name == "svg" ? "</svg" : "</" + name, StringComparison.OrdinalIgnoreCase);
            var contentEnd = close < 0 ? source.Length : contentStart + close;

            // Keep the start tag and drop the content; the end tag (from contentEnd on) is copied later.
            builder.Append(source[copied..contentStart]);
            copied = contentEnd;
            i = contentEnd;
        }

        if (copied == 0)
        {
            return html;
        }

        builder.Append(source[copied..]);
        return builder.ToString();
    }

    /// <summary>The element whose content is to go, when <paramref name="tag"/> opens one; else null.</summary>
    private static string? TagName(ReadOnlySpan<char> tag)
    {
        foreach (var name in (ReadOnlySpan<string>)["script", "style", "svg", "noscript"])
        {
            if (tag.Length > name.Length + 1 && tag.Slice(1, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && tag[name.Length + 1] is ' ' or '>' or '\t' or '\n' or '\r' or '/' or '\f')
            {
                return name;
            }
        }

        return null;
    }

    private static bool IsJsonLd(ReadOnlySpan<char> startTag) => startTag.Contains("ld+json", StringComparison.OrdinalIgnoreCase);
}
