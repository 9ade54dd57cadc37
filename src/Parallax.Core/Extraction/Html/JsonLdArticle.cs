using System.Text.Json;
using AngleSharp.Html.Dom;

namespace Parallax.Core.Extraction.Html;

/// <summary>The article facts found in JSON-LD blocks: the first article-typed object wins, searched through @graph and arrays.</summary>
internal sealed record JsonLdArticle(string? Headline, string? Publisher, string? SiteName, string? Url, string? DatePublished, string? Author, string? Language, string? ArticleBody)
{
    private const int MaxBlockChars = 2_000_000;

    /// <summary>The JSON-LD types that describe one article.</summary>
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "Report", "ScholarlyArticle", "TechArticle", "LiveBlogPosting",
        "SocialMediaPosting", "WebPage", "AskPublicNewsArticle", "SatiricalArticle", "Posting",
    };

    public static JsonLdArticle Read(IHtmlDocument document)
    {
        var result = new JsonLdArticle(null, null, null, null, null, null, null, null);
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

    private static JsonLdArticle Merge(JsonLdArticle found, JsonElement element, int depth)
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
                return PageMetadata.NameUnlessLink(value.GetString());
            case JsonValueKind.Object:
                return StringOf(value, "name");
            case JsonValueKind.Array:
                var names = new List<string>();
                foreach (var item in value.EnumerateArray())
                {
                    var itemName = item.ValueKind switch
                    {
                        JsonValueKind.String => PageMetadata.NameUnlessLink(item.GetString()),
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
