namespace Parallax.Core.Extraction.Html;

/// <summary>
/// Cleans the chosen body containers, as Readability's conditional cleaning does: blocks that do not read as prose
/// (link lists, image strips, forms, embeds) come out. A block that only looks sparse (many links, many images, few
/// paragraphs) and sits between paragraphs of the article's own prose stays: boilerplate of that kind (more stories,
/// a staff list, a sidebar the container took in) comes before or after the article, while a list of links or a set
/// of cards in the middle of the text is part of what the author wrote.
/// </summary>
internal static class BodyCleaner
{
    /// <summary>An article element inside the body with this much prose of its own is a listicle's item, not a teaser card.</summary>
    private const int ListItemProseChars = 400;

    /// <summary>Marks in <paramref name="removed"/> the blocks of <paramref name="container"/> to leave out of the body.</summary>
    public static void Clean(DomIndex index, int container, double[] raw, bool[] removed, bool trustWords)
    {
        // First the first and last paragraph of prose outside every sparse block, judging only the blocks outside
        // them (inside one, the outer verdict decides where prose lies); a block inside a sparse block is judged only
        // when that block stays, and nothing inside a removed block is judged at all.
        var end = index.End[container];
        var start = container + 1;
        var verdicts = new Verdict?[end - start];
        var covered = new bool[end - start];
        var firstProse = end;
        var lastProse = -1;
        for (var i = start; i < end; i++)
        {
            var parent = index.Parent[i];
            if (parent >= start && covered[parent - start])
            {
                covered[i - start] = true;
                continue;
            }

            var verdict = index.Junk[i] ? Verdict.Keep : Judge(index, container, i, raw[i], trustWords);
            verdicts[i - start] = verdict;
            covered[i - start] = verdict != Verdict.Keep;
            if (verdict == Verdict.Keep && !index.Junk[i] && index.IsProse(i))
            {
                firstProse = Math.Min(firstProse, i);
                lastProse = i;
            }
        }

        for (var i = start; i < end; i++)
        {
            var parent = index.Parent[i];
            if (index.Junk[i] || removed[parent])
            {
                removed[i] = removed[parent];
                continue;
            }

            var betweenProse = i > firstProse && index.End[i] <= lastProse;
            removed[i] = (verdicts[i - start] ?? Judge(index, container, i, raw[i], trustWords)) switch
            {
                Verdict.Remove => true,
                Verdict.Sparse => !betweenProse,
                _ => false,
            };
        }
    }

    /// <summary>What cleaning makes of one block of the body.</summary>
    private enum Verdict : byte
    {
        /// <summary>Prose, or not a block cleaning judges.</summary>
        Keep,

        /// <summary>Links, images, inputs or embeds with few paragraphs: out unless the article's prose goes on after it.</summary>
        Sparse,

        /// <summary>A scrap of text too short to be a paragraph (a label, a button): out wherever it sits.</summary>
        Remove,
    }

    private static Verdict Judge(DomIndex index, int container, int i, double contentScore, bool trustWords)
    {
        var tag = index.Elements[i].LocalName;
        if (tag is not ("div" or "section" or "table" or "ul" or "ol" or "dl" or "figure" or "fieldset" or "article" or "center"))
        {
            return Verdict.Keep;
        }

        // A block that holds most of the body's prose is the body, not something to clean out of it.
        if (index.Prose[i] * 2 > index.Prose[container] && index.Prose[i] >= 5 * DomIndex.ProseChars)
        {
            return Verdict.Keep;
        }

        var verdict = ShouldRemove(index, i, tag, contentScore, trustWords);
        return verdict == Verdict.Keep && tag == "article" && IsTeaserCard(index, container, i) ? Verdict.Sparse : verdict;
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

    private static Verdict ShouldRemove(DomIndex index, int i, string tag, double contentScore, bool trustWords)
    {
        var weight = trustWords ? index.ClassWeight[i] : Math.Max(0, index.ClassWeight[i]);
        var density = index.LinkDensity(i);
        // A list's own tag scores against it (-3), but a link-poor list inside the body is the article's list.
        var linkPoorList = tag is "ul" or "ol" or "dl" && weight >= 0 && density < 0.3 && index.ImageCount[i] == 0;
        if (weight + contentScore < 0 && !linkPoorList)
        {
            return Verdict.Sparse;
        }

        // Plenty of link-poor prose is body text however many images or list items sit beside it (a text written
        // with line breaks instead of paragraphs has no p elements to count).
        if (index.TextCommas[i] >= 10 || (index.Prose[i] >= 500 && density < 0.2))
        {
            return Verdict.Keep;
        }

        if (tag == "table")
        {
            // Data tables (results, prices, schedules) are content even when every row links somewhere.
            return index.LinkDensity(i) > 0.5 || index.InputCount[i] > 0 || index.EmbedCount[i] > 0 ? Verdict.Sparse : Verdict.Keep;
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

        if (!isList && headingDensity < 0.9 && length < BodyFinder.MinParagraphChars && (images == 0 || images > 2) && !inFigure)
        {
            return Verdict.Remove;
        }

        var sparse = (images > 1 && paragraphs / (double)images < 0.5 && !inFigure)
            || (!isList && items > paragraphs)
            || (inputs > paragraphs / 3)
            || (!isList && weight < 25 && density > 0.2)
            || (isList && density > 0.5)
            || (weight >= 25 && density > 0.5)
            || (embeds == 1 && length < 75)
            || embeds > 1;
        return sparse ? Verdict.Sparse : Verdict.Keep;
    }
}
