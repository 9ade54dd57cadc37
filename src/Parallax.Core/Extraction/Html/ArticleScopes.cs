namespace Parallax.Core.Extraction.Html;

/// <summary>
/// Where to look for a page's articles: the whole body, or, when the page holds several full articles in separate
/// <c>&lt;article&gt;</c> elements (a listing with full bodies, an article followed by the next one), each of those.
/// A story of one long paragraph is still a story, so neither a heading nor a paragraph count is asked for: an
/// aggregator's items are often one paragraph each, and joining them into one body would mix their events.
/// Teasers and related-story cards are too short to count, so a single article with a teaser list stays one.
/// Articles nested in an article are its parts (comments, the cards of a "you may also like" box), never further
/// articles of the page; and when the one full article sits beside such a box of cards, it alone is the scope, so
/// the box stays out of its body.
/// </summary>
internal static class ArticleScopes
{
    /// <summary>An <c>&lt;article&gt;</c> needs this much prose of its own to count as one of several articles on a page.</summary>
    private const int MinArticleChars = 400;

    /// <summary>The elements to extract an article from, in page order; [0] (the body) for one article.</summary>
    public static List<int> Find(DomIndex index)
    {
        var full = new List<int>();
        var cardBoxes = 0;
        for (var i = 0; i < index.Count; i++)
        {
            if (index.Junk[i] || index.Elements[i].LocalName != "article")
            {
                continue;
            }

            if (OwnProse(index, i) >= MinArticleChars)
            {
                full.Add(i);
            }
            else if (index.Prose[i] >= MinArticleChars)
            {
                cardBoxes++;
            }

            i = index.End[i] - 1;
        }

        if (full.Count >= 2)
        {
            var inside = full.Sum(article => index.Prose[article]);
            return SectionsOfOne(index, full, inside) || MostProseOutside(index, inside) ? [0] : full;
        }

        return full.Count == 1 && cardBoxes > 0 ? full : [0];
    }

    /// <summary>
    /// Excerpt cards (a "recent posts" grid, each card an <c>&lt;article&gt;</c>) beside an article that is not marked
    /// up as one: most of the page's prose lies outside them. An aggregator's articles hold nearly all of it.
    /// </summary>
    private static bool MostProseOutside(DomIndex index, int inside) => inside * 2 < index.Prose[0];

    /// <summary>
    /// Articles that are the sections of one piece (a guide's steps, a listicle's entries, each marked up as an
    /// <c>&lt;article&gt;</c>): the element holding them all has prose of its own beside them, an introduction or a
    /// conclusion. An aggregator's items sit in a listing that has none.
    /// </summary>
    private static bool SectionsOfOne(DomIndex index, List<int> articles, int inside)
    {
        var holder = index.Parent[articles[0]];
        while (holder > 0 && index.End[holder] < index.End[articles[^1]])
        {
            holder = index.Parent[holder];
        }

        return index.Prose[Math.Max(holder, 0)] - inside >= MinArticleChars;
    }

    /// <summary>
    /// The prose of an <c>&lt;article&gt;</c> outside the articles nested in it. An article made of nested ones (a
    /// "you may also like" box of teaser cards) is their container, not an article: a box of teasers never adds up to
    /// a second article of the page.
    /// </summary>
    private static int OwnProse(DomIndex index, int article)
    {
        var prose = index.Prose[article];
        for (var j = article + 1; j < index.End[article]; j++)
        {
            if (index.Elements[j].LocalName == "article")
            {
                prose -= index.Prose[j];
                j = index.End[j] - 1;
            }
        }

        return prose;
    }
}
