using AngleSharp.Dom;

namespace Parallax.Core.Extraction.Html;

/// <summary>
/// Marks the blocks of a page that are not the article before the body is scored (<see cref="BodyFinder"/>): hidden
/// blocks, tags and roles of page chrome (nav, aside, footer...), and blocks whose class words say boilerplate, each
/// signal trusted or not by the pass's strictness, with the exceptions that keep an article its markup misnames.
/// </summary>
internal static class JunkMarker
{
    /// <summary>How many same-tag siblings a junk-named section is compared with before it is left junk.</summary>
    private const int MaxSiblingsCompared = 64;

    /// <summary>Prose a block named like boilerplate must hold to be read as article text (five long paragraphs' worth).</summary>
    private const int ProseBlockChars = 5 * DomIndex.ProseChars;

    /// <summary>Above this share of link text a block of prose is teasers or a link list, as its words say.</summary>
    private const double ProseBlockLinkDensity = 0.2;

    /// <summary>
    /// Marks junk: tags, hidden blocks, roles and class words that are not the article. Each lower
    /// <paramref name="strictness"/> trusts fewer signals (2: all; 1: no class words; 0: hidden blocks only), for
    /// pages whose markup names its article container like a sidebar or hides it inside a header.
    /// </summary>
    public static void MarkJunk(DomIndex index, int strictness = 2)
    {
        Array.Clear(index.Junk);
        Array.Clear(index.JunkRoot);

        // Raw totals first, so that a container named after something junky ("has-sidebar") that holds most of the
        // page's prose is not thrown away with the sidebar.
        if (!index.HasSignals)
        {
            ReadSignals(index);
        }

        index.Accumulate();
        var pageProse = Math.Max(1, index.TextChars[0] - index.LinkChars[0]);
        for (var i = 1; i < index.Count; i++)
        {
            var parent = index.Parent[i];
            if (parent >= 0 && index.Junk[parent])
            {
                index.Junk[i] = true;
                continue;
            }

            var signal = index.Signals[i];
            // A header is the page's masthead or an article's title block; one that holds most of the page's prose is
            // a page builder's wrapper round the article, named for where it sits.
            var junk = (signal & JunkSignal.Hidden) != 0
                || (strictness >= 1 && (signal & JunkSignal.TagOrRole) != 0 && !(index.Elements[i].LocalName == "header" && HoldsMostProse(index, i, pageProse)));
            // Comments stay out when other class words are not trusted: a retry for a short article must not take them.
            if (!junk && ((strictness >= 2 && (signal & JunkSignal.Words) != 0) || (strictness <= 1 && (signal & JunkSignal.Comments) != 0)))
            {
                junk = !HoldsMostProse(index, i, pageProse);
                if (junk && strictness >= 2 && (signal & JunkSignal.Comments) == 0 && (((signal & JunkSignal.FirmWords) == 0 && IsProseBlock(index, i)) || IsTemplateSection(index, i) || IsDataCell(index, i)))
                {
                    // Its words were wrong about it: they must not score it down or clean it out of the body either.
                    junk = false;
                    index.ClassWeight[i] = Math.Max(0, index.ClassWeight[i]);
                }
            }
            else if (!junk && strictness >= 2 && (signal & JunkSignal.SoftWords) != 0)
            {
                // A share bar holds no prose; an embedded post or a transcript does.
                junk = index.TextChars[i] - index.LinkChars[i] < 40 || index.LinkDensity(i) > 0.6;
            }

            index.Junk[i] = junk;
            index.JunkRoot[i] = junk;
        }

        index.Accumulate();
    }

    /// <summary>
    /// A block whose class words say boilerplate but that is one more of the article's sections: it holds link-poor
    /// prose, and a sibling of the same tag carries all of its classes but the extra one ("section" beside "section
    /// jump-section"), without junk words. Sections of one article are built from one template; an extra class names a
    /// behaviour (a jump-link target, a hidden-on-print flag), not another kind of block.
    /// </summary>
    private static bool IsTemplateSection(DomIndex index, int i)
    {
        var parent = index.Parent[i];
        var element = index.Elements[i];
        var className = element.GetAttribute("class");
        if (parent < 0 || className is null || index.Prose[i] < DomIndex.ProseChars || index.LinkDensity(i) > 0.3)
        {
            return false;
        }

        // A template's sections sit among the first siblings; the cap keeps a page of thousands of junk-named siblings
        // from costing the square of their count.
        var compared = 0;
        for (var j = parent + 1; j < index.End[parent] && compared < MaxSiblingsCompared; j = index.End[j])
        {
            if (j == i || (index.Signals[j] & (JunkSignal.Words | JunkSignal.TagOrRole | JunkSignal.Hidden)) != 0 || index.Elements[j].LocalName != element.LocalName)
            {
                continue;
            }

            compared++;

            if (index.Elements[j].GetAttribute("class") is { Length: > 0 } sibling && ClassesWithin(sibling, className))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A cell or row of a data table whose class words are about its look ("font-utility", "cell-meta"): a table's
    /// cells hold its data, and chrome laid out in a table (a layout table's menu cell) is made of links.
    /// </summary>
    private static bool IsDataCell(DomIndex index, int i) =>
        index.Elements[i].LocalName is "td" or "th" or "tr" && index.LinkDensity(i) < 0.3;

    /// <summary>Every class of <paramref name="inner"/> is also a class of <paramref name="outer"/>, which has more.</summary>
    private static bool ClassesWithin(string inner, string outer)
    {
        var count = 0;
        foreach (var range in inner.AsSpan().SplitAny(" \t\n\r\f"))
        {
            var token = inner.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
            if (token.IsEmpty)
            {
                continue;
            }

            var found = false;
            foreach (var other in outer.AsSpan().SplitAny(" \t\n\r\f"))
            {
                found |= outer.AsSpan()[other].SequenceEqual(token);
            }

            if (!found)
            {
                return false;
            }

            count++;
        }

        return count > 0 && outer.Length > inner.Length;
    }

    /// <summary>
    /// A block of link-poor prose paragraphs, whose words for where it sits or how it looks (a layout's "sidebar-enabled",
    /// a "listicle-header" holding the introduction) are wrong about it: boilerplate named so is short or made of links.
    /// Words for what a block is for (a footer, an author's bio, related stories) are believed whatever it holds.
    /// </summary>
    private static bool IsProseBlock(DomIndex index, int i) =>
        index.Prose[i] >= ProseBlockChars && index.LinkDensity(i) < ProseBlockLinkDensity && index.Prose[i] * 2 >= index.TextChars[i];

    /// <summary>Most of the page's link-poor text, in paragraphs: the article, whatever the block is called.</summary>
    private static bool HoldsMostProse(DomIndex index, int i, int pageProse) =>
        index.TextChars[i] - index.LinkChars[i] > pageProse / 2 && (index.ParagraphCount[i] >= 3 || index.Prose[i] >= 3 * DomIndex.ProseChars);

    /// <summary>Reads each element's attributes once per page: what its tag, visibility, role and class words say.</summary>
    private static void ReadSignals(DomIndex index)
    {
        var verdicts = new Dictionary<(string?, string?, bool), WordVerdict>();
        for (var i = 0; i < index.Count; i++)
        {
            var element = index.Elements[i];
            var className = element.GetAttribute("class");
            var id = element.GetAttribute("id");
            var heading = element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

            // A heading's id is an anchor made from its own words ("when-the-costs-rise-more"), not a name for a block.
            id = heading ? null : id;
            if (!verdicts.TryGetValue((className, id, heading), out var verdict))
            {
                verdict = BoilerplateWords.Judge(className, id, heading);
                verdicts[(className, id, heading)] = verdict;
            }

            index.ClassWeight[i] = verdict.Weight;
            if (i == 0)
            {
                continue;
            }

            var signal = JunkSignal.None;
            if (IsHidden(element))
            {
                signal |= JunkSignal.Hidden;
            }

            if (IsJunkTag(element) || BoilerplateWords.IsJunkRole(element.GetAttribute("role")))
            {
                signal |= JunkSignal.TagOrRole;
            }

            if (verdict.Junk && element.LocalName is not ("main" or "body" or "html"))
            {
                signal |= verdict.Soft ? JunkSignal.SoftWords : JunkSignal.Words;
                signal |= verdict.Comments ? JunkSignal.Comments : JunkSignal.None;
                signal |= verdict.Firm ? JunkSignal.FirmWords : JunkSignal.None;
            }

            index.Signals[i] = signal;
        }

        index.HasSignals = true;
    }

    private static bool IsJunkTag(IElement element) => element.LocalName switch
    {
        "nav" or "aside" or "footer" or "button" or "dialog" or "menu" or "header" or "figcaption" or "form" => element.LocalName != "form" || LooksLikeForm(element),
        _ => false,
    };

    /// <summary>A form is junk when it is a real form (search, sign-up); many CMSs wrap the whole page in one form.</summary>
    private static bool LooksLikeForm(IElement element) => element.GetElementsByTagName("input").Length > 0 && element.GetElementsByTagName("p").Length < 3;

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden"))
        {
            return !IsStreamedSegment(element);
        }

        if (element.GetAttribute("aria-hidden") is "true")
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is null)
        {
            return false;
        }

        var s = style.AsSpan();
        return ContainsIgnoringSpaces(s, "display:none") || ContainsIgnoringSpaces(s, "visibility:hidden");
    }

    /// <summary>
    /// React's streamed server rendering sends a suspended part of the page late, in a hidden div with id "S:n", and a
    /// script moves it into its placeholder on load: what a reader sees, although the markup hides it.
    /// </summary>
    private static bool IsStreamedSegment(IElement element)
    {
        var id = element.Id;
        if (id is not { Length: > 2 } || !id.StartsWith("S:", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in id.AsSpan(2))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsIgnoringSpaces(ReadOnlySpan<char> text, string needle)
    {
        var matched = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                continue;
            }

            matched = char.ToLowerInvariant(c) == needle[matched] ? matched + 1 : (char.ToLowerInvariant(c) == needle[0] ? 1 : 0);
            if (matched == needle.Length)
            {
                return true;
            }
        }

        return false;
    }
}
