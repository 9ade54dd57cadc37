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
    private const TagFlags ButtonScope = TagFlags.ScopeBoundary | TagFlags.ButtonBoundary;
    private const TagFlags ListItemScope = TagFlags.ScopeBoundary | TagFlags.ListBoundary;

    private readonly OpenElements stack = new();

    /// <summary>The list of active formatting elements; null entries are the markers cells and objects push.</summary>
    private readonly List<Entry?> formatting = new(16);

    public int Deepest => stack.Deepest;

    public long Nodes { get; private set; }

    public long Steps => stack.Steps;

    /// <summary>Why the page passes a budget, or null while it does not.</summary>
    public string? Refusal { get; private set; }

    public void Begin(TagName html, TagName body)
    {
        // html, head and body exist on every page, whatever its tags say.
        Push(html);
        Nodes++;
        Push(body);
    }

    public void Text()
    {
        Nodes++;
        if (!stack.InSelect())
        {
            Reconstruct();
        }

        Check();
    }

    public void StartTag(TagName tag, int attributes, bool selfClosing)
    {
        stack.Steps++;
        if (stack.Current is { Foreign: true })
        {
            // Inside SVG or MathML a self-closing tag is an empty element; otherwise it nests.
            PushUnlessSelfClosing(tag, selfClosing);
        }
        else if (stack.InSelect())
        {
            SelectStartTag(tag);
        }
        else
        {
            BodyStartTag(tag, attributes, selfClosing);
        }

        Check();
    }

    private void BodyStartTag(TagName tag, int attributes, bool selfClosing)
    {
        var name = tag.Name;
        switch (name)
        {
            case "html" or "head" or "body" or "frameset":
                break;
            case "li":
                CloseListItem(static n => n == "li");
                CloseP();
                Push(tag);
                break;
            case "dd" or "dt":
                CloseListItem(static n => n is "dd" or "dt");
                CloseP();
                Push(tag);
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                CloseP();
                if (stack.CurrentIs(TagFlags.Heading))
                {
                    stack.Pop();
                }

                Push(tag);
                break;
            case "a":
                if (LastFormatting("a") is { } open)
                {
                    // An a inside an a closes the first.
                    Adopt("a");
                    RemoveEntry(open);
                    var at = stack.IndexOf(open.Element);
                    if (at >= 2)
                    {
                        stack.RemoveAt(at);
                    }
                }

                Reconstruct();
                InsertFormatting(tag, attributes);
                break;
            case "nobr":
                Reconstruct();
                if (stack.InScope("nobr", TagFlags.ScopeBoundary))
                {
                    Adopt("nobr");
                    Reconstruct();
                }

                InsertFormatting(tag, attributes);
                break;
            case "button":
                if (stack.InScope("button", TagFlags.ScopeBoundary))
                {
                    stack.PopUntil("button");
                }

                Reconstruct();
                Push(tag);
                break;
            case "option" or "optgroup":
                if (stack.CurrentIs("option"))
                {
                    stack.Pop();
                }

                Reconstruct();
                Push(tag);
                break;
            case "rb" or "rp" or "rt" or "rtc":
                if (stack.Current?.Name is "rb" or "rp" or "rt" or "rtc")
                {
                    stack.Pop();
                }

                Push(tag);
                break;
            case "applet" or "marquee" or "object" or "template":
                Reconstruct();
                Push(tag);
                formatting.Add(null);
                break;
            case "table":
                CloseP();
                Push(tag);
                break;
            case "caption" or "colgroup" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th":
                TablePart(tag);
                break;
            case "svg" or "math":
                Reconstruct();
                PushUnlessSelfClosing(tag, selfClosing);
                break;
            case "hr":
                CloseP();
                Nodes++;
                break;
            default:
                if (tag.Is(TagFlags.Formatting))
                {
                    Reconstruct();
                    InsertFormatting(tag, attributes);
                }
                else if (tag.Is(TagFlags.Void))
                {
                    if (name is "br" or "embed" or "img" or "image" or "input" or "keygen" or "wbr" or "area")
                    {
                        Reconstruct();
                    }

                    Nodes++;
                }
                else if (tag.Is(TagFlags.ClosesP))
                {
                    CloseP();
                    Push(tag);
                }
                else
                {
                    Reconstruct();
                    Push(tag);
                }

                break;
        }
    }

    /// <summary>Applies an end tag; true when the tree builder would certainly ignore it (a stray end tag).</summary>
    public bool EndTag(TagName tag)
    {
        stack.Steps++;
        if (IsStray(tag))
        {
            Check();
            return true;
        }

        if (stack.Current is { Foreign: true })
        {
            ForeignEndTag(tag);
        }
        else if (!stack.InSelect() || tag.Name is "select" or "option" or "optgroup")
        {
            BodyEndTag(tag);
        }

        Check();
        return false;
    }

    /// <summary>
    /// An end tag whose element is not open anywhere, in a rule that then ignores it: the "any other end tag"
    /// rule and the block rules. p and br make elements, formatting tags touch the formatting list, headings close
    /// one another, tables, forms and templates have their own rules: those are never called stray.
    /// </summary>
    private bool IsStray(TagName tag) => stack.Current is { Foreign: false } && stack.NoneOpen(tag.Name)
        && !tag.Is(TagFlags.Formatting | TagFlags.Heading)
        && tag.Name is not ("p" or "br" or "html" or "head" or "body" or "form" or "template" or "table" or "tbody"
            or "thead" or "tfoot" or "tr" or "td" or "th" or "caption" or "colgroup" or "col" or "sarcasm");

    private void BodyEndTag(TagName tag)
    {
        var name = tag.Name;
        switch (name)
        {
            case "html" or "head" or "body":
                break;
            case "p":
                if (!stack.InScope("p", ButtonScope))
                {
                    // An end tag with no open p makes an empty one.
                    Nodes++;
                }
                else
                {
                    stack.GenerateImpliedEndTags("p");
                    stack.PopUntil("p");
                }

                break;
            case "br":
                Reconstruct();
                Nodes++;
                break;
            case "li":
                if (stack.InScope("li", ListItemScope))
                {
                    stack.GenerateImpliedEndTags("li");
                    stack.PopUntil("li");
                }

                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                if (stack.InScope(null, TagFlags.ScopeBoundary, TagFlags.Heading))
                {
                    stack.GenerateImpliedEndTags(null);
                    stack.PopUntil(TagFlags.Heading);
                }

                break;
            case "applet" or "marquee" or "object" or "template" or "td" or "th" or "caption":
                if (stack.InScope(name, name is "td" or "th" or "caption" ? TagFlags.TableBoundary : TagFlags.ScopeBoundary))
                {
                    stack.GenerateImpliedEndTags(null);
                    stack.PopUntil(name);
                    ClearToMarker();
                }

                break;
            case "table" or "tbody" or "thead" or "tfoot" or "tr" or "select":
                if (stack.InScope(name, TagFlags.TableBoundary))
                {
                    stack.PopUntil(name);
                }

                break;
            default:
                if (tag.Is(TagFlags.Formatting))
                {
                    Adopt(name);
                }
                else if (tag.Is(TagFlags.Special))
                {
                    if (stack.InScope(name, TagFlags.ScopeBoundary))
                    {
                        stack.GenerateImpliedEndTags(null);
                        stack.PopUntil(name);
                    }
                }
                else
                {
                    AnyOtherEndTag(name);
                }

                break;
        }
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

    private void SelectStartTag(TagName tag)
    {
        switch (tag.Name)
        {
            case "option":
                if (stack.CurrentIs("option"))
                {
                    stack.Pop();
                }

                Push(tag);
                break;
            case "optgroup":
                if (stack.CurrentIs("option"))
                {
                    stack.Pop();
                }

                if (stack.CurrentIs("optgroup"))
                {
                    stack.Pop();
                }

                Push(tag);
                break;
            case "select" or "input" or "keygen" or "textarea":
                // A select inside a select closes the first; the others close it and are then read again.
                stack.PopUntil("select");
                if (tag.Name != "select")
                {
                    BodyStartTag(tag, 0, false);
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

    private void TablePart(TagName tag)
    {
        switch (tag.Name)
        {
            case "td" or "th":
                if (stack.InScope("td", TagFlags.TableBoundary) || stack.InScope("th", TagFlags.TableBoundary))
                {
                    while (stack.Count > 2 && stack.Pop() is not ("td" or "th"))
                    {
                    }

                    ClearToMarker();
                }

                // A cell straight in a table gets the row and the row group the tree builder makes for it.
                ImplyTableParents(tag, rowGroup: true, row: true);
                Push(tag);
                formatting.Add(null);
                break;
            case "tr":
                if (stack.InScope("tr", TagFlags.TableBoundary))
                {
                    stack.PopUntil("tr");
                    ClearToMarker();
                }

                ImplyTableParents(tag, rowGroup: true, row: false);
                Push(tag);
                break;
            default:
                Push(tag);
                if (tag.Name == "caption")
                {
                    formatting.Add(null);
                }

                break;
        }
    }

    private void ImplyTableParents(TagName tag, bool rowGroup, bool row)
    {
        if (rowGroup && stack.CurrentIs("table"))
        {
            Push(tag.Implied("tbody"));
        }

        if (row && stack.Current?.Name is "tbody" or "thead" or "tfoot")
        {
            Push(tag.Implied("tr"));
        }
    }

    private void ForeignEndTag(TagName tag)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            stack.Steps++;
            if (!stack[i].Foreign)
            {
                BodyEndTag(tag);
                return;
            }

            if (stack[i].Name == tag.Name)
            {
                stack.Truncate(i);
                return;
            }
        }
    }

    private void AnyOtherEndTag(string name)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            stack.Steps++;
            var node = stack[i];
            if (node.Name == name)
            {
                stack.Truncate(i);
                return;
            }

            if (node.Tag.Is(TagFlags.Special))
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
        if (stack.CurrentIs(name) && LastFormatting(name) is null)
        {
            stack.Pop();
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

            var at = stack.IndexOf(entry.Element);
            if (at < 0)
            {
                RemoveEntry(entry);
                return;
            }

            if (!stack.InScope(entry.Element))
            {
                return;
            }

            var furthest = -1;
            for (var i = at + 1; i < stack.Count; i++)
            {
                stack.Steps++;
                if (stack[i].Tag.Is(TagFlags.Special))
                {
                    furthest = i;
                    break;
                }
            }

            if (furthest < 0)
            {
                stack.Truncate(at);
                RemoveEntry(entry);
                return;
            }

            // The formatting elements between the closed one and the block are copied; other elements there close.
            for (var i = furthest - 1; i > at; i--)
            {
                if (FindEntry(stack[i]))
                {
                    Nodes++;
                }
                else
                {
                    stack.RemoveAt(i);
                    furthest--;
                }
            }

            // The closed element leaves the stack; its copy goes inside the block, just above it.
            stack.RemoveAt(at);
            furthest--;
            var copy = new OpenElement(entry.Element.Tag, foreign: false);
            stack.Insert(furthest + 1, copy);
            entry.Element = copy;
            Nodes++;
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

        for (var i = first; i < formatting.Count; i++)
        {
            var entry = formatting[i]!;
            entry.Element = Push(entry.Element.Tag);
            if (Nodes > options.MaxNodes || Deepest > options.MaxDepth)
            {
                // The budget is passed; there is no need to copy the rest of a long list.
                return;
            }
        }
    }

    private void InsertFormatting(TagName tag, int attributes)
    {
        var node = Push(tag);

        // Noah's ark: at most three identical entries since the last marker; the earliest goes.
        var same = 0;
        var earliest = -1;
        for (var i = formatting.Count - 1; i >= 0 && formatting[i] is { } entry; i--)
        {
            stack.Steps++;
            if (entry.Element.Tag.Same(tag) && entry.Attributes == attributes)
            {
                same++;
                earliest = i;
            }
        }

        if (same >= 3)
        {
            formatting.RemoveAt(earliest);
        }

        formatting.Add(new Entry(node, attributes));
    }

    private void CloseP()
    {
        if (stack.InScope("p", ButtonScope))
        {
            stack.GenerateImpliedEndTags("p");
            stack.PopUntil("p");
        }
    }

    private void CloseListItem(Func<string, bool> matches)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            stack.Steps++;
            var node = stack[i];
            if (matches(node.Name))
            {
                stack.GenerateImpliedEndTags(node.Name);
                stack.Truncate(i);
                return;
            }

            if (node.Tag.Is(TagFlags.Special) && node.Name is not ("address" or "div" or "p"))
            {
                return;
            }
        }
    }

    private OpenElement Push(TagName tag)
    {
        Nodes++;
        return stack.Push(tag, foreign: false);
    }

    private void PushUnlessSelfClosing(TagName tag, bool selfClosing)
    {
        Nodes++;
        if (!selfClosing)
        {
            stack.Push(tag, foreign: true);
        }
    }

    private Entry? LastFormatting(string name)
    {
        for (var i = formatting.Count - 1; i >= 0 && formatting[i] is { } entry; i--)
        {
            stack.Steps++;
            if (entry.Element.Name == name)
            {
                return entry;
            }
        }

        return null;
    }

    private bool FindEntry(OpenElement element)
    {
        for (var i = formatting.Count - 1; i >= 0 && formatting[i] is { } entry; i--)
        {
            stack.Steps++;
            if (ReferenceEquals(entry.Element, element))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>An entry of the list of active formatting elements: the element it re-opens and its attributes' hash.</summary>
    private sealed class Entry(OpenElement element, int attributes)
    {
        public OpenElement Element { get; set; } = element;

        public int Attributes { get; } = attributes;
    }
}
