namespace Parallax.Core.Extraction.Html;

/// <summary>What building a page's tree would cost, from <see cref="TreeScan"/>.</summary>
/// <param name="Depth">The deepest stack of open elements reached (html and body included).</param>
/// <param name="Nodes">Elements and text runs the tree builder would create, copies of formatting elements included.</param>
/// <param name="Steps">Tags read plus open elements walked past by scope checks and end tags.</param>
/// <param name="Refusal">The budget the page passes, in words, or null when it stays within all of them.</param>
/// <param name="Strays">End tags the tree builder would ignore, to cut before parsing; empty unless there are many.</param>
internal readonly record struct TreeEstimate(int Depth, long Nodes, long Steps, string? Refusal, IReadOnlyList<Range> Strays);

/// <summary>
/// Reads a document's tags as the HTML5 tokenizer does (comments, including those closed by "--!&gt;"; raw-text
/// elements such as script, xmp and plaintext, whose content is text; quoted attribute values that hold a
/// "&gt;") and feeds them to a <see cref="TreeModel"/>, before AngleSharp sees the page. The tree builder's
/// worst cases (deep stacks, formatting elements re-opened in every paragraph, stray end tags walking a deep stack)
/// cost it minutes and gigabytes; here they cost a linear pass that stops at the first budget passed.
/// </summary>
internal static class TreeScan
{
    /// <summary>Distinct tag names kept as shared strings; past this, names are allocated per tag (junk pages only).</summary>
    private const int MaxInternedNames = 4_096;

    /// <summary>
    /// Stray end tags are cut before parsing once a page holds this many: no real page does, and AngleSharp spends a
    /// parse error and a stack walk on each. Below it the page goes to the parser exactly as it is.
    /// </summary>
    private const int StraysToDrop = 1_000;

    public static TreeEstimate Scan(ReadOnlySpan<char> html, ExtractionOptions options)
    {
        var model = new TreeModel(options);
        var names = new Dictionary<string, TagName>(StringComparer.Ordinal);
        model.Begin(Name("html", names), Name("body", names));
        var strays = new List<Range>();
        var text = false;
        var i = 0;
        while (i < html.Length && model.Refusal is null)
        {
            var lt = html[i..].IndexOf('<');
            if (lt < 0)
            {
                text = true;
                break;
            }

            text |= lt > 0;
            i += lt;
            var next = i + 1 < html.Length ? html[i + 1] : '\0';
            if (next == '!')
            {
                i = html[(i + 2)..].StartsWith("--") ? CommentEnd(html, i) : AfterGt(html, i);
                continue;
            }

            if (next == '?' || (next == '/' && !(i + 2 < html.Length && char.IsAsciiLetter(html[i + 2]))))
            {
                // A processing instruction, "</>" or "</ 3": bogus comments to the next '>'.
                i = AfterGt(html, i);
                continue;
            }

            var closing = next == '/';
            var nameStart = closing ? i + 2 : i + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // A '<' that opens no tag is text.
                text = true;
                i++;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && html[nameEnd] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>'))
            {
                nameEnd++;
            }

            var (attributes, selfClosing, tagEnd) = Attributes(html, nameEnd);
            if (tagEnd < 0)
            {
                // A tag cut off by the end of the document is dropped by the tokenizer.
                break;
            }

            if (text)
            {
                model.Text();
                text = false;
            }

            var name = Name(html[nameStart..nameEnd], names);
            var tagStart = i;
            i = tagEnd;
            if (closing)
            {
                if (model.EndTag(name))
                {
                    strays.Add(new Range(tagStart, tagEnd));
                }

                continue;
            }

            model.StartTag(name, attributes, selfClosing);
            if (name.Name == "plaintext")
            {
                // Everything after <plaintext> is text: no tag ever closes it.
                text = i < html.Length;
                break;
            }

            if (TagNames.IsRawText(name.Name))
            {
                var end = RawTextEnd(html, i, name.Name);
                text = end > i;
                i = end;
            }
        }

        if (text && model.Refusal is null)
        {
            model.Text();
        }

        return new TreeEstimate(model.Deepest, model.Nodes, model.Steps, model.Refusal, strays.Count >= StraysToDrop ? strays : []);
    }

    /// <summary>The document without the given stray end tags, which the tree builder would ignore one by one.</summary>
    public static string WithoutStrays(string html, IReadOnlyList<Range> strays)
    {
        if (strays.Count == 0)
        {
            return html;
        }

        var builder = new System.Text.StringBuilder(html.Length);
        var copied = 0;
        foreach (var stray in strays)
        {
            var (start, length) = stray.GetOffsetAndLength(html.Length);
            builder.Append(html, copied, start - copied);
            copied = start + length;
        }

        return builder.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>
    /// Where a comment that starts at <paramref name="at"/> ("&lt;!--") ends: after "--&gt;" or "--!&gt;", or
    /// at once for the abrupt "&lt;!--&gt;" and "&lt;!---&gt;"; the end of the document when it is never closed.
    /// </summary>
    public static int CommentEnd(ReadOnlySpan<char> html, int at)
    {
        var body = at + 4;
        if (html[body..].StartsWith(">"))
        {
            return body + 1;
        }

        if (html[body..].StartsWith("->"))
        {
            return body + 2;
        }

        var from = body;
        while (from < html.Length)
        {
            var dashes = html[from..].IndexOf("--");
            if (dashes < 0)
            {
                break;
            }

            var after = from + dashes + 2;
            if (html[after..].StartsWith(">"))
            {
                return after + 1;
            }

            if (html[after..].StartsWith("!>"))
            {
                return after + 2;
            }

            from = from + dashes + 1;
        }

        return html.Length;
    }

    private static int AfterGt(ReadOnlySpan<char> html, int from)
    {
        var gt = html[from..].IndexOf('>');
        return gt < 0 ? html.Length : from + gt + 1;
    }

    /// <summary>Reads a tag's attributes from just after its name to its '&gt;', honouring quoted values.</summary>
    /// <returns>A hash of the attribute text (formatting elements with the same one count as identical), whether the
    /// tag ends in "/&gt;", and the index just after the tag, or -1 when the document ends inside it.</returns>
    private static (int Attributes, bool SelfClosing, int End) Attributes(ReadOnlySpan<char> html, int from)
    {
        var i = from;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                var attributes = html[from..i].Trim();
                var selfClosing = attributes.EndsWith("/");
                return (string.GetHashCode(attributes), selfClosing, i + 1);
            }

            if (c == '=')
            {
                i++;
                while (i < html.Length && html[i] is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var close = html[(i + 1)..].IndexOf(html[i]);
                    if (close < 0)
                    {
                        return (0, false, -1);
                    }

                    i += close + 2;
                    continue;
                }
            }

            i++;
        }

        return (0, false, -1);
    }

    /// <summary>Where the text of a raw-text or RCDATA element ends: at its own end tag, or the end of the document.</summary>
    private static int RawTextEnd(ReadOnlySpan<char> html, int from, string name)
    {
        var i = from;
        while (i < html.Length)
        {
            var close = html[i..].IndexOf("</");
            if (close < 0)
            {
                return html.Length;
            }

            var at = i + close;
            var after = at + 2 + name.Length;
            if (after <= html.Length && html.Slice(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == html.Length || html[after] is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>'))
            {
                return at;
            }

            i = at + 2;
        }

        return html.Length;
    }

    private static TagName Name(ReadOnlySpan<char> raw, Dictionary<string, TagName> names)
    {
        Span<char> buffer = stackalloc char[32];
        var lower = raw.Length <= buffer.Length ? buffer[..raw.Length] : new char[raw.Length];
        raw.ToLowerInvariant(lower);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(lower, out var known))
        {
            return known;
        }

        var name = new TagName(new string(lower));
        if (names.Count < MaxInternedNames)
        {
            names[name.Name] = name;
        }

        return name;
    }
}
