namespace Parallax.Core.Extraction.Html;

/// <summary>The categories of the HTML5 tree-construction rules that a tag name falls in.</summary>
[Flags]
internal enum TagFlags : ushort
{
    None = 0,

    /// <summary>The spec's "special" category: a stray end tag stops at it, the adoption agency's furthest block.</summary>
    Special = 1,

    /// <summary>No content and no end tag.</summary>
    Void = 2,

    /// <summary>Its start tag closes an open p first.</summary>
    ClosesP = 4,

    Heading = 8,

    /// <summary>Closed implicitly by the end tag of an ancestor (p, li, dd, dt, option...).</summary>
    ImpliedEnd = 16,

    /// <summary>Ends the default scope (and so the button and list-item scopes).</summary>
    ScopeBoundary = 32,

    /// <summary>Ends the table scope.</summary>
    TableBoundary = 64,

    /// <summary>Ends the button scope besides the default boundaries.</summary>
    ButtonBoundary = 128,

    /// <summary>Ends the list-item scope besides the default boundaries.</summary>
    ListBoundary = 256,

    /// <summary>An end tag runs the adoption agency for it.</summary>
    Formatting = 512,
}

/// <summary>Looks up <see cref="TagFlags"/> for a lower-case tag name.</summary>
internal static class TagNames
{
    public static TagFlags Of(string name)
    {
        var flags = TagFlags.None;
        if (IsVoid(name))
        {
            flags |= TagFlags.Void | TagFlags.Special;
        }

        if (ClosesP(name))
        {
            flags |= TagFlags.ClosesP | TagFlags.Special;
        }

        if (name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
        {
            flags |= TagFlags.Heading | TagFlags.Special;
        }

        if (name is "applet" or "body" or "button" or "caption" or "colgroup" or "dd" or "dt" or "head" or "html" or "iframe"
            or "li" or "marquee" or "noembed" or "noframes" or "noscript" or "object" or "script" or "select" or "style"
            or "table" or "tbody" or "td" or "template" or "textarea" or "tfoot" or "th" or "thead" or "title" or "tr")
        {
            flags |= TagFlags.Special;
        }

        if (name is "dd" or "dt" or "li" or "optgroup" or "option" or "p" or "rb" or "rp" or "rt" or "rtc")
        {
            flags |= TagFlags.ImpliedEnd;
        }

        if (name is "applet" or "caption" or "html" or "table" or "td" or "th" or "marquee" or "object" or "template")
        {
            flags |= TagFlags.ScopeBoundary;
        }

        if (name is "html" or "table" or "template")
        {
            flags |= TagFlags.TableBoundary;
        }

        if (name == "button")
        {
            flags |= TagFlags.ButtonBoundary;
        }

        if (name is "ol" or "ul")
        {
            flags |= TagFlags.ListBoundary;
        }

        if (name is "a" or "b" or "big" or "code" or "em" or "font" or "i" or "nobr" or "s" or "small" or "strike" or "strong" or "tt" or "u")
        {
            flags |= TagFlags.Formatting;
        }

        return flags;
    }

    public static bool IsVoid(string name) => name is "area" or "base" or "basefont" or "bgsound" or "br" or "col" or "embed"
        or "frame" or "hr" or "image" or "img" or "input" or "keygen" or "link" or "meta" or "param" or "source" or "track" or "wbr";

    /// <summary>Elements whose content the tokenizer reads as text up to their own end tag.</summary>
    public static bool IsRawText(string name) => name is "script" or "style" or "xmp" or "iframe" or "noembed"
        or "noframes" or "textarea" or "title";

    private static bool ClosesP(string name) => name is "address" or "article" or "aside" or "blockquote" or "center"
        or "details" or "dialog" or "dir" or "div" or "dl" or "fieldset" or "figcaption" or "figure" or "footer" or "header"
        or "hgroup" or "main" or "menu" or "nav" or "ol" or "p" or "search" or "section" or "summary" or "ul" or "pre"
        or "listing" or "form" or "xmp" or "plaintext";
}

/// <summary>A tag name read from a page, lower-cased, with its categories looked up once.</summary>
internal sealed class TagName(string name)
{
    public string Name { get; } = name;

    public TagFlags Flags { get; } = TagNames.Of(name);

    public bool Is(TagFlags flag) => (Flags & flag) != 0;

    /// <summary>A tag the tree builder adds around this one (tbody, tr); made rarely, so not shared.</summary>
    public TagName Implied(string implied) => new(implied);

    public bool Same(TagName other) => ReferenceEquals(this, other) || Name == other.Name;

    public override string ToString() => Name;
}
