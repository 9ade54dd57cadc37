using System.Xml;
using System.Xml.Linq;
using Parallax.Data;

namespace Parallax.App.Web;

/// <summary>A feed named in an OPML file.</summary>
public sealed record OpmlFeed(string Name, string FeedUrl, string? SiteUrl);

/// <summary>What an OPML file held: its feeds, and each outline that could not be used, with the reason.</summary>
public sealed record OpmlRead(IReadOnlyList<OpmlFeed> Feeds, IReadOnlyList<string> Problems);

/// <summary>
/// OPML, the file feed readers exchange subscriptions in. Read with no DTD processing and a size cap (an OPML file is a
/// user's upload: no entity expansion, no external fetch); each outline with a usable http(s) xmlUrl is a feed, the rest
/// are named with their reason.
/// </summary>
public static class Opml
{
    public const long MaxBytes = 4 * 1024 * 1024;

    public static OpmlRead Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBytes,
            IgnoreComments = true,
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return new OpmlRead([], [$"not an OPML file: {e.Message}"]);
        }

        if (document.Root?.Name.LocalName != "opml")
        {
            return new OpmlRead([], ["not an OPML file: its root element is not <opml>"]);
        }

        var feeds = new List<OpmlFeed>();
        var problems = new List<string>();
        foreach (var outline in document.Descendants().Where(e => e.Name.LocalName == "outline"))
        {
            var xmlUrl = (string?)outline.Attribute("xmlUrl");
            var name = ((string?)outline.Attribute("title") ?? (string?)outline.Attribute("text"))?.Trim();
            if (xmlUrl is null)
            {
                continue; // a folder of outlines, not a feed
            }

            if (SourceInput.CheckUrl(xmlUrl) is { } problem)
            {
                problems.Add($"outline '{name ?? xmlUrl}': {problem}");
                continue;
            }

            var siteUrl = (string?)outline.Attribute("htmlUrl");
            feeds.Add(new OpmlFeed(
                string.IsNullOrWhiteSpace(name) ? new Uri(xmlUrl).Host : name,
                xmlUrl,
                siteUrl is not null && SourceInput.CheckUrl(siteUrl) is null ? siteUrl : null));
        }

        return new OpmlRead(feeds, problems);
    }

    public static string Write(IEnumerable<SourceRecord> sources, string title)
    {
        var body = new XElement("body");
        foreach (var source in sources.Where(s => s.FeedUrl is not null))
        {
            var outline = new XElement("outline",
                new XAttribute("type", "rss"), new XAttribute("text", source.Name), new XAttribute("title", source.Name),
                new XAttribute("xmlUrl", source.FeedUrl!));
            if (source.SiteUrl is not null)
            {
                outline.Add(new XAttribute("htmlUrl", source.SiteUrl));
            }

            body.Add(outline);
        }

        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("opml", new XAttribute("version", "2.0"), new XElement("head", new XElement("title", title)), body));
        return document.Declaration + "\n" + document.ToString();
    }
}

/// <summary>Checks what a person or a script gives for a new source.</summary>
public static class SourceInput
{
    /// <summary>Why <paramref name="url"/> cannot be a feed or site address, or null when it can.</summary>
    public static string? CheckUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "no address was given";
        }

        if (url.Length > 2048)
        {
            return "the address is longer than 2,048 characters";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return $"'{url}' is not an http or https address";
        }

        return null;
    }

    /// <summary>The source to add, or the reasons it cannot be added.</summary>
    public static (NewSource? Source, IReadOnlyList<string> Problems) Check(string? name, string? feedUrl, string? siteUrl)
    {
        var problems = new List<string>();
        if (CheckUrl(feedUrl) is { } feedProblem)
        {
            problems.Add($"Feed address: {feedProblem}.");
        }

        if (!string.IsNullOrWhiteSpace(siteUrl) && CheckUrl(siteUrl) is { } siteProblem)
        {
            problems.Add($"Site address: {siteProblem}.");
        }

        if (name is { Length: > 200 })
        {
            problems.Add("Name: at most 200 characters.");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var feed = feedUrl!.Trim();
        var named = string.IsNullOrWhiteSpace(name) ? new Uri(feed).Host : name.Trim();
        return (new NewSource(named, string.IsNullOrWhiteSpace(siteUrl) ? null : siteUrl.Trim(), feed), []);
    }
}
