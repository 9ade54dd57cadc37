using AngleSharp.Dom;

namespace Parallax.Core.Extraction.Html;

/// <summary>The article body found on a page: the containers that hold it and the blocks inside them to leave out.</summary>
/// <param name="Containers">Index of each container in document order (the best candidate and the siblings that belong with it).</param>
/// <param name="Removed">Elements inside the containers cleaned away as not prose (link lists, image strips, forms).</param>
internal sealed record BodyChoice(IReadOnlyList<int> Containers, bool[] Removed);

/// <summary>
/// Finds the article body by scoring containers on the prose they hold, in the manner of Readability: each
/// paragraph gives its parent a score from its length and commas, and a decaying share to further ancestors;
/// a container's score is discounted by its link density and weighted by its class words. Everything here is
/// loops over the <see cref="DomIndex"/> arrays.
/// </summary>
internal static class BodyFinder
{
    /// <summary>Paragraphs shorter than this give no score: captions, buttons, datelines.</summary>
    internal const int MinParagraphChars = 25;

    /// <summary>Chosen blocks holding under this share of the page's prose are a part of the body, not all of it.</summary>
    private const double ExtendBelowShare = 0.5;

    /// <summary>The ancestor the body extends to holds at least this share of the page's prose.</summary>
    private const double ExtendToShare = 0.8;

    /// <summary>An ancestor with more link text than this is a page section of teasers or menus, not the body.</summary>
    private const double ExtendMaxLinkDensity = 0.25;

    /// <summary>
    /// Scores the containers and picks the body inside <paramref name="scope"/> (an element index). Below
    /// <paramref name="strictness"/> 2 class words are not trusted, so they do not clean blocks out of the body either.
    /// </summary>
    public static BodyChoice? Find(DomIndex index, int scope, int strictness = 2)
    {
        var n = index.Count;
        var raw = new double[n];
        var scored = new bool[n];
        var end = index.End[scope];
        for (var i = scope; i < end; i++)
        {
            if (index.Junk[i] || !IsParagraphLike(index, i))
            {
                continue;
            }

            var chars = index.InlineChars[i];
            if (chars < MinParagraphChars || index.InlineLinkChars[i] * 2 > chars)
            {
                continue;
            }

            var score = 1.0 + index.InlineCommas[i] + Math.Min(chars / 100, 3);

            // A paragraph gives its score to its container; a block that holds both loose text and other blocks
            // is itself the container of that text.
            var ancestor = index.Kinds[i] == TagKind.Block && index.BlockChildren[i] > 0 ? i : index.Parent[i];
            for (var level = 0; level < 5 && ancestor >= 0 && ancestor >= scope; level++)
            {
                if (!scored[ancestor])
                {
                    scored[ancestor] = true;
                    raw[ancestor] = BaseScore(index.Elements[ancestor].LocalName) + index.ClassWeight[ancestor];
                }

                raw[ancestor] += level switch { 0 => score, 1 => score / 2, _ => score / (level * 3) };
                ancestor = index.Parent[ancestor];
            }
        }

        var final = new double[n];
        var top = -1;
        for (var i = scope; i < end; i++)
        {
            if (!scored[i])
            {
                continue;
            }

            final[i] = raw[i] * (1 - index.LinkDensity(i));
            if (top < 0 || final[i] > final[top])
            {
                top = i;
            }
        }

        if (top < 0)
        {
            return null;
        }

        top = Refine(index, scope, top, final, scored);
        var containers = Siblings(index, scope, top, final, scored);
        containers = ExtendToProseMass(index, scope, containers);
        var removed = new bool[n];
        foreach (var container in containers)
        {
            BodyCleaner.Clean(index, container, raw, removed, strictness >= 2);
        }

        return new BodyChoice(containers, removed);
    }

    private static bool IsParagraphLike(DomIndex index, int i) => index.Elements[i].LocalName switch
    {
        "p" or "pre" or "td" or "blockquote" or "div" or "section" or "article" or "main" or "dd" or "center" => true,
        "h2" or "h3" or "h4" or "h5" or "h6" => true,
        _ => false,
    };

    private static double BaseScore(string tag) => tag switch
    {
        "div" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    /// <summary>Moves the choice up when the best candidates share a container, or when its parent scores better.</summary>
    private static int Refine(DomIndex index, int scope, int top, double[] final, bool[] scored)
    {
        // Several near-best candidates under one ancestor: the body is split into sections, take their container.
        var best = new List<int>(5);
        for (var i = scope; i < index.End[scope]; i++)
        {
            if (!scored[i] || i == top || final[i] < final[top] * 0.75)
            {
                continue;
            }

            best.Add(i);
        }

        if (best.Count >= 3)
        {
            for (var ancestor = index.Parent[top]; ancestor >= scope && ancestor >= 0; ancestor = index.Parent[ancestor])
            {
                var inside = 0;
                foreach (var b in best)
                {
                    if (index.IsInside(b, ancestor))
                    {
                        inside++;
                    }
                }

                if (inside >= 3)
                {
                    top = ancestor;
                    break;
                }
            }
        }

        // Climb while the parent scores higher than what we hold (the body's sections are scored separately).
        var last = final[top];
        var threshold = last / 3;
        for (var parent = index.Parent[top]; parent > scope; parent = index.Parent[parent])
        {
            if (!scored[parent])
            {
                continue;
            }

            if (final[parent] < threshold)
            {
                break;
            }

            if (final[parent] > last)
            {
                top = parent;
                break;
            }

            last = final[parent];
        }

        // The body split into blocks by figures, videos or an author box: climb while the parent adds a good share of
        // prose of its own, with few links. Boilerplate with prose (comments) is junk already and does not count.
        var level = 0;
        for (var parent = index.Parent[top]; parent > scope && level < 8; parent = index.Parent[parent], level++)
        {
            if (index.LinkDensity(parent) > 0.3 || index.Prose[parent] < index.TextChars[parent] * 0.6)
            {
                break;
            }

            var added = index.Prose[parent] - index.Prose[top];
            if (added >= index.Prose[top] / 4 && added >= 2 * DomIndex.ProseChars)
            {
                top = parent;
            }
        }

        // A wrapper around the candidate alone adds nothing but is where siblings are looked for.
        while (index.Parent[top] > scope && index.TextChars[index.Parent[top]] == index.TextChars[top])
        {
            top = index.Parent[top];
        }

        return top;
    }

    /// <summary>
    /// When the chosen blocks hold a minor share of the prose of the page (a review's products, a guide's steps or a page
    /// builder's text blocks each scored on their own), the body is the nearest ancestor that holds most of it, as long
    /// as that ancestor has few links; cleaning then takes out what inside it is not prose. The page's body element
    /// itself is never taken: prose spread over the whole page is more often other stories than one article.
    /// </summary>
    private static List<int> ExtendToProseMass(DomIndex index, int scope, List<int> containers)
    {
        var chosen = 0;
        foreach (var c in containers)
        {
            chosen += index.Prose[c];
        }

        var pageProse = index.Prose[scope];
        if (chosen >= pageProse * ExtendBelowShare)
        {
            return containers;
        }

        for (var ancestor = index.Parent[containers[0]]; ancestor > scope; ancestor = index.Parent[ancestor])
        {
            if (index.Prose[ancestor] >= pageProse * ExtendToShare)
            {
                return index.LinkDensity(ancestor) <= ExtendMaxLinkDensity ? [ancestor] : containers;
            }
        }

        return containers;
    }

    /// <summary>The top candidate and the siblings that read as more of the same article.</summary>
    private static List<int> Siblings(DomIndex index, int scope, int top, double[] final, bool[] scored)
    {
        var parent = index.Parent[top];
        if (parent < scope || parent < 0)
        {
            return [top];
        }

        var threshold = Math.Max(10, final[top] * 0.2);
        var topClass = index.Elements[top].GetAttribute("class");
        var result = new List<int>();
        for (var j = parent + 1; j < index.End[parent]; j = index.End[j])
        {
            if (j == top)
            {
                result.Add(j);
                continue;
            }

            if (index.Junk[j] || index.TextChars[j] == 0)
            {
                continue;
            }

            var bonus = !string.IsNullOrEmpty(topClass) && index.Elements[j].GetAttribute("class") == topClass ? final[top] * 0.2 : 0;
            if (scored[j] && final[j] + bonus >= threshold)
            {
                result.Add(j);
                continue;
            }

            if (index.Elements[j].LocalName == "p")
            {
                var length = index.TextChars[j];
                var density = index.LinkDensity(j);
                if ((length > 80 && density < 0.25) || (length > 0 && length <= 80 && density == 0 && EndsSentence(index.Elements[j])))
                {
                    result.Add(j);
                }
            }
        }

        return result;
    }

    private static bool EndsSentence(IElement element)
    {
        var text = element.TextContent.AsSpan().TrimEnd();
        return text.Length > 0 && text[^1] is '.' or '!' or '?' or '"' or '\u201D' or '\u3002';
    }
}
