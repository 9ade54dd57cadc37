using System.Net;
using System.Text;

namespace Parallax.Ingest.Feeds;

/// <summary>
/// Turns the text of a feed field into plain text. Feeds put HTML in titles and summaries, escape it once or
/// twice, and wrap it in CDATA (which the XML reader has already unwrapped): tags are dropped (the contents of
/// script and style with them), block elements become line breaks, entities are decoded, and runs of white space
/// are collapsed. One pass over the text, so a hostile field costs its length and no more.
/// </summary>
public static class FeedText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table",
        "section", "article", "figure", "figcaption", "hr", "dd", "dt", "header", "footer",
    };

    /// <summary>Plain text from a field that may hold HTML; null when nothing readable is left.</summary>
    public static string? ToPlain(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value;

        // Escaped twice ("&amp;lt;b&amp;gt;" arrives as "&lt;b&gt;"): decode once more before tags are dropped.
        for (var round = 0; round < 2 && LooksEscapedHtml(text); round++)
        {
            text = WebUtility.HtmlDecode(text);
        }

        var plain = text.Contains('<') ? StripTags(text) : WebUtility.HtmlDecode(text);
        return Collapse(plain);
    }

    /// <summary>Text that is already plain (an attribute, a type="text" field): white space collapsed to single spaces, nothing stripped.</summary>
    public static string? Squeeze(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Plain text on one line (for titles and names): paragraph breaks become spaces.</summary>
    public static string? ToPlainLine(string? value) => ToPlain(value)?.Replace("\n\n", " ", StringComparison.Ordinal);

    /// <summary>
    /// The text a field holds in base64, when it holds nothing else: one run of the base64 alphabet (at least 16
    /// characters, a multiple of 4) that decodes to valid UTF-8 text. Real prose always has spaces or punctuation
    /// outside that alphabet, so it is never taken for base64. Null when the field is not base64.
    /// </summary>
    public static string? FromBase64(string? value)
    {
        var text = value?.Trim();
        if (text is null || text.Length < 16 || text.Length % 4 != 0 || text.AsSpan().IndexOfAnyExcept(Base64Alphabet) >= 0)
        {
            return null;
        }

        var bytes = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text, bytes, out var written) || !System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(0, written)))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(bytes, 0, written);
        return decoded.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || !decoded.Contains(' ') ? null : decoded;
    }

    private static readonly System.Buffers.SearchValues<char> Base64Alphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    /// <summary>Whether the value holds markup (so a reader wants its paragraphs, not only its text).</summary>
    public static bool HasMarkup(string? value) => value is not null && (value.Contains('<') || LooksEscapedHtml(value));

    private static bool LooksEscapedHtml(string text) =>
        !text.Contains('<') && (text.Contains("&lt;", StringComparison.OrdinalIgnoreCase) || text.Contains("&#60;", StringComparison.Ordinal));

    private static string StripTags(string html)
    {
        var output = new StringBuilder(html.Length);
        var text = new StringBuilder();
        var i = 0;
        string? skipUntil = null;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                if (skipUntil is null)
                {
                    text.Append(html, i, html.Length - i);
                }

                break;
            }

            if (skipUntil is null)
            {
                text.Append(html, i, lt - i);
            }

            // A comment ends at "-->", a tag at the next '>'; an unterminated one runs to the end of the text.
            int end;
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            end = html.IndexOf('>', lt + 1);
            if (end < 0)
            {
                // A lone '<' ("a < b") is text, not a tag.
                if (skipUntil is null)
                {
                    text.Append(html, lt, html.Length - lt);
                }

                break;
            }

            var (name, closing) = TagName(html.AsSpan(lt + 1, end - lt - 1));
            if (name.Length == 0)
            {
                if (skipUntil is null)
                {
                    text.Append('<');
                }

                i = lt + 1;
                continue;
            }

            if (skipUntil is not null)
            {
                if (closing && name.Equals(skipUntil, StringComparison.OrdinalIgnoreCase))
                {
                    skipUntil = null;
                }
            }
            else if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                skipUntil = name;
            }
            else if (BlockTags.Contains(name))
            {
                Flush(text, output);
                output.Append('\n');
            }
            else if (name.Equals("img", StringComparison.OrdinalIgnoreCase))
            {
                text.Append(' ');
            }

            i = end + 1;
        }

        Flush(text, output);
        return output.ToString();
    }

    private static void Flush(StringBuilder text, StringBuilder output)
    {
        if (text.Length > 0)
        {
            output.Append(WebUtility.HtmlDecode(text.ToString()));
            text.Clear();
        }
    }

    private static (string Name, bool Closing) TagName(ReadOnlySpan<char> inside)
    {
        var closing = inside.StartsWith("/");
        var rest = closing ? inside[1..] : inside;
        var length = 0;
        while (length < rest.Length && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] is ':' or '-'))
        {
            length++;
        }

        // "<!DOCTYPE", "<?xml" and the like are markup with no text.
        if (length == 0 && rest.Length > 0 && rest[0] is '!' or '?')
        {
            return ("!", closing);
        }

        return length == 0 || !char.IsAsciiLetter(rest[0]) ? ("", closing) : (rest[..length].ToString(), closing);
    }

    /// <summary>White space collapsed within lines; paragraphs (line breaks) kept, blank runs of them made one blank line.</summary>
    private static string? Collapse(string text)
    {
        var output = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingBreak = false;
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                pendingBreak = output.Length > 0;
                pendingSpace = false;
            }
            else if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                pendingSpace = output.Length > 0;
            }
            else if (char.IsControl(c))
            {
                continue;
            }
            else
            {
                if (pendingBreak)
                {
                    output.Append("\n\n");
                }
                else if (pendingSpace)
                {
                    output.Append(' ');
                }

                pendingBreak = pendingSpace = false;
                output.Append(c);
            }
        }

        return output.Length == 0 ? null : output.ToString();
    }
}
