namespace Parallax.Core.Extraction.Html;

/// <summary>
/// The modelled list of active formatting elements: the b, i, a and font elements the HTML5 tree builder keeps so
/// that misnested markup renders as the author meant. It is where the builder's worst blow-up lives: every
/// formatting element left unclosed is re-opened, as a new element, before the text of each later paragraph.
/// Markers (null entries) fence off cells, captions and objects. Per-page state, beside its <see cref="OpenElements"/>.
/// </summary>
internal sealed class ActiveFormatting(OpenElements stack, ExtractionOptions options)
{
    private readonly List<Entry?> entries = new(16);

    public void AddMarker() => entries.Add(null);

    public void ClearToMarker()
    {
        while (entries.Count > 0)
        {
            var last = entries[^1];
            entries.RemoveAt(entries.Count - 1);
            if (last is null)
            {
                return;
            }
        }
    }

    /// <summary>An a start tag inside an open a closes the first, as if its end tag had come.</summary>
    public void CloseOpenLink()
    {
        if (Last("a") is not { } open)
        {
            return;
        }

        Adopt("a");
        Remove(open);
        var at = stack.IndexOf(open.Element);
        if (at >= 2)
        {
            stack.RemoveAt(at);
        }
    }

    /// <summary>Re-opens the formatting elements that were closed implicitly, as the tree builder does before text and most tags.</summary>
    public void Reconstruct()
    {
        if (entries.Count == 0 || entries[^1] is not { } last || last.Element.IsOpen)
        {
            return;
        }

        var first = entries.Count - 1;
        while (first > 0 && entries[first - 1] is { } previous && !previous.Element.IsOpen)
        {
            first--;
        }

        for (var i = first; i < entries.Count; i++)
        {
            var entry = entries[i]!;
            entry.Element = stack.Push(entry.Element.Tag, foreign: false);
            if (stack.Nodes > options.MaxNodes || stack.Deepest > options.MaxDepth)
            {
                // The budget is passed; there is no need to copy the rest of a long list.
                return;
            }
        }
    }

    public void Insert(TagName tag, int attributes)
    {
        var node = stack.Push(tag, foreign: false);

        // Noah's ark: at most three identical entries since the last marker; the earliest goes.
        var same = 0;
        var earliest = -1;
        for (var i = entries.Count - 1; i >= 0 && entries[i] is { } entry; i--)
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
            entries.RemoveAt(earliest);
        }

        entries.Add(new Entry(node, attributes));
    }

    /// <summary>
    /// The adoption agency algorithm, simplified: a misnested formatting end tag closes its element; the formatting
    /// elements it crosses are copied (a node each), and a block it crosses stays open with a copy of the closed
    /// element inside it, as the real algorithm leaves it.
    /// </summary>
    public void Adopt(string name)
    {
        if (stack.CurrentIs(name) && Last(name) is null)
        {
            stack.Pop();
            return;
        }

        for (var round = 0; round < 8; round++)
        {
            var entry = Last(name);
            if (entry is null)
            {
                stack.CloseByName(name);
                return;
            }

            var at = stack.IndexOf(entry.Element);
            if (at < 0)
            {
                Remove(entry);
                return;
            }

            if (!stack.InScope(entry.Element))
            {
                return;
            }

            var furthest = stack.FirstSpecialAbove(at);
            if (furthest < 0)
            {
                stack.Truncate(at);
                Remove(entry);
                return;
            }

            // The formatting elements between the closed one and the block are copied; other elements there close.
            for (var i = furthest - 1; i > at; i--)
            {
                if (Holds(stack[i]))
                {
                    stack.Nodes++;
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
            entry.Element = stack.Insert(furthest + 1, entry.Element.Tag);
        }
    }

    private Entry? Last(string name)
    {
        for (var i = entries.Count - 1; i >= 0 && entries[i] is { } entry; i--)
        {
            stack.Steps++;
            if (entry.Element.Name == name)
            {
                return entry;
            }
        }

        return null;
    }

    private bool Holds(OpenElement element)
    {
        for (var i = entries.Count - 1; i >= 0 && entries[i] is { } entry; i--)
        {
            stack.Steps++;
            if (ReferenceEquals(entry.Element, element))
            {
                return true;
            }
        }

        return false;
    }

    private void Remove(Entry entry)
    {
        var at = entries.LastIndexOf(entry);
        if (at >= 0)
        {
            entries.RemoveAt(at);
        }
    }

    /// <summary>An entry of the list: the element it re-opens and its attributes' hash.</summary>
    private sealed class Entry(OpenElement element, int attributes)
    {
        public OpenElement Element { get; set; } = element;

        public int Attributes { get; } = attributes;
    }
}
