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
    private const int MinParagraphChars = 25;

    /// <summary>An article element inside the body with this much prose of its own is a listicle's item, not a teaser card.</summary>
    private const int ListItemProseChars = 400;

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
            Clean(index, container, raw, removed, strictness >= 2);
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

    /// <summary>Removes blocks inside a container that do not read as prose, as Readability's conditional cleaning does.</summary>
    private static void Clean(DomIndex index, int container, double[] raw, bool[] removed, bool trustWords)
    {
        for (var i = container + 1; i < index.End[container]; i++)
        {
            if (index.Junk[i] || removed[index.Parent[i]])
            {
                removed[i] = removed[index.Parent[i]];
                continue;
            }

            var tag = index.Elements[i].LocalName;
            if (tag is not ("div" or "section" or "table" or "ul" or "ol" or "dl" or "figure" or "fieldset" or "article" or "center"))
            {
                continue;
            }

            // A block that holds most of the body's prose is the body, not something to clean out of it.
            if (index.Prose[i] * 2 > index.Prose[container] && index.Prose[i] >= 5 * DomIndex.ProseChars)
            {
                continue;
            }

            removed[i] = ShouldRemove(index, i, tag, raw[i], trustWords) || (tag == "article" && IsTeaserCard(index, container, i));
        }
    }

    /// <summary>
    /// An article element inside the body that sits beside other article elements and holds a minor share of the
    /// body's prose: a card in a "you may also like" list nested in the article, not the article itself. An item that
    /// holds paragraphs of prose of its own with few links is a section of a listicle (one product, one place per
    /// article element), which a card linking to another story is not.
    /// </summary>
    private static bool IsTeaserCard(DomIndex index, int container, int i)
    {
        if (index.Prose[i] * 2 >= index.Prose[container] || (index.Prose[i] >= ListItemProseChars && index.LinkDensity(i) < 0.2))
        {
            return false;
        }

        var parent = index.Parent[i];
        for (var j = parent + 1; j < index.End[parent]; j = index.End[j])
        {
            if (j != i && index.Elements[j].LocalName == "article")
            {
                return true;
            }
        }

        return false;
    }

    private static bool ShouldRemove(DomIndex index, int i, string tag, double contentScore, bool trustWords)
    {
        var weight = trustWords ? index.ClassWeight[i] : Math.Max(0, index.ClassWeight[i]);
        var density = index.LinkDensity(i);
        // A list's own tag scores against it (-3), but a link-poor list inside the body is the article's list.
        var linkPoorList = tag is "ul" or "ol" or "dl" && weight >= 0 && density < 0.3 && index.ImageCount[i] == 0;
        if (weight + contentScore < 0 && !linkPoorList)
        {
            return true;
        }

        // Plenty of link-poor prose is body text however many images or list items sit beside it (a text written
        // with line breaks instead of paragraphs has no p elements to count).
        if (index.TextCommas[i] >= 10 || (index.Prose[i] >= 500 && density < 0.2))
        {
            return false;
        }

        if (tag == "table")
        {
            // Data tables (results, prices, schedules) are content even when every row links somewhere.
            return index.LinkDensity(i) > 0.5 || index.InputCount[i] > 0 || index.EmbedCount[i] > 0;
        }

        var isList = tag is "ul" or "ol" or "dl";
        // Paragraphs written as divs count too: a page that writes its text in divs has few p elements to count.
        var paragraphs = Math.Max(index.ParagraphCount[i], index.Prose[i] / DomIndex.ProseChars);
        var images = index.ImageCount[i];
        var items = index.ListItemCount[i] - 100;
        var inputs = index.InputCount[i];
        var embeds = index.EmbedCount[i];
        var length = index.TextChars[i];
        var headingDensity = length == 0 ? 0 : (double)index.HeadingChars[i] / length;
        var inFigure = tag == "figure";

        return (images > 1 && paragraphs / (double)images < 0.5 && !inFigure)
            || (!isList && items > paragraphs)
            || (inputs > paragraphs / 3)
            || (!isList && headingDensity < 0.9 && length < MinParagraphChars && (images == 0 || images > 2) && !inFigure)
            || (!isList && weight < 25 && density > 0.2)
            || (isList && density > 0.5)
            || (weight >= 25 && density > 0.5)
            || (embeds == 1 && length < 75)
            || embeds > 1;
    }
}
