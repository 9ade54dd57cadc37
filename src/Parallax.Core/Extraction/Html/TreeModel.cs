namespace Parallax.Core.Extraction.Html;

/// <summary>
/// A model of the HTML5 tree builder's costly state, fed tag by tag by <see cref="TreeScan"/>: the stack of open
/// elements and the list of active formatting elements, with the rules that decide how deep the tree gets, how many
/// nodes it holds and how many steps building it takes. It follows the "in body" rules (elements that close a p or
/// a list item, a inside a, select inside select, the adoption agency for misnested formatting, the reconstruction
/// that re-opens every unclosed formatting element in each new paragraph); table and head modes are approximated,
/// as a budget needs the order of magnitude, not the tree. Per-page state: one instance per scan.
/// </summary>
internal sealed class TreeModel(ExtractionOptions options)
{
    private readonly List<Node> stack = new(64);

    /// <summary>The list of active formatting elements; null entries are the markers cells and objects push.</summary>
    private readonly List<Entry?> formatting = new(16);

    public int Deepest { get; private set; }

    public long Nodes { get; private set; }

    public long Steps { get; private set; }

    /// <summary>Why the page passes a budget, or null while it does not.</summary>
    public string? Refusal { get; private set; }

    public void Begin()
    {
        // html, head and body exist on every page, whatever its tags say.
        Insert("html");
        Nodes++;
        Insert("body");
    }

    public void Text()
    {
        Nodes++;
        if (!InSelect())
        {
            Reconstruct();
        }

        Check();
    }

    public void StartTag(string name, int attributes, bool selfClosing)
    {
        Steps++;
        if (stack.Count > 0 && stack[^1].Foreign)
        {
            // Inside SVG or MathML a self-closing tag is an empty element; otherwise it nests.
            PushUnlessSelfClosing(name, selfClosing);

            Check();
            return;
        }

        if (InSelect())
        {
            SelectStartTag(name);
            Check();
            return;
        }

        switch (name)
        {
            case "html" or "head" or "body" or "frameset":
                break;
            case "li":
                CloseListItem(static n => n == "li");
                InsertClosingP(name);
                break;
            case "dd" or "dt":
                CloseListItem(static n => n is "dd" or "dt");
                InsertClosingP(name);
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                CloseP();
                if (IsHeading(Current))
                {
                    Pop();
                }

                Insert(name);
                break;
            case "a":
                if (LastFormatting("a") is { } open)
                {
                    Adopt("a");
                    RemoveEntry(open);
                    RemoveFromStack(open.Element);
                }

                Reconstruct();
                InsertFormatting(name, attributes);
                break;
            case "b" or "big" or "code" or "em" or "font" or "i" or "s" or "small" or "strike" or "strong" or "tt" or "u":
                Reconstruct();
                InsertFormatting(name, attributes);
                break;
            case "nobr":
                Reconstruct();
                if (InScope("nobr", Scope.Default))
                {
                    Adopt("nobr");
                    Reconstruct();
                }

                InsertFormatting(name, attributes);
                break;
            case "button":
                if (InScope("button", Scope.Default))
                {
                    PopUntil("button");
                }

                Reconstruct();
                Insert(name);
                break;
            case "option" or "optgroup":
                if (Current == "option")
                {
                    Pop();
                }

                Reconstruct();
                Insert(name);
                break;
            case "rb" or "rp" or "rt" or "rtc":
                if (Current is "rb" or "rp" or "rt" or "rtc")
                {
                    Pop();
                }

                Insert(name);
                break;
            case "applet" or "marquee" or "object" or "template":
                Reconstruct();
                Insert(name);
                formatting.Add(null);
                break;
            case "table":
                CloseP();
                Insert(name);
                break;
            case "caption" or "colgroup" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th":
                TablePart(name);
                break;
            case "select":
                Reconstruct();
                Insert(name);
                break;
            case "svg" or "math":
                Reconstruct();
                PushUnlessSelfClosing(name, selfClosing);
                break;
            default:
                if (IsVoid(name))
                {
                    if (name is not ("hr" or "area" or "base" or "basefont" or "bgsound" or "col" or "frame" or "link" or "meta" or "param" or "source" or "track"))
                    {
                        Reconstruct();
                    }
                    else if (name == "hr")
                    {
                        CloseP();
                    }

                    Nodes++;
                }
                else if (ClosesP(name))
                {
                    InsertClosingP(name);
                }
                else
                {
                    Reconstruct();
                    Insert(name);
                }

                break;
        }

        Check();
    }

    public void EndTag(string name)
    {
        Steps++;
        if (stack.Count > 0 && stack[^1].Foreign)
        {
            ForeignEndTag(name);
            Check();
            return;
        }

        if (InSelect() && name is not ("select" or "option" or "optgroup"))
        {
            Check();
            return;
        }

        switch (name)
        {
            case "html" or "head" or "body":
                break;
            case "p":
                if (!InScope("p", Scope.Button))
                {
                    // An end tag with no open p makes an empty one.
                    Nodes++;
                }
                else
                {
                    GenerateImpliedEndTags("p");
                    PopUntil("p");
                }

                break;
            case "br":
                Reconstruct();
                Nodes++;
                break;
            case "li":
                if (InScope("li", Scope.ListItem))
                {
                    GenerateImpliedEndTags("li");
                    PopUntil("li");
                }

                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                if (HeadingInScope())
                {
                    GenerateImpliedEndTags(null);
                    while (stack.Count > 2 && !IsHeading(Pop()))
                    {
                    }
                }

                break;
            case "a" or "b" or "big" or "code" or "em" or "font" or "i" or "nobr" or "s" or "small" or "strike" or "strong" or "tt" or "u":
                Adopt(name);
                break;
            case "applet" or "marquee" or "object" or "template" or "td" or "th" or "caption":
                if (InScope(name, name is "td" or "th" or "caption" ? Scope.Table : Scope.Default))
                {
                    GenerateImpliedEndTags(null);
                    PopUntil(name);
                    ClearToMarker();
                }

                break;
            case "table" or "tbody" or "thead" or "tfoot" or "tr" or "select":
                if (InScope(name, Scope.Table))
                {
                    PopUntil(name);
                }

                break;
            default:
                if (IsSpecial(name))
                {
                    if (InScope(name, Scope.Default))
                    {
                        GenerateImpliedEndTags(null);
                        PopUntil(name);
                    }
                }
                else
                {
                    AnyOtherEndTag(name);
                }

                break;
        }

        Check();
    }

    private void Check()
    {
        if (Refusal is not null)
        {
            return;
        }

        if (Deepest > options.MaxDepth)
        {
            Refusal = $"elements nested deeper than {options.MaxDepth:N0} levels, as an HTML5 parser would build them";
        }
        else if (Nodes > options.MaxNodes)
        {
            Refusal = $"the page would build over {options.MaxNodes:N0} DOM nodes (unclosed formatting elements are re-opened in every paragraph)";
        }
        else if (Steps > options.MaxTreeSteps)
        {
            Refusal = $"building the page's tree would take over {options.MaxTreeSteps:N0} steps (tags walking a deep stack of open elements)";
        }
    }

    private string Current => stack.Count > 0 ? stack[^1].Name : string.Empty;

    private bool InSelect()
    {
        // The select insertion mode holds while a select is open with only options and groups above it.
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            var name = stack[i].Name;
            if (name == "select")
            {
                return true;
            }

            if (name is not ("option" or "optgroup"))
            {
                return false;
            }
        }

        return false;
    }

    private void SelectStartTag(string name)
    {
        switch (name)
        {
            case "option":
                if (Current == "option")
                {
                    Pop();
                }

                Insert(name);
                break;
            case "optgroup":
                if (Current == "option")
                {
                    Pop();
                }

                if (Current == "optgroup")
                {
                    Pop();
                }

                Insert(name);
                break;
            case "select" or "input" or "keygen" or "textarea":
                // A select inside a select closes the first; the others close it and are then read again.
                PopUntil("select");
                if (name != "select")
                {
                    StartTag(name, 0, false);
                }

                break;
            case "hr":
                Nodes++;
                break;
            default:
                // Every other start tag in a select is dropped by the tree builder.
                break;
        }
    }

    private void TablePart(string name)
    {
        switch (name)
        {
            case "td" or "th":
                if (InScope("td", Scope.Table) || InScope("th", Scope.Table))
                {
                    PopUntilAny("td", "th");
                    ClearToMarker();
                }

                Insert(name);
                formatting.Add(null);
                break;
            case "tr":
                if (InScope("tr", Scope.Table))
                {
                    PopUntil("tr");
                    ClearToMarker();
                }

                Insert(name);
                break;
            default:
                Insert(name);
                if (name == "caption")
                {
                    formatting.Add(null);
                }

                break;
        }
    }

    private void ForeignEndTag(string name)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            Steps++;
            if (!stack[i].Foreign)
            {
                EndTag(name);
                return;
            }

            if (stack[i].Name == name)
            {
                Truncate(i);
                return;
            }
        }
    }

    private void AnyOtherEndTag(string name)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            Steps++;
            var node = stack[i];
            if (node.Name == name)
            {
                Truncate(i);
                return;
            }

            if (IsSpecial(node.Name))
            {
                // A stray end tag stops at the first special element and is ignored.
                return;
            }
        }
    }

    /// <summary>
    /// The adoption agency algorithm, simplified: a misnested formatting end tag closes its element; the formatting
    /// elements it crosses are copied (a node each), and a block it crosses stays open with a copy of the closed
    /// element inside it, as the real algorithm leaves it.
    /// </summary>
    private void Adopt(string name)
    {
        if (Current == name && LastFormatting(name) is null)
        {
            Pop();
            return;
        }

        for (var round = 0; round < 8; round++)
        {
            var entry = LastFormatting(name);
            if (entry is null)
            {
                AnyOtherEndTag(name);
                return;
            }

            var at = IndexInStack(entry.Element);
            if (at < 0)
            {
                RemoveEntry(entry);
                return;
            }

            if (!ElementInScope(entry.Element))
            {
                return;
            }

            var furthest = -1;
            for (var i = at + 1; i < stack.Count; i++)
            {
                if (IsSpecial(stack[i].Name))
                {
                    furthest = i;
                    break;
                }
            }

            if (furthest < 0)
            {
                Truncate(at);
                RemoveEntry(entry);
                return;
            }

            // The formatting elements between the closed one and the block are copied; other elements there close.
            for (var i = furthest - 1; i > at; i--)
            {
                Steps++;
                if (FindEntry(stack[i]) is not null)
                {
                    Nodes++;
                }
                else
                {
                    stack[i].IsOpen = false;
                    stack.RemoveAt(i);
                    furthest--;
                }
            }

            // The closed element leaves the stack; its copy goes inside the block, just above it.
            entry.Element.IsOpen = false;
            stack.RemoveAt(at);
            furthest--;
            var copy = new Node(name, foreign: false);
            stack.Insert(furthest + 1, copy);
            entry.Element = copy;
            Nodes++;
            Steps += stack.Count - at;
        }
    }

    /// <summary>Re-opens the formatting elements that were closed implicitly, as the tree builder does before text and most tags.</summary>
    private void Reconstruct()
    {
        if (formatting.Count == 0 || formatting[^1] is not { } last || last.Element.IsOpen)
        {
            return;
        }

        var first = formatting.Count - 1;
        while (first > 0 && formatting[first - 1] is { } previous && !previous.Element.IsOpen)
        {
            first--;
        }

        for (var i = first; i < formatting.Count && Refusal is null; i++)
        {
            var entry = formatting[i]!;
            entry.Element = Push(entry.Name, foreign: false);
            if (Nodes > options.MaxNodes || Deepest > options.MaxDepth)
            {
                // The budget is passed; there is no need to copy the rest of a long list.
                Check();
            }
        }
    }

    private void InsertFormatting(string name, int attributes)
    {
        var node = Insert(name);

        // Noah's ark: at most three identical entries since the last marker; the earliest goes.
        var same = 0;
        var earliest = -1;
        for (var i = formatting.Count - 1; i >= 0 && formatting[i] is { } entry; i--)
        {
            Steps++;
            if (entry.Name == name && entry.Attributes == attributes)
            {
                same++;
                earliest = i;
            }
        }

        if (same >= 3)
        {
            formatting.RemoveAt(earliest);
        }

        formatting.Add(new Entry(node, name, attributes));
    }

    private void InsertClosingP(string name)
    {
        CloseP();
        Insert(name);
    }

    private void CloseP()
    {
        if (InScope("p", Scope.Button))
        {
            GenerateImpliedEndTags("p");
            PopUntil("p");
        }
    }

    private void CloseListItem(Func<string, bool> matches)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            Steps++;
            var node = stack[i].Name;
            if (matches(node))
            {
                GenerateImpliedEndTags(node);
                Truncate(i);
                return;
            }

            if (IsSpecial(node) && node is not ("address" or "div" or "p"))
            {
                return;
            }
        }
    }

    private void GenerateImpliedEndTags(string? except)
    {
        while (stack.Count > 2 && Current is "dd" or "dt" or "li" or "optgroup" or "option" or "p" or "rb" or "rp" or "rt" or "rtc" && Current != except)
        {
            Pop();
        }
    }

    private enum Scope
    {
        Default,
        Button,
        ListItem,
        Table,
    }

    private bool InScope(string name, Scope scope)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            Steps++;
            var node = stack[i].Name;
            if (node == name)
            {
                return true;
            }

            if (IsBoundary(node, scope))
            {
                return false;
            }
        }

        return false;
    }

    private bool ElementInScope(Node element)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            Steps++;
            if (ReferenceEquals(stack[i], element))
            {
                return true;
            }

            if (IsBoundary(stack[i].Name, Scope.Default))
            {
                return false;
            }
        }

        return false;
    }

    private bool HeadingInScope()
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            Steps++;
            if (IsHeading(stack[i].Name))
            {
                return true;
            }

            if (IsBoundary(stack[i].Name, Scope.Default))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsBoundary(string node, Scope scope) => scope switch
    {
        Scope.Table => node is "html" or "table" or "template",
        _ => node is "applet" or "caption" or "html" or "table" or "td" or "th" or "marquee" or "object" or "template"
            || (scope == Scope.Button && node == "button") || (scope == Scope.ListItem && node is "ol" or "ul"),
    };

    private Node Insert(string name) => Push(name, foreign: false);

    private void PushUnlessSelfClosing(string name, bool selfClosing)
    {
        if (selfClosing)
        {
            Nodes++;
        }
        else
        {
            Push(name, foreign: true);
        }
    }

    private Node Push(string name, bool foreign)
    {
        var node = new Node(name, foreign);
        stack.Add(node);
        Nodes++;
        Deepest = Math.Max(Deepest, stack.Count);
        return node;
    }

    private string Pop()
    {
        var node = stack[^1];
        node.IsOpen = false;
        stack.RemoveAt(stack.Count - 1);
        return node.Name;
    }

    private void PopUntil(string name)
    {
        // html and body never close.
        while (stack.Count > 2 && Pop() != name)
        {
        }
    }

    private void PopUntilAny(string one, string other)
    {
        while (stack.Count > 2)
        {
            var name = Pop();
            if (name == one || name == other)
            {
                return;
            }
        }
    }

    /// <summary>Closes the element at <paramref name="at"/> and everything above it (html and body stay).</summary>
    private void Truncate(int at)
    {
        var keep = Math.Max(2, at);
        while (stack.Count > keep)
        {
            Pop();
        }
    }

    private void RemoveFromStack(Node element)
    {
        var at = IndexInStack(element);
        if (at >= 2)
        {
            element.IsOpen = false;
            stack.RemoveAt(at);
        }
    }

    private int IndexInStack(Node element)
    {
        if (!element.IsOpen)
        {
            return -1;
        }

        for (var i = stack.Count - 1; i >= 0; i--)
        {
            Steps++;
            if (ReferenceEquals(stack[i], element))
            {
                return i;
            }
        }

        return -1;
    }

    private Entry? LastFormatting(string name)
    {
        for (var i = formatting.Count - 1; i >= 0 && formatting[i] is { } entry; i--)
        {
            Steps++;
            if (entry.Name == name)
            {
                return entry;
            }
        }

        return null;
    }

    private Entry? FindEntry(Node element)
    {
        for (var i = formatting.Count - 1; i >= 0 && formatting[i] is { } entry; i--)
        {
            Steps++;
            if (ReferenceEquals(entry.Element, element))
            {
                return entry;
            }
        }

        return null;
    }

    private void RemoveEntry(Entry entry)
    {
        var at = formatting.LastIndexOf(entry);
        if (at >= 0)
        {
            formatting.RemoveAt(at);
        }
    }

    private void ClearToMarker()
    {
        while (formatting.Count > 0)
        {
            var last = formatting[^1];
            formatting.RemoveAt(formatting.Count - 1);
            if (last is null)
            {
                return;
            }
        }
    }

    private static bool IsHeading(string name) => name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    public static bool IsVoid(string name) => name is "area" or "base" or "basefont" or "bgsound" or "br" or "col" or "embed"
        or "frame" or "hr" or "image" or "img" or "input" or "keygen" or "link" or "meta" or "param" or "source" or "track" or "wbr";

    private static bool ClosesP(string name) => name is "address" or "article" or "aside" or "blockquote" or "center"
        or "details" or "dialog" or "dir" or "div" or "dl" or "fieldset" or "figcaption" or "figure" or "footer" or "header"
        or "hgroup" or "main" or "menu" or "nav" or "ol" or "p" or "search" or "section" or "summary" or "ul" or "pre"
        or "listing" or "form" or "xmp" or "plaintext";

    private static bool IsSpecial(string name) => ClosesP(name) || IsVoid(name) || IsHeading(name) || name is "applet"
        or "body" or "button" or "caption" or "colgroup" or "dd" or "dt" or "head" or "html" or "iframe" or "li"
        or "marquee" or "noembed" or "noframes" or "noscript" or "object" or "script" or "select" or "style" or "table"
        or "tbody" or "td" or "template" or "textarea" or "tfoot" or "th" or "thead" or "title" or "tr";

    private sealed class Node(string name, bool foreign)
    {
        public string Name { get; } = name;

        public bool Foreign { get; } = foreign;

        public bool IsOpen { get; set; } = true;
    }

    private sealed class Entry(Node element, string name, int attributes)
    {
        public Node Element { get; set; } = element;

        public string Name { get; } = name;

        public int Attributes { get; } = attributes;
    }
}
