using AngleSharp.Dom;
using Parallax.Core.Language;

namespace Parallax.Core.Extraction.Html;

/// <summary>
/// What an article element's own markup says of it: its heading, time element, source, author and link. A page that
/// holds several articles (a listing) gives each its own, over the page's <see cref="PageMetadata"/>; a page of one
/// article takes its author from the byline element when the metadata names none.
/// </summary>
internal static class ArticleMetadata
{
    /// <summary>The title, source, date, author and address an article element carries itself, over the page's.</summary>
    public static PageMetadata ReadOwn(IElement article, PageMetadata page)
    {
        var title = FirstHeading(article);
        DateTimeOffset? published = null;
        string? source = null;
        string? author = null;
        string? url = null;
        foreach (var element in FirstDescendants(article, 2000))
        {
            if (published is null && element.LocalName == "time")
            {
                published = DateParser.Parse(element.GetAttribute("datetime"));
            }

            if (url is null && element.LocalName == "a" && element.ParentElement?.LocalName is "h1" or "h2" or "h3")
            {
                url = element.GetAttribute("href");
            }

            var role = element.GetAttribute("itemprop") ?? element.GetAttribute("class");
            if (role is null || role.Length > 200)
            {
                continue;
            }

            if (source is null && NamesRole(role, "source", "publisher", "provider", "outlet", "origin"))
            {
                source = ShortText(element);
            }
            else if (author is null && NamesRole(role, "author", "byline", "creator"))
            {
                author = ShortText(element);
            }
        }

        return page with
        {
            Title = title ?? page.Title,
            Source = source ?? page.Source,
            Published = published ?? page.Published,
            Author = author,
            Url = PageMetadata.Resolve(url, page.Url),
        };
    }

    /// <summary>
    /// The author's name from the element the markup names for it: rel="author", itemprop="author", or a class or id
    /// naming the author or byline, the first one short enough to be a name ("By" and the like taken off).
    /// </summary>
    public static string? BylineElement(IElement scope)
    {
        foreach (var element in FirstDescendants(scope, 3000))
        {
            var named = element.GetAttribute("rel") is "author"
                || element.GetAttribute("itemprop") is "author"
                || (element.GetAttribute("class") is { Length: <= 200 } words && NamesRole(words, "author-name", "authorname", "byline", "author"));
            if (!named || ShortText(element) is not { } text)
            {
                continue;
            }

            var name = ParagraphFilter.BylineName(text) ?? text;
            if (name.Length is > 2 and <= 60 && char.IsLetter(name[0]))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// The first <paramref name="limit"/> elements below <paramref name="scope"/> in document order, walked lazily: a tag-name
    /// collection of "*" gathers the whole subtree (and its Length and indexer walk it again) where the search stops early.
    /// </summary>
    private static IEnumerable<IElement> FirstDescendants(IElement scope, int limit) => scope.GetDescendants().OfType<IElement>().Take(limit);

    private static bool NamesRole(string words, params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (words.Contains(role, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An element's text when it is short enough to be a name, else null.</summary>
    private static string? ShortText(IElement element)
    {
        var text = ParagraphWriter.TextOf(element);
        return text.Length is > 0 and <= 80 ? text : null;
    }

    public static string? FirstHeading(IElement scope)
    {
        foreach (var tag in (ReadOnlySpan<string>)["h1", "h2", "h3"])
        {
            var headings = scope.GetElementsByTagName(tag);
            if (headings.Length > 0)
            {
                var text = ParagraphWriter.TextOf(headings[0]);
                if (text.Length > 0)
                {
                    return text;
                }
            }
        }

        return null;
    }
}
