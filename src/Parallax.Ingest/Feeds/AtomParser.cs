using System.Text;
using System.Xml.Linq;

namespace Parallax.Ingest.Feeds;

/// <summary>Atom 1.0 (RFC 4287), and Atom 0.3, which older feeds still serve (issued/modified, mode="base64").</summary>
internal static class AtomParser
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";

    public static FeedParseResult Parse(XElement root, Uri? fetchBase, FeedReaderOptions options)
    {
        var ns = root.Name.Namespace;
        var feedBase = FeedLinks.BaseOf(root, fetchBase);
        var link = AlternateLink(root, ns, feedBase);
        var entries = root.Elements(ns + "entry").Take(options.MaxEntries)
            .Select(entry => Entry(entry, ns, fetchBase, FeedLinks.AsBase(link)))
            .ToList();
        return FeedParseResult.Ok(new Feed(FeedFormat.Atom, TextConstruct(root.Element(ns + "title")), link,
            root.Element(ns + "id")?.Value.Trim() is { Length: > 0 } id ? id : null, entries));
    }

    private static FeedEntry Entry(XElement entry, XNamespace ns, Uri? fetchBase, Uri? feedLink)
    {
        // xml:base wins; without one, a relative link is read against the feed's own page, then the fetch address.
        var entryBase = FeedLinks.HasXmlBase(entry) ? FeedLinks.BaseOf(entry, fetchBase ?? feedLink) : feedLink ?? fetchBase;
        var link = AlternateLink(entry, ns, entryBase);
        var title = TextConstruct(entry.Element(ns + "title"));
        var publishedRaw = (entry.Element(ns + "published") ?? entry.Element(ns + "issued"))?.Value;
        var updatedRaw = (entry.Element(ns + "updated") ?? entry.Element(ns + "modified"))?.Value;
        var author = entry.Element(ns + "author") ?? entry.Parent?.Element(ns + "author");
        var summaryElement = entry.Element(ns + "summary");
        var contentElement = entry.Element(ns + "content");
        var contentRaw = RawContent(contentElement);
        var summary = TextConstruct(summaryElement);
        var content = contentElement is null ? null : TextConstruct(contentElement, contentRaw);
        var id = FeedLinks.StableId(entry.Element(ns + "id")?.Value, link, title, publishedRaw ?? updatedRaw, contentRaw ?? summaryElement?.Value);
        return new FeedEntry(id, title, link, FeedDates.Parse(publishedRaw), FeedDates.Parse(updatedRaw),
            FeedText.ToPlainLine(author?.Element(ns + "name")?.Value ?? author?.Element(ns + "email")?.Value),
            summary, content, contentRaw is not null && FeedText.HasMarkup(contentRaw) ? contentRaw : null);
    }

    /// <summary>The rel="alternate" link (the default rel), absolute; the first http(s) link when none is marked.</summary>
    private static string? AlternateLink(XElement element, XNamespace ns, Uri? baseUri)
    {
        string? fallback = null;
        foreach (var link in element.Elements(ns + "link"))
        {
            var href = FeedLinks.Resolve(link.Attribute("href")?.Value ?? link.Value, FeedLinks.BaseOf(link, null) ?? baseUri);
            if (href is null)
            {
                continue;
            }

            var rel = link.Attribute("rel")?.Value ?? "alternate";
            var type = link.Attribute("type")?.Value;
            if (rel == "alternate" && (type is null || type.Contains("html", StringComparison.OrdinalIgnoreCase)))
            {
                return href;
            }

            if (rel is "alternate" or "related")
            {
                fallback ??= href;
            }
        }

        return fallback;
    }

    /// <summary>
    /// The markup or text of a content element, decoded: base64 for a non-text media type (or Atom 0.3's
    /// mode="base64"), the serialised children for type="xhtml", the text otherwise.
    /// </summary>
    private static string? RawContent(XElement? content)
    {
        if (content is null)
        {
            return null;
        }

        var type = content.Attribute("type")?.Value.Trim().ToLowerInvariant() ?? "text";
        var mode = content.Attribute("mode")?.Value.Trim().ToLowerInvariant();
        var isBase64 = mode == "base64" || (type.Contains('/') && !type.StartsWith("text/", StringComparison.Ordinal) &&
            !type.EndsWith("+xml", StringComparison.Ordinal) && !type.EndsWith("/xml", StringComparison.Ordinal));
        if (isBase64)
        {
            var bytes = new byte[content.Value.Length];
            return Convert.TryFromBase64String(content.Value.Trim(), bytes, out var written)
                ? FeedBytes.Decode(bytes.AsSpan(0, written), null)
                : null;
        }

        if (type is "xhtml" || mode == "xml")
        {
            var builder = new StringBuilder();
            foreach (var node in content.Nodes())
            {
                builder.Append(node.ToString(SaveOptions.DisableFormatting));
            }

            return builder.ToString();
        }

        // Feeds that mislabel base64 (type="text/html" over encoded bytes) are common enough to recognise.
        return FeedText.FromBase64(content.Value) ?? content.Value;
    }

    /// <summary>A text construct as plain text: type="text" is already text (no tag is stripped from it); html and xhtml are stripped.</summary>
    private static string? TextConstruct(XElement? element, string? raw = null)
    {
        if (element is null)
        {
            return null;
        }

        var type = element.Attribute("type")?.Value.Trim().ToLowerInvariant() ?? "text";
        var mode = element.Attribute("mode")?.Value.Trim().ToLowerInvariant();
        raw ??= RawContent(element);
        var isTitle = element.Name.LocalName == "title";
        if (type is "text" or "text/plain" && mode is null or "xml" && element.Name.Namespace == Atom)
        {
            // Plain text may still hold entity-escaped text; it is never markup, so '<' stays.
            var plain = raw?.Trim();
            return string.IsNullOrEmpty(plain) ? null : isTitle ? string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : plain;
        }

        return isTitle ? FeedText.ToPlainLine(raw) : FeedText.ToPlain(raw);
    }
}
