using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Parallax.Core.Language;

namespace Parallax.Core.Extraction.Html;

/// <summary>What a page says about its article in markup meant for machines: JSON-LD, Open Graph, meta tags, link tags.</summary>
internal sealed record PageMetadata(
    string? Title,
    string? Source,
    string? Url,
    DateTimeOffset? Published,
    string? Author,
    string? Language,
    string? ArticleBody)
{
    public static PageMetadata Read(IHtmlDocument document, string? pageUrl)
    {
        var meta = new MetaTags(document);
        var ld = JsonLdArticle.Read(document);
        var source = FirstText(meta.Get("og:site_name"), ld.Publisher, ld.SiteName, meta.Get("application-name"), meta.Get("publisher"), meta.Get("dc.publisher"), TwitterHandle(meta.Get("twitter:site")));
        var title = PageTitle.WithoutSiteName(
            FirstText(ld.Headline, meta.Get("og:title"), meta.Get("twitter:title"), meta.Get("dc.title"), meta.Get("headline"), document.Title),
            source,
            document.Body?.GetElementsByTagName("h1").FirstOrDefault()?.TextContent,
            pageUrl);
        // Trimmed of Unicode white space too, which Uri does not strip: a canonical address padded with no-break spaces still resolves.
        var url = Resolve(FirstText(Canonical(document), meta.Get("og:url"), ld.Url)?.Trim(), pageUrl) ?? pageUrl;
        var published = DateParser.Parse(ld.DatePublished)
            ?? DateParser.Parse(meta.Get("article:published_time"))
            ?? DateParser.Parse(meta.Get("og:published_time"))
            ?? FirstDate(meta, "datepublished", "publishdate", "publish-date", "publish_date", "pubdate", "article.published", "parsely-pub-date",
                "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date", "og:pubdate", "article:published", "published_time", "article_date_original", "cxenseparse:recs:publishtime")
            ?? TimeElement(document);
        var author = FirstText(ld.Author, NameUnlessLink(meta.Get("author")), NameUnlessLink(meta.Get("article:author")), NameUnlessLink(meta.Get("dc.creator")), NameUnlessLink(meta.Get("parsely-author")), NameUnlessLink(meta.Get("sailthru.author")));
        var language = FirstText(document.DocumentElement?.GetAttribute("lang"), meta.Get("content-language"), meta.Get("dc.language"), ld.Language, Locale(meta.Get("og:locale")));
        return new PageMetadata(Clean(title), Clean(source), url, published, Clean(author), Clean(language), ld.ArticleBody);
    }

    private static string? TwitterHandle(string? handle) => string.IsNullOrWhiteSpace(handle) ? null : handle.Trim().TrimStart('@');

    private static string? Locale(string? locale) => string.IsNullOrWhiteSpace(locale) ? null : locale.Replace('_', '-');

    /// <summary>A name given in a meta tag or JSON-LD, unless it is an address (a profile link stands in for a name on some pages).</summary>
    internal static string? NameUnlessLink(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Contains("://", StringComparison.Ordinal) || value.StartsWith('/') ? null : value;

    private static string? Canonical(IHtmlDocument document)
    {
        foreach (var link in document.Head?.GetElementsByTagName("link") ?? Enumerable.Empty<IElement>())
        {
            if (string.Equals(link.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase))
            {
                return link.GetAttribute("href");
            }
        }

        return null;
    }

    /// <summary>
    /// An address made absolute (http or https) against the page's address; null when it cannot be. Used for the
    /// canonical address here and for an article's own link (<see cref="ArticleMetadata"/>).
    /// </summary>
    internal static string? Resolve(string? href, string? pageUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }

        return Uri.TryCreate(pageUrl, UriKind.Absolute, out var basis) && Uri.TryCreate(basis, href, out var resolved) ? resolved.ToString() : null;
    }

    private static DateTimeOffset? FirstDate(MetaTags meta, params string[] names)
    {
        foreach (var name in names)
        {
            if (DateParser.Parse(meta.Get(name)) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The first <c>&lt;time datetime&gt;</c> marked as the publication time, else the first one at all.</summary>
    private static DateTimeOffset? TimeElement(IHtmlDocument document)
    {
        DateTimeOffset? first = null;
        var times = document.GetElementsByTagName("time");
        for (var i = 0; i < times.Length && i < 20; i++)
        {
            var date = DateParser.Parse(times[i].GetAttribute("datetime"));
            if (date is null)
            {
                continue;
            }

            var marked = times[i].GetAttribute("itemprop") is "datePublished" || times[i].HasAttribute("pubdate")
                || (times[i].GetAttribute("class") ?? string.Empty).Contains("publish", StringComparison.OrdinalIgnoreCase);
            if (marked)
            {
                return date;
            }

            first ??= date;
        }

        return first;
    }

    private static string? FirstText(params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Some CMSs escape entities twice ("&amp;mdash;"), leaving "&mdash;" in the attribute's value.
        if (value.Contains('&'))
        {
            value = System.Net.WebUtility.HtmlDecode(value);
        }

        var collapsed = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length > 500 ? collapsed[..500] : collapsed;
    }

}
