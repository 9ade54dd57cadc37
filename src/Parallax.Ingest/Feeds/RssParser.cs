using System.Globalization;
using System.Xml.Linq;

namespace Parallax.Ingest.Feeds;

/// <summary>RSS 2.0 (and 0.9x, which has the same shape) and RSS 1.0/RDF, with the namespaces feeds lean on.</summary>
internal static class RssParser
{
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Sy = "http://purl.org/rss/1.0/modules/syndication/";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";

    public static FeedParseResult ParseRss(XElement root, Uri? fetchBase, FeedReaderOptions options)
    {
        var channel = root.Element("channel");
        if (channel is null)
        {
            return FeedParseResult.Fail("an <rss> document without a <channel>");
        }

        var (link, linkBase) = ChannelLink(channel, XNamespace.None, fetchBase);
        var items = channel.Elements("item").Concat(root.Elements("item")).Take(options.MaxEntries);
        var entries = items.Select(item => Entry(item, XNamespace.None, linkBase)).ToList();
        return FeedParseResult.Ok(new Feed(FeedFormat.Rss2, FeedText.ToPlainLine(channel.Element("title")?.Value), link,
            null, entries, RefreshHint(channel)));
    }

    public static FeedParseResult ParseRdf(XElement root, Uri? fetchBase, FeedReaderOptions options)
    {
        // RSS 1.0 puts its elements in its own namespace; RSS 0.90 in another. Take whichever the channel uses.
        var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
        var ns = channel?.Name.Namespace ?? Rss1;
        var (link, linkBase) = channel is null ? (null, fetchBase) : ChannelLink(channel, ns, fetchBase);
        var entries = root.Elements(ns + "item").Take(options.MaxEntries).Select(item => Entry(item, ns, linkBase)).ToList();
        if (channel is null && entries.Count == 0)
        {
            return FeedParseResult.Fail("an RDF document with neither a channel nor items: not an RSS 1.0 feed");
        }

        return FeedParseResult.Ok(new Feed(FeedFormat.Rdf, FeedText.ToPlainLine(channel?.Element(ns + "title")?.Value), link,
            channel?.Attribute(Rdf + "about")?.Value, entries, channel is null ? null : RefreshHint(channel)));
    }

    private static (string? Link, Uri? Base) ChannelLink(XElement channel, XNamespace ns, Uri? fetchBase)
    {
        var elementBase = FeedLinks.BaseOf(channel, fetchBase);
        var link = FeedLinks.Resolve(channel.Element(ns + "link")?.Value, elementBase);
        return (link, FeedLinks.AsBase(link) ?? elementBase);
    }

    private static FeedEntry Entry(XElement item, XNamespace ns, Uri? channelBase)
    {
        var itemBase = FeedLinks.HasXmlBase(item) ? FeedLinks.BaseOf(item, channelBase) : channelBase;
        var guid = item.Element(ns + "guid");
        var guidText = guid?.Value.Trim();
        var link = FeedLinks.Resolve(item.Element(ns + "link")?.Value, itemBase);

        // A guid that is a permalink (the default) stands in for a missing link.
        if (link is null && guidText is not null && guid!.Attribute("isPermaLink")?.Value != "false")
        {
            link = FeedLinks.Resolve(guidText, itemBase);
        }

        link ??= FeedLinks.Resolve(item.Attribute(Rdf + "about")?.Value, itemBase);
        var media = item.Element(Media + "group") ?? item;
        var title = FeedText.ToPlainLine(item.Element(ns + "title")?.Value ?? item.Element(Dc + "title")?.Value ?? media.Element(Media + "title")?.Value);
        var descriptionRaw = item.Element(ns + "description")?.Value ?? media.Element(Media + "description")?.Value;
        var contentRaw = item.Element(Content + "encoded")?.Value is { } encoded ? FeedText.FromBase64(encoded) ?? encoded : null;
        var publishedRaw = item.Element(ns + "pubDate")?.Value ?? item.Element(Dc + "date")?.Value;
        var published = FeedDates.Parse(publishedRaw);
        var updated = FeedDates.Parse(item.Element(XName.Get("updated", AtomParser.Atom.NamespaceName))?.Value
            ?? item.Element(XName.Get("modified", "http://purl.org/dc/terms/"))?.Value);
        var author = Author(item.Element(ns + "author")?.Value) ?? FeedText.ToPlainLine(item.Element(Dc + "creator")?.Value);
        var summary = FeedText.ToPlain(descriptionRaw);
        var content = FeedText.ToPlain(contentRaw);
        var id = FeedLinks.StableId(guidText is { Length: > 0 } ? guidText : item.Attribute(Rdf + "about")?.Value, link, title, publishedRaw,
            descriptionRaw ?? contentRaw);
        return new FeedEntry(id, title, link, published, updated, author, summary, content, contentRaw ?? (FeedText.HasMarkup(descriptionRaw) ? descriptionRaw : null));
    }

    /// <summary>RSS gives "email (Name)" or just an address; the name is what a reader wants.</summary>
    private static string? Author(string? value)
    {
        var text = FeedText.ToPlainLine(value);
        if (text is null)
        {
            return null;
        }

        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        return open >= 0 && close > open + 1 ? text[(open + 1)..close].Trim() : text;
    }

    /// <summary>How often the channel says it changes: &lt;ttl&gt; minutes, or sy:updatePeriod over sy:updateFrequency.</summary>
    private static TimeSpan? RefreshHint(XElement channel)
    {
        if (int.TryParse(channel.Element("ttl")?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and <= 60 * 24 * 30)
        {
            return TimeSpan.FromMinutes(minutes);
        }

        var period = channel.Element(Sy + "updatePeriod")?.Value.Trim().ToLowerInvariant() switch
        {
            "hourly" => TimeSpan.FromHours(1),
            "daily" => TimeSpan.FromDays(1),
            "weekly" => TimeSpan.FromDays(7),
            "monthly" => TimeSpan.FromDays(30),
            "yearly" => TimeSpan.FromDays(365),
            _ => (TimeSpan?)null,
        };
        if (period is null)
        {
            return null;
        }

        var frequency = int.TryParse(channel.Element(Sy + "updateFrequency")?.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var f) && f is > 0 and <= 1000 ? f : 1;
        return period / frequency;
    }
}
