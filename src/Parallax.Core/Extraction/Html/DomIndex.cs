using AngleSharp.Dom;

namespace Parallax.Core.Extraction.Html;

/// <summary>What kind of element a tag is, for extraction.</summary>
internal enum TagKind : byte
{
    /// <summary>Inline: its text joins the paragraph around it.</summary>
    Inline,

    /// <summary>A block that holds paragraphs or is one.</summary>
    Block,

    /// <summary>A paragraph-like block: p, pre, blockquote, headings, list items, cells.</summary>
    Paragraph,

    /// <summary>Never text a reader sees: script, style, svg, templates, form controls.</summary>
    Ignored,

    /// <summary>A line break.</summary>
    Break,
}

/// <summary>What an element's own markup says against it.</summary>
[Flags]
internal enum JunkSignal : byte
{
    None = 0,

    /// <summary>hidden, aria-hidden or an inline style that hides it.</summary>
    Hidden = 1,

    /// <summary>A tag (nav, aside, footer...) or ARIA role that is never the article.</summary>
    TagOrRole = 2,

    /// <summary>Class or id words of boilerplate (related, newsletter, comments...).</summary>
    Words = 4,

    /// <summary>Only soft boilerplate words (share, social, embed...): junk unless the block holds prose.</summary>
    SoftWords = 8,

    /// <summary>Class or id words of readers' comments (comment, disqus).</summary>
    Comments = 16,

    /// <summary>Class or id words for what a block is for (footer, pop-up, related, bio): boilerplate even with prose.</summary>
    FirmWords = 32,
}

/// <summary>
/// The body's elements in document order, flattened into arrays with their text statistics, so that scoring and
/// cleaning are loops over arrays instead of recursive walks (a page of 100,000 nested divs must not overflow
/// the stack) and no element's TextContent is materialised. Built once per page; per-run state only.
/// </summary>
internal sealed class DomIndex
{
    /// <summary>Deeper elements are folded into their ancestor at this depth: no real article nests this deep.</summary>
    public const int MaxDepth = 400;

    /// <summary>A paragraph at least this long, with few links, counts as prose.</summary>
    public const int ProseChars = 80;

    public readonly List<IElement> Elements = new(1024);
    public readonly List<int> Parent = new(1024);
    public readonly List<TagKind> Kinds = new(1024);

    /// <summary>One past the last element of each element's subtree (pre-order), so a subtree is a range.</summary>
    public int[] End = [];

    /// <summary>Characters of text directly inside each element (whitespace runs count as one).</summary>
    public int[] OwnChars = [];

    public int[] OwnCommas = [];

    /// <summary>Characters of text directly inside each element that sit inside a link.</summary>
    public int[] OwnLinkChars = [];

    /// <summary>Subtree totals, not counting junk subtrees.</summary>
    public int[] TextChars = [];

    public int[] LinkChars = [];

    /// <summary>Text of a block counting inline descendants but not nested blocks: a paragraph's own length.</summary>
    public int[] InlineChars = [];

    public int[] InlineCommas = [];

    public int[] InlineLinkChars = [];

    public int[] TextCommas = [];
    public int[] ParagraphCount = [];

    /// <summary>Characters in long, link-poor paragraphs of the subtree: the prose a reader would call the article.</summary>
    public int[] Prose = [];
    public int[] BlockChildren = [];
    public int[] ImageCount = [];
    public int[] ListItemCount = [];
    public int[] InputCount = [];
    public int[] EmbedCount = [];
    public int[] HeadingChars = [];
    private int[] ownImages = [];
    private int[] ownEmbeds = [];
    private int[] ownInputs = [];

    /// <summary>Elements judged not part of any article, with their whole subtree.</summary>
    public bool[] Junk = [];

    /// <summary>Elements whose own words (class, id, role, tag) mark them as junk; the roots of junk subtrees.</summary>
    public bool[] JunkRoot = [];

    public int[] ClassWeight = [];

    /// <summary>What each element's own markup says against it; read once per page.</summary>
    public JunkSignal[] Signals = [];

    public bool HasSignals { get; set; }

    public bool TooDeep { get; private set; }

    public int Count => Elements.Count;

    private readonly Dictionary<IElement, int> indexOf = new(1024, ReferenceEqualityComparer.Instance);

    public int IndexOf(IElement element) => indexOf.TryGetValue(element, out var i) ? i : -1;

    public static TagKind KindOf(string localName) => localName switch
    {
        "p" or "pre" or "blockquote" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "li" or "td" or "th" or "dd"
            or "dt" or "figcaption" or "caption" or "address" or "summary" => TagKind.Paragraph,
        "div" or "section" or "article" or "main" or "header" or "footer" or "aside" or "nav" or "ul" or "ol" or "dl"
            or "table" or "tbody" or "thead" or "tfoot" or "tr" or "form" or "fieldset" or "figure" or "center"
            or "details" or "body" or "hgroup" or "menu" or "dialog" or "hr" or "legend" or "picture" => TagKind.Block,
        "script" or "style" or "noscript" or "template" or "svg" or "math" or "canvas" or "iframe" or "object"
            or "embed" or "select" or "option" or "optgroup" or "textarea" or "input" or "head" or "title" or "meta"
            or "link" or "video" or "audio" or "source" or "track" or "map" or "area" or "img" or "datalist"
            or "frameset" or "frame" or "param" => TagKind.Ignored,
        "br" => TagKind.Break,
        _ => TagKind.Inline,
    };

    /// <summary>Flattens the subtree under <paramref name="root"/> without recursion, charging each node to <paramref name="budget"/>.</summary>
    public static DomIndex Build(IElement root, PageBudget budget)
    {
        var index = new DomIndex();
        var stack = new Stack<(INode Node, int Parent, int Depth, bool InLink)>(256);
        stack.Push((root, -1, 0, false));
        var own = new List<int>(1024);
        var commas = new List<int>(1024);
        var ownLinks = new List<int>(1024);
        var images = new List<int>(1024);
        var embeds = new List<int>(1024);
        var inputs = new List<int>(1024);

        while (stack.Count > 0)
        {
            var (node, parent, depth, inLink) = stack.Pop();
            if (node is IText text)
            {
                if (parent >= 0)
                {
                    var (chars, textCommas) = Measure(text.Data);
                    budget.Index(chars);
                    own[parent] += chars;
                    commas[parent] += textCommas;
                    if (inLink)
                    {
                        ownLinks[parent] += chars;
                    }
                }

                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            budget.Index(0);
            var kind = KindOf(element.LocalName);
            if (kind == TagKind.Ignored)
            {
                // Counted for cleaning decisions (a block of images or embeds is rarely prose), then skipped.
                if (parent >= 0)
                {
                    switch (element.LocalName)
                    {
                        case "img" or "picture":
                            images[parent]++;
                            break;
                        case "iframe" or "embed" or "object" or "video" or "audio":
                            embeds[parent]++;
                            break;
                        case "input" or "select" or "textarea":
                            inputs[parent]++;
                            break;
                    }
                }

                continue;
            }

            int self;
            if (depth >= MaxDepth && parent >= 0)
            {
                // Too deep: fold this element's content into its ancestor rather than indexing it.
                index.TooDeep = true;
                self = parent;
            }
            else
            {
                self = index.Elements.Count;
                index.Elements.Add(element);
                index.Parent.Add(parent);
                index.Kinds.Add(kind);
                index.indexOf[element] = self;
                own.Add(0);
                commas.Add(0);
                ownLinks.Add(0);
                images.Add(0);
                embeds.Add(0);
                inputs.Add(0);
            }

            var childLink = inLink || element.LocalName == "a";
            var children = element.ChildNodes;
            for (var c = children.Length - 1; c >= 0; c--)
            {
                stack.Push((children[c], self, depth + 1, childLink));
            }
        }

        index.Finish(own, commas, ownLinks, images, embeds, inputs);
        return index;
    }

    private void Finish(List<int> own, List<int> commas, List<int> ownLinks, List<int> images, List<int> embeds, List<int> inputs)
    {
        var n = Elements.Count;
        OwnChars = [.. own];
        OwnCommas = [.. commas];
        OwnLinkChars = [.. ownLinks];
        ownImages = [.. images];
        ownEmbeds = [.. embeds];
        ownInputs = [.. inputs];
        ImageCount = new int[n];
        EmbedCount = new int[n];
        InputCount = new int[n];
        TextCommas = new int[n];
        Prose = new int[n];
        BlockChildren = new int[n];
        End = new int[n];
        TextChars = new int[n];
        LinkChars = new int[n];
        InlineChars = new int[n];
        InlineCommas = new int[n];
        InlineLinkChars = new int[n];
        ParagraphCount = new int[n];
        ListItemCount = new int[n];
        HeadingChars = new int[n];
        Junk = new bool[n];
        JunkRoot = new bool[n];
        ClassWeight = new int[n];
        Signals = new JunkSignal[n];

        // Pre-order: a subtree ends where the next element outside it starts. Walk back to find the ends.
        for (var i = n - 1; i >= 0; i--)
        {
            End[i] = Math.Max(End[i], i + 1);
            var p = Parent[i];
            if (p >= 0 && End[i] > End[p])
            {
                End[p] = End[i];
            }
        }
    }

    /// <summary>Recomputes the subtree totals, leaving junk subtrees out. Children come after parents, so one reverse loop does it.</summary>
    public void Accumulate()
    {
        var n = Count;
        Array.Clear(TextChars);
        Array.Clear(LinkChars);
        Array.Clear(InlineChars);
        Array.Clear(InlineCommas);
        Array.Clear(InlineLinkChars);
        Array.Clear(ParagraphCount);
        Array.Clear(ListItemCount);
        Array.Clear(HeadingChars);
        Array.Clear(TextCommas);
        Array.Clear(Prose);
        Array.Clear(BlockChildren);
        Array.Copy(ownImages, ImageCount, n);
        Array.Copy(ownEmbeds, EmbedCount, n);
        Array.Copy(ownInputs, InputCount, n);
        for (var i = n - 1; i >= 0; i--)
        {
            if (Junk[i])
            {
                continue;
            }

            TextChars[i] += OwnChars[i];
            TextCommas[i] += OwnCommas[i];
            LinkChars[i] += OwnLinkChars[i];
            InlineChars[i] += OwnChars[i];
            InlineCommas[i] += OwnCommas[i];
            InlineLinkChars[i] += OwnLinkChars[i];
            var name = Elements[i].LocalName;
            if (name == "p")
            {
                ParagraphCount[i]++;
            }
            else if (name == "li")
            {
                ListItemCount[i]++;
            }
            else if (name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                HeadingChars[i] += TextChars[i];
            }

            if (IsProse(i))
            {
                Prose[i] += InlineChars[i];
            }

            var p = Parent[i];
            if (p < 0)
            {
                continue;
            }

            Prose[p] += Prose[i];
            TextChars[p] += TextChars[i];
            TextCommas[p] += TextCommas[i];
            LinkChars[p] += LinkChars[i];
            ParagraphCount[p] += ParagraphCount[i];
            ListItemCount[p] += ListItemCount[i];
            HeadingChars[p] += HeadingChars[i];
            ImageCount[p] += ImageCount[i];
            EmbedCount[p] += EmbedCount[i];
            InputCount[p] += InputCount[i];
            if (Kinds[i] is TagKind.Inline or TagKind.Break)
            {
                InlineChars[p] += InlineChars[i];
                InlineCommas[p] += InlineCommas[i];
                InlineLinkChars[p] += InlineLinkChars[i];
            }
            else
            {
                BlockChildren[p]++;
            }
        }
    }

    /// <summary>Whether element <paramref name="i"/> is a paragraph of prose itself: long enough, with few links.</summary>
    public bool IsProse(int i) => Kinds[i] is TagKind.Block or TagKind.Paragraph && InlineChars[i] >= ProseChars && InlineLinkChars[i] * 4 < InlineChars[i];

    public double LinkDensity(int i) => TextChars[i] == 0 ? 0 : (double)LinkChars[i] / TextChars[i];

    public bool IsInside(int i, int ancestor) => i >= ancestor && i < End[ancestor];

    /// <summary>Visible characters in a text: whitespace runs count as one, and commas are counted on the way.</summary>
    public static (int Chars, int Commas) Measure(string text)
    {
        var chars = 0;
        var commas = 0;
        var space = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    chars++;
                    space = true;
                }

                continue;
            }

            space = false;
            chars++;
            if (c is ',' or '\uFF0C' or '\u3001' or '\u060C')
            {
                commas++;
            }
        }

        return (chars, commas);
    }
}
