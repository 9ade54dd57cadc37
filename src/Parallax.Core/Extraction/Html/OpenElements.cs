namespace Parallax.Core.Extraction.Html;

/// <summary>One element on the modelled stack of open elements.</summary>
internal sealed class OpenElement(TagName tag, bool foreign)
{
    public TagName Tag { get; } = tag;

    public string Name => Tag.Name;

    /// <summary>An SVG or MathML element: self-closing tags inside it are empty elements.</summary>
    public bool Foreign { get; } = foreign;

    /// <summary>Whether it is still on the stack; the formatting list asks this of its entries.</summary>
    public bool IsOpen { get; set; } = true;
}

/// <summary>
/// The modelled stack of open elements, with the scope checks of the HTML5 tree builder. Every element a check
/// or a stray end tag walks past is counted in <see cref="Steps"/>, as the real builder walks them too: that walk
/// is what makes deep stacks expensive. html and body sit at the bottom and never close.
/// </summary>
internal sealed class OpenElements
{
    private readonly List<OpenElement> stack = new(64);

    /// <summary>How many elements of each name are open, so that a stray end tag is known as one without a walk.</summary>
    private readonly Dictionary<string, int> open = new(StringComparer.Ordinal);

    public int Count => stack.Count;

    public int Deepest { get; private set; }

    public long Steps { get; set; }

    /// <summary>Elements pushed (copies included) and other nodes the model was told of.</summary>
    public long Nodes { get; set; }

    public OpenElement this[int index] => stack[index];

    public OpenElement? Current => stack.Count > 0 ? stack[^1] : null;

    public bool CurrentIs(TagFlags flag) => stack.Count > 0 && stack[^1].Tag.Is(flag);

    public bool CurrentIs(string name) => stack.Count > 0 && stack[^1].Name == name;

    public OpenElement Push(TagName tag, bool foreign)
    {
        var node = new OpenElement(tag, foreign);
        stack.Add(node);
        Opened(node);
        Nodes++;
        return node;
    }

    /// <summary>A new element at <paramref name="at"/>, below the top: where the adoption agency puts its copy.</summary>
    public OpenElement Insert(int at, TagName tag)
    {
        var node = new OpenElement(tag, foreign: false);
        stack.Insert(at, node);
        Opened(node);
        Nodes++;
        return node;
    }

    /// <summary>The "any other end tag" rule: close the nearest element of that name, unless a special element comes first.</summary>
    public void CloseByName(string name)
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

            if (node.Tag.Is(TagFlags.Special))
            {
                // A stray end tag stops at the first special element and is ignored.
                return;
            }
        }
    }

    /// <summary>The first special element above <paramref name="at"/>: the adoption agency's furthest block, or -1.</summary>
    public int FirstSpecialAbove(int at)
    {
        for (var i = at + 1; i < stack.Count; i++)
        {
            Steps++;
            if (stack[i].Tag.Is(TagFlags.Special))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether no element named <paramref name="name"/> is open anywhere on the stack.</summary>
    public bool NoneOpen(string name) => !open.TryGetValue(name, out var count) || count == 0;

    private void Opened(OpenElement node)
    {
        Deepest = Math.Max(Deepest, stack.Count);
        open[node.Name] = open.GetValueOrDefault(node.Name) + 1;
    }

    private void Closed(OpenElement node)
    {
        node.IsOpen = false;
        open[node.Name]--;
    }

    public string Pop()
    {
        var node = stack[^1];
        Closed(node);
        stack.RemoveAt(stack.Count - 1);
        return node.Name;
    }

    public void RemoveAt(int at)
    {
        Closed(stack[at]);
        stack.RemoveAt(at);
    }

    public void PopUntil(string name)
    {
        while (stack.Count > 2 && Pop() != name)
        {
        }
    }

    public void PopUntil(TagFlags flag)
    {
        while (stack.Count > 2)
        {
            var node = stack[^1];
            Pop();
            if (node.Tag.Is(flag))
            {
                return;
            }
        }
    }

    /// <summary>Closes the element at <paramref name="at"/> and everything above it (html and body stay).</summary>
    public void Truncate(int at)
    {
        var keep = Math.Max(2, at);
        while (stack.Count > keep)
        {
            Pop();
        }
    }

    public void GenerateImpliedEndTags(string? except)
    {
        while (stack.Count > 2 && stack[^1].Tag.Is(TagFlags.ImpliedEnd) && stack[^1].Name != except)
        {
            Pop();
        }
    }

    public int IndexOf(OpenElement element)
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

    /// <summary>Whether an element named <paramref name="name"/> (or, when null, one with <paramref name="flag"/>) is in scope.</summary>
    public bool InScope(string? name, TagFlags boundaries, TagFlags flag = TagFlags.None)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            Steps++;
            var tag = stack[i].Tag;
            if (name is null ? tag.Is(flag) : tag.Name == name)
            {
                return true;
            }

            if (tag.Is(boundaries))
            {
                return false;
            }
        }

        return false;
    }

    public bool InScope(OpenElement element)
    {
        for (var i = stack.Count - 1; i >= 0; i--)
        {
            Steps++;
            if (ReferenceEquals(stack[i], element))
            {
                return true;
            }

            if (stack[i].Tag.Is(TagFlags.ScopeBoundary))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The select insertion mode holds while a select is open with only options and groups above it.</summary>
    public bool InSelect()
    {
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
}
