namespace Parallax.Core.Extraction.Html;

/// <summary>
/// A model of the HTML5 tree builder's costly state, fed tag by tag by <see cref="TreeScan"/>: the stack of open
/// elements and the list of active formatting elements, with the rules that decide how deep the tree gets, how many
/// nodes it holds and how many steps building it takes. It follows the "in body" rules (elements that close a p or
/// a list item, a inside a, select inside select, the adoption agency for misnested formatting, the reconstruction
/// that re-opens every unclosed formatting element in each new paragraph); table and head modes are approximated,
/// as a budget needs the order of magnitude, not the tree. Per-page state: one instance per scan.
/// </summary>
internal sealed class TreeModel
{
    private const TagFlags ButtonScope = TagFlags.ScopeBoundary | TagFlags.ButtonBoundary;

    private readonly ExtractionOptions options;
    private readonly OpenElements stack = new();

    private readonly ActiveFormatting formatting;
    private readonly EndTagRules endTags;

    public TreeModel(ExtractionOptions options)
    {
        this.options = options;
        formatting = new ActiveFormatting(stack, options);
        endTags = new EndTagRules(stack, formatting);
    }

    public int Deepest => stack.Deepest;

    public long Nodes => stack.Nodes;

    public long Steps => stack.Steps;

    /// <summary>Why the page passes a budget, or null while it does not.</summary>
    public string? Refusal { get; private set; }

    public void Begin(TagName html, TagName body)
    {
        // html, head and body exist on every page, whatever its tags say.
        Push(html);
        stack.Nodes++;
        Push(body);
    }

    public void Text()
    {
        stack.Nodes++;
        if (!stack.InSelect())
        {
            formatting.Reconstruct();
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
                formatting.CloseOpenLink();
                formatting.Reconstruct();
                formatting.Insert(tag, attributes);
                break;
            case "nobr":
                formatting.Reconstruct();
                if (stack.InScope("nobr", TagFlags.ScopeBoundary))
                {
                    formatting.Adopt("nobr");
                    formatting.Reconstruct();
                }

                formatting.Insert(tag, attributes);
                break;
            case "button":
                if (stack.InScope("button", TagFlags.ScopeBoundary))
                {
                    stack.PopUntil("button");
                }

                formatting.Reconstruct();
                Push(tag);
                break;
            case "option" or "optgroup":
                if (stack.CurrentIs("option"))
                {
                    stack.Pop();
                }

                formatting.Reconstruct();
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
                formatting.Reconstruct();
                Push(tag);
                formatting.AddMarker();
                break;
            case "table":
                CloseP();
                Push(tag);
                break;
            case "caption" or "colgroup" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th":
                TablePart(tag);
                break;
            case "svg" or "math":
                formatting.Reconstruct();
                PushUnlessSelfClosing(tag, selfClosing);
                break;
            case "hr":
                CloseP();
                stack.Nodes++;
                break;
            default:
                if (tag.Is(TagFlags.Formatting))
                {
                    formatting.Reconstruct();
                    formatting.Insert(tag, attributes);
                }
                else if (tag.Is(TagFlags.Void))
                {
                    if (name is "br" or "embed" or "img" or "image" or "input" or "keygen" or "wbr" or "area")
                    {
                        formatting.Reconstruct();
                    }

                    stack.Nodes++;
                }
                else if (tag.Is(TagFlags.ClosesP))
                {
                    CloseP();
                    Push(tag);
                }
                else
                {
                    formatting.Reconstruct();
                    Push(tag);
                }

                break;
        }
    }

    /// <summary>Applies an end tag; true when the tree builder would certainly ignore it (a stray end tag).</summary>
    public bool EndTag(TagName tag)
    {
        stack.Steps++;
        var stray = endTags.Apply(tag);
        Check();
        return stray;
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
                stack.Nodes++;
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

                    formatting.ClearToMarker();
                }

                // A cell straight in a table gets the row and the row group the tree builder makes for it.
                ImplyTableParents(tag, rowGroup: true, row: true);
                Push(tag);
                formatting.AddMarker();
                break;
            case "tr":
                if (stack.InScope("tr", TagFlags.TableBoundary))
                {
                    stack.PopUntil("tr");
                    formatting.ClearToMarker();
                }

                ImplyTableParents(tag, rowGroup: true, row: false);
                Push(tag);
                break;
            default:
                Push(tag);
                if (tag.Name == "caption")
                {
                    formatting.AddMarker();
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

    private OpenElement Push(TagName tag) => stack.Push(tag, foreign: false);

    private void PushUnlessSelfClosing(TagName tag, bool selfClosing)
    {
        if (selfClosing)
        {
            stack.Nodes++;
        }
        else
        {
            stack.Push(tag, foreign: true);
        }
    }


}
