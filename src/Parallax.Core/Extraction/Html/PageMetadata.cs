using System.Globalization;
using System.Text.Json;
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
    /// <summary>The JSON-LD types that describe one article.</summary>
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "Report", "ScholarlyArticle", "TechArticle", "LiveBlogPosting",
        "SocialMediaPosting", "WebPage", "AskPublicNewsArticle", "SatiricalArticle", "Posting",
    };

    public static PageMetadata Read(IHtmlDocument document, string? pageUrl)
    {
        var meta = new MetaTags(document);
        var ld = JsonLd.Read(document);
        var source = FirstText(meta.Get("og:site_name"), ld.Publisher, ld.SiteName, meta.Get("application-name"), meta.Get("publisher"), meta.Get("dc.publisher"), TwitterHandle(meta.Get("twitter:site")));
        var title = PageTitle.WithoutSiteName(
            FirstText(ld.Headline, meta.Get("og:title"), meta.Get("twitter:title"), meta.Get("dc.title"), meta.Get("headline"), document.Title),
            source,
            document.Body?.GetElementsByTagName("h1").FirstOrDefault()?.TextContent,
            pageUrl);
        var url = Absolute(FirstText(Canonical(document), meta.Get("og:url"), ld.Url), pageUrl) ?? pageUrl;
        var published = Dates.Parse(ld.DatePublished)
            ?? Dates.Parse(meta.Get("article:published_time"))
            ?? Dates.Parse(meta.Get("og:published_time"))
            ?? FirstDate(meta, "datepublished", "publishdate", "publish-date", "publish_date", "pubdate", "article.published", "parsely-pub-date",
                "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date", "og:pubdate", "article:published", "published_time", "article_date_original", "cxenseparse:recs:publishtime")
            ?? TimeElement(document);
        var author = FirstText(ld.Author, AuthorMeta(meta.Get("author")), AuthorMeta(meta.Get("article:author")), AuthorMeta(meta.Get("dc.creator")), AuthorMeta(meta.Get("parsely-author")), AuthorMeta(meta.Get("sailthru.author")));
        var language = FirstText(document.DocumentElement?.GetAttribute("lang"), meta.Get("content-language"), meta.Get("dc.language"), ld.Language, Locale(meta.Get("og:locale")));
        return new PageMetadata(Clean(title), Clean(source), url, published, Clean(author), Clean(language), ld.ArticleBody);
    }

    private static string? TwitterHandle(string? handle) => string.IsNullOrWhiteSpace(handle) ? null : handle.Trim().TrimStart('@');

    private static string? Locale(string? locale) => string.IsNullOrWhiteSpace(locale) ? null : locale.Replace('_', '-');

    private static string? AuthorMeta(string? value) =>
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

    private static string? Absolute(string? url, string? pageUrl)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }

        if (pageUrl is not null && Uri.TryCreate(pageUrl, UriKind.Absolute, out var basis) && Uri.TryCreate(basis, url, out var resolved))
        {
            return resolved.ToString();
        }

        return null;
    }

    private static DateTimeOffset? FirstDate(MetaTags meta, params string[] names)
    {
        foreach (var name in names)
        {
            if (Dates.Parse(meta.Get(name)) is { } date)
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
            var date = Dates.Parse(times[i].GetAttribute("datetime"));
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

    /// <summary>Meta tags by lower-case name, property, itemprop or http-equiv; the first of each name wins.</summary>
    private sealed class MetaTags
    {
        private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

        public MetaTags(IHtmlDocument document)
        {
            var metas = document.GetElementsByTagName("meta");
            for (var i = 0; i < metas.Length && i < 1000; i++)
            {
                var meta = metas[i];
                var content = meta.GetAttribute("content");
                if (string.IsNullOrWhiteSpace(content))
                {
                    continue;
                }

                foreach (var attribute in (ReadOnlySpan<string>)["property", "name", "itemprop", "http-equiv"])
                {
                    var key = meta.GetAttribute(attribute);
                    if (!string.IsNullOrWhiteSpace(key))
                    {
                        values.TryAdd(key.Trim(), content);
                    }
                }
            }

            // itemprop on other elements (time, span) also carries dates.
            if (!values.ContainsKey("datePublished"))
            {
                foreach (var element in document.QuerySelectorAll("[itemprop=datePublished]"))
                {
                    var value = element.GetAttribute("datetime") ?? element.GetAttribute("content");
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        values["datePublished"] = value;
                        break;
                    }
                }
            }
        }

        public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>The article facts found in JSON-LD blocks: the first article-typed object wins, searched through @graph and arrays.</summary>
    private sealed record JsonLd(string? Headline, string? Publisher, string? SiteName, string? Url, string? DatePublished, string? Author, string? Language, string? ArticleBody)
    {
        private const int MaxBlockChars = 2_000_000;

        public static JsonLd Read(IHtmlDocument document)
        {
            var result = new JsonLd(null, null, null, null, null, null, null, null);
            var scripts = document.GetElementsByTagName("script");
            for (var i = 0; i < scripts.Length; i++)
            {
                var script = scripts[i];
                if (!string.Equals(script.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var text = script.TextContent;
                if (text.Length is 0 or > MaxBlockChars)
                {
                    continue;
                }

                try
                {
                    using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                    result = Merge(result, json.RootElement, 0);
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common (unescaped quotes, CMS template slips); the page is read without it.
                }
            }

            return result;
        }

        private static JsonLd Merge(JsonLd found, JsonElement element, int depth)
        {
            if (depth > 8)
            {
                return found;
            }

            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    found = Merge(found, item, depth + 1);
                }

                return found;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return found;
            }

            if (element.TryGetProperty("@graph", out var graph))
            {
                found = Merge(found, graph, depth + 1);
            }

            var types = TypesOf(element);
            if (types.Contains("WebSite") || types.Contains("Organization") || types.Contains("NewsMediaOrganization"))
            {
                found = found with { SiteName = found.SiteName ?? StringOf(element, "name") };
            }

            var isArticle = types.Any(t => ArticleTypes.Contains(t));
            if (!isArticle)
            {
                return found;
            }

            // A WebPage only fills gaps; a real article type takes precedence over what a WebPage gave.
            var strong = types.Any(t => !t.Equals("WebPage", StringComparison.OrdinalIgnoreCase));
            string? Pick(string? have, string? value) => strong && value is not null && (have is null || !found.HasArticle) ? value : have ?? value;

            var next = found with
            {
                Headline = Pick(found.Headline, StringOf(element, "headline") ?? StringOf(element, "name")),
                Publisher = Pick(found.Publisher, NameOf(element, "publisher")),
                Url = Pick(found.Url, StringOf(element, "url") ?? IdOf(element, "mainEntityOfPage")),
                DatePublished = Pick(found.DatePublished, StringOf(element, "datePublished") ?? StringOf(element, "dateCreated")),
                Author = Pick(found.Author, NameOf(element, "author") ?? NameOf(element, "creator")),
                Language = Pick(found.Language, StringOf(element, "inLanguage")),
                ArticleBody = Pick(found.ArticleBody, StringOf(element, "articleBody") ?? StringOf(element, "text")),
            };
            return strong ? next with { HasArticle = true } : next;
        }

        public bool HasArticle { get; init; }

        private static List<string> TypesOf(JsonElement element)
        {
            var types = new List<string>(2);
            if (!element.TryGetProperty("@type", out var type))
            {
                return types;
            }

            if (type.ValueKind == JsonValueKind.String)
            {
                types.Add(type.GetString() ?? string.Empty);
            }
            else if (type.ValueKind == JsonValueKind.Array)
            {
                foreach (var t in type.EnumerateArray())
                {
                    if (t.ValueKind == JsonValueKind.String)
                    {
                        types.Add(t.GetString() ?? string.Empty);
                    }
                }
            }

            return types;
        }

        private static string? StringOf(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => NullIfBlank(value.GetString()),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => NullIfBlank(value[0].GetString()),
                _ => null,
            };
        }

        private static string? IdOf(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => NullIfBlank(value.GetString()),
                JsonValueKind.Object => StringOf(value, "@id") ?? StringOf(value, "url"),
                _ => null,
            };
        }

        /// <summary>A name given as a string, an object with "name", or an array of those (joined with commas).</summary>
        private static string? NameOf(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return AuthorMeta(value.GetString());
                case JsonValueKind.Object:
                    return StringOf(value, "name");
                case JsonValueKind.Array:
                    var names = new List<string>();
                    foreach (var item in value.EnumerateArray())
                    {
                        var itemName = item.ValueKind switch
                        {
                            JsonValueKind.String => AuthorMeta(item.GetString()),
                            JsonValueKind.Object => StringOf(item, "name"),
                            _ => null,
                        };
                        if (itemName is not null && !names.Contains(itemName))
                        {
                            names.Add(itemName);
                        }
                    }

                    return names.Count == 0 ? null : string.Join(", ", names);
                default:
                    return null;
            }
        }

        private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}

/// <summary>
/// The extractor's name for the shared <see cref="DateParser"/>: HtmlExtractor calls it by this name, and is being
/// changed by others just now; this alias goes when that file next changes.
/// </summary>
internal static class Dates
{
    public static DateTimeOffset? Parse(string? value) => DateParser.Parse(value);

    public static DateTimeOffset? FromDateline(string line) => DateParser.FromDateline(line);
}
