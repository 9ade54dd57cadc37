namespace Parallax.Core.Extraction.Html;

/// <summary>The "in body" end-tag rules of the <see cref="TreeModel"/>, over its stack and formatting list.</summary>
internal sealed class EndTagRules(OpenElements stack, ActiveFormatting formatting)
{
    private const TagFlags ButtonScope = TagFlags.ScopeBoundary | TagFlags.ButtonBoundary;
    private const TagFlags ListItemScope = TagFlags.ScopeBoundary | TagFlags.ListBoundary;

    /// <summary>Applies an end tag; true when the tree builder would certainly ignore it (a stray end tag).</summary>
    public bool Apply(TagName tag)
    {
        if (IsStray(tag))
        {
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
                    stack.Nodes++;
                }
                else
                {
                    stack.GenerateImpliedEndTags("p");
                    stack.PopUntil("p");
                }

                break;
            case "br":
                formatting.Reconstruct();
                stack.Nodes++;
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
                    formatting.ClearToMarker();
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
                    formatting.Adopt(name);
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
                    stack.CloseByName(name);
                }

                break;
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
}
