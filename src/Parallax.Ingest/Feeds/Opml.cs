using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Parallax.Ingest.Feeds;

/// <summary>One feed of an OPML subscription list; <see cref="Categories"/> are the titles of the outlines it sits in, outermost first.</summary>
public sealed record OpmlFeed(string XmlUrl, string? HtmlUrl, string? Title, IReadOnlyList<string> Categories);

/// <summary>What an OPML file held: its feeds, and one reason per outline that could not be used (the rest goes on).</summary>
public sealed record OpmlDocument(string? Title, IReadOnlyList<OpmlFeed> Feeds, IReadOnlyList<string> Problems);

/// <summary>
/// OPML 1.0 and 2.0 subscription lists: import (nested outlines, xmlUrl, htmlUrl, title or text) and export.
/// Read with the same XML safety as feeds: no DTD, no external entity, bounded depth.
/// </summary>
public static class Opml
{
    /// <summary>The feeds of an OPML file, or the reason it is not one.</summary>
    public static (OpmlDocument? Document, string? Error) Parse(ReadOnlySpan<byte> bytes, FeedReaderOptions? options = null)
    {
        options ??= FeedReaderOptions.Default;
        if (bytes.IsEmpty)
        {
            return (null, "empty file");
        }

        if (bytes.Length > options.MaxBytes)
        {
            return (null, $"the file is over the {options.MaxBytes:N0}-byte limit");
        }

        var (document, error) = FeedXml.Load(FeedBytes.Decode(bytes, null), options);
        if (document is null)
        {
            return (null, error);
        }

        var root = document.Root!;
        if (!root.Name.LocalName.Equals("opml", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"not OPML: the root element is <{root.Name.LocalName}>");
        }

        var body = root.Elements().FirstOrDefault(e => e.Name.LocalName.Equals("body", StringComparison.OrdinalIgnoreCase));
        if (body is null)
        {
            return (null, "an OPML file without a <body>");
        }

        var feeds = new List<OpmlFeed>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Walk(body, [], feeds, problems, seen);
        var title = root.Elements().FirstOrDefault(e => e.Name.LocalName == "head")?.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value;
        return (new OpmlDocument(FeedText.ToPlainLine(title), feeds, problems), null);
    }

    // Outlines nest at most MaxDepth deep (the loader bounds it), so recursion here is bounded.
    private static void Walk(XElement parent, List<string> path, List<OpmlFeed> feeds, List<string> problems, HashSet<string> seen)
    {
        foreach (var outline in parent.Elements().Where(e => e.Name.LocalName.Equals("outline", StringComparison.OrdinalIgnoreCase)))
        {
            var title = FeedText.Squeeze(Attribute(outline, "title") ?? Attribute(outline, "text"));
            var xmlUrl = Attribute(outline, "xmlUrl");
            if (xmlUrl is not null)
            {
                var absolute = FeedLinks.Resolve(xmlUrl, null);
                if (absolute is null)
                {
                    problems.Add($"outline \"{title ?? xmlUrl}\": xmlUrl \"{xmlUrl}\" is not an absolute http(s) address; skipped");
                }
                else if (seen.Add(absolute))
                {
                    feeds.Add(new OpmlFeed(absolute, FeedLinks.Resolve(Attribute(outline, "htmlUrl"), null), title, [.. path]));
                }
            }

            if (outline.HasElements)
            {
                path.Add(title ?? "");
                Walk(outline, path, feeds, problems, seen);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    /// <summary>OPML attribute names are case-sensitive by the spec and not in practice (xmlurl, XMLURL).</summary>
    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value is { } value
        && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>An OPML 2.0 document of the feeds, nested by their categories, as UTF-8 bytes.</summary>
    public static byte[] Export(string title, IEnumerable<OpmlFeed> feeds, DateTimeOffset created)
    {
        var body = new XElement("body");
        foreach (var feed in feeds)
        {
            var parent = body;
            foreach (var category in feed.Categories)
            {
                var existing = parent.Elements("outline").FirstOrDefault(o => o.Attribute("xmlUrl") is null && (string?)o.Attribute("text") == category);
                if (existing is null)
                {
                    existing = new XElement("outline", new XAttribute("text", category), new XAttribute("title", category));
                    parent.Add(existing);
                }

                parent = existing;
            }

            var outline = new XElement("outline", new XAttribute("type", "rss"), new XAttribute("text", feed.Title ?? feed.XmlUrl),
                new XAttribute("xmlUrl", feed.XmlUrl));
            if (feed.Title is not null)
            {
                outline.Add(new XAttribute("title", feed.Title));
            }

            if (feed.HtmlUrl is not null)
            {
                outline.Add(new XAttribute("htmlUrl", feed.HtmlUrl));
            }

            parent.Add(outline);
        }

        var document = new XDocument(new XElement("opml", new XAttribute("version", "2.0"),
            new XElement("head", new XElement("title", title), new XElement("dateCreated", created.ToString("r", System.Globalization.CultureInfo.InvariantCulture))),
            body));
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    }
}
