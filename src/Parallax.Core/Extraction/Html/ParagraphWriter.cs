using System.Text;
using AngleSharp.Dom;

namespace Parallax.Core.Extraction.Html;

/// <summary>One paragraph of output, with how much of it sat inside links.</summary>
/// <param name="Order">The index (document order) of the element the paragraph started in, to keep the boilerplate in page order.</param>
internal readonly record struct WrittenParagraph(string Text, int LinkChars, string Tag, int Order = 0);

/// <summary>A removed block's text, with the index of its element, so that all removed blocks can be listed in page order.</summary>
internal readonly record struct BoilerplateBlock(int Order, string Text);

/// <summary>
/// Turns a subtree into text paragraphs without recursion: every block and line break ends a paragraph, inline
/// text joins with collapsed whitespace, and elements the index marks as junk or removed are written to the
/// boilerplate list (one string per block) instead of the body.
/// </summary>
internal sealed class ParagraphWriter(DomIndex index, bool[]? removed)
{
    private readonly StringBuilder current = new(512);
    private int currentLinkChars;
    private string currentTag = "p";
    private bool pendingSpace;
    private int lastOrder;
    private int paragraphOrder;

    public List<WrittenParagraph> Paragraphs { get; } = [];

    public List<BoilerplateBlock> Boilerplate { get; } = [];

    private bool IsDropped(int i) => i >= 0 && (index.JunkRoot[i] || (removed is not null && removed[i] && (index.Parent[i] < 0 || !removed[index.Parent[i]])));

    /// <summary>Writes the paragraphs of <paramref name="root"/>.</summary>
    public void Write(IElement root)
    {
        var stack = new Stack<(INode Node, bool Exit, string Tag)>(128);
        stack.Push((root, false, "p"));
        var linkDepth = 0;
        var blockTags = new Stack<string>();
        blockTags.Push("p");
        while (stack.Count > 0)
        {
            var (node, exit, tag) = stack.Pop();
            if (exit)
            {
                if (tag == "a")
                {
                    linkDepth--;
                }
                else if (tag != "#inline")
                {
                    Flush();
                    blockTags.Pop();
                    currentTag = blockTags.Peek();
                }

                continue;
            }

            if (node is IText text)
            {
                Append(text.Data, linkDepth > 0);
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var kind = DomIndex.KindOf(element.LocalName);
            if (kind == TagKind.Ignored)
            {
                continue;
            }

            if (kind == TagKind.Break)
            {
                Flush();
                continue;
            }

            var i = index.IndexOf(element);
            if (i >= 0)
            {
                lastOrder = i;
            }

            if (!ReferenceEquals(element, root) && IsDropped(i))
            {
                var junk = TextOf(element);
                if (junk.Length > 0)
                {
                    Boilerplate.Add(new BoilerplateBlock(lastOrder, junk));
                }

                continue;
            }

            if (element.LocalName == "a")
            {
                linkDepth++;
                stack.Push((element, true, "a"));
            }
            else if (kind == TagKind.Inline)
            {
                stack.Push((element, true, "#inline"));
            }
            else
            {
                Flush();
                var name = kind == TagKind.Paragraph ? element.LocalName : "p";
                blockTags.Push(name);
                currentTag = name;
                stack.Push((element, true, name));
            }

            var children = element.ChildNodes;
            for (var c = children.Length - 1; c >= 0; c--)
            {
                stack.Push((children[c], false, string.Empty));
            }
        }

        Flush();
    }

    private void Append(string data, bool inLink)
    {
        foreach (var ch in data)
        {
            var c = ch;
            if (c is '\u00A0' or '\u2009' or '\u202F' or '\u2007')
            {
                c = ' ';
            }
            else if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = current.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                current.Append(' ');
                pendingSpace = false;
            }

            if (current.Length == 0)
            {
                paragraphOrder = lastOrder;
            }

            current.Append(c);
            if (inLink)
            {
                currentLinkChars++;
            }
        }
    }

    private void Flush()
    {
        if (current.Length > 0)
        {
            Paragraphs.Add(new WrittenParagraph(current.ToString(), currentLinkChars, currentTag, paragraphOrder));
        }

        current.Clear();
        currentLinkChars = 0;
        pendingSpace = false;
    }

    /// <summary>All visible text of a subtree on one line, for the boilerplate list.</summary>
    public static string TextOf(IElement element)
    {
        var builder = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        var space = false;
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                foreach (var ch in text.Data)
                {
                    if (char.IsWhiteSpace(ch) || ch == '\u00A0')
                    {
                        space = builder.Length > 0;
                        continue;
                    }

                    if (space)
                    {
                        builder.Append(' ');
                        space = false;
                    }

                    builder.Append(ch);
                }

                continue;
            }

            if (node is not IElement e)
            {
                continue;
            }

            var kind = DomIndex.KindOf(e.LocalName);
            if (kind == TagKind.Ignored)
            {
                continue;
            }

            if (kind != TagKind.Inline)
            {
                space = builder.Length > 0;
            }

            var children = e.ChildNodes;
            for (var c = children.Length - 1; c >= 0; c--)
            {
                stack.Push(children[c]);
            }
        }

        return builder.ToString();
    }
}
