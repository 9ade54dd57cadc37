using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Parallax.Core.Extraction.Html;

/// <summary>
/// Meta tags by lower-case name, property, itemprop or http-equiv; the first of each name wins. Read once per page, so
/// that the dozens of names <see cref="PageMetadata"/> asks for cost a dictionary look-up each, not a walk of the head.
/// </summary>
internal sealed class MetaTags
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
