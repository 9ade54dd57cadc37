using System.Net;
using Parallax.Core.Extraction.Encoding;

namespace Parallax.Ingest.Feeds;

/// <summary>A feed a page points at.</summary>
public sealed record DiscoveredFeed(string Url, string Type, string? Title);

/// <summary>
/// Finds the feeds a site's home page announces: <c>&lt;link rel="alternate" type="application/rss+xml"&gt;</c>
/// (and atom+xml, feed+json, json), resolved against the page's &lt;base&gt; or address. When a page announces none,
/// <see cref="FallbackCandidates"/> lists the usual addresses to try; the caller keeps one only after fetching it
/// confirms it is a feed (see <see cref="Fetch.FeedFinder"/>).
/// </summary>
public static class FeedDiscovery
{
    /// <summary>A home page's feeds are announced in its head; past this many bytes nobody looks.</summary>
    private const int ScanBytes = 1024 * 1024;

    private static readonly string[] FeedTypes =
        ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml", "text/xml", "application/xml"];

    private static readonly string[] CommonPaths = ["/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json", "/feeds/all.atom.xml"];

    public static IReadOnlyList<DiscoveredFeed> FindLinks(ReadOnlySpan<byte> html, string pageUrl, string? httpCharset = null)
    {
        var text = TextDecoder.DecodeHtml(html[..Math.Min(html.Length, ScanBytes)], httpCharset);
        var baseUri = FeedLinks.AsBase(pageUrl);
        var found = new List<DiscoveredFeed>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, attributes) in HtmlTags.Scan(text, ["link", "base", "body"]))
        {
            if (name == "body")
            {
                break;
            }

            if (name == "base")
            {
                baseUri = FeedLinks.AsBase(FeedLinks.Resolve(attributes.GetValueOrDefault("href"), baseUri)) ?? baseUri;
                continue;
            }

            var rel = attributes.GetValueOrDefault("rel")?.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];
            var type = attributes.GetValueOrDefault("type")?.Trim().ToLowerInvariant();
            if (!rel.Contains("alternate") || type is null || !FeedTypes.Any(t => type.StartsWith(t, StringComparison.Ordinal)))
            {
                continue;
            }

            var url = FeedLinks.Resolve(attributes.GetValueOrDefault("href"), baseUri);
            if (url is not null && seen.Add(url))
            {
                found.Add(new DiscoveredFeed(url, type, attributes.GetValueOrDefault("title") is { } title ? FeedText.ToPlainLine(title) : null));
            }
        }

        return found;
    }

    /// <summary>The usual feed addresses on the page's site, to be tried (and confirmed by fetching) when it announces none.</summary>
    public static IReadOnlyList<string> FallbackCandidates(string pageUrl)
    {
        if (FeedLinks.AsBase(pageUrl) is not { } page)
        {
            return [];
        }

        return [.. CommonPaths.Select(path => new Uri(page, path).AbsoluteUri)];
    }
}

/// <summary>A small scanner for start tags and their attributes; enough for a page's head, linear in its length.</summary>
internal static class HtmlTags
{
    public static IEnumerable<(string Name, Dictionary<string, string> Attributes)> Scan(string html, IReadOnlyCollection<string> names)
    {
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                yield break;
            }

            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var j = lt + 1;
            while (j < html.Length && char.IsAsciiLetterOrDigit(html[j]))
            {
                j++;
            }

            var name = html[(lt + 1)..j].ToLowerInvariant();
            if (name.Length == 0 || !names.Contains(name))
            {
                i = j;
                continue;
            }

            var (attributes, end) = Attributes(html, j);
            i = end;
            yield return (name, attributes);
        }
    }

    private static (Dictionary<string, string> Attributes, int End) Attributes(string html, int i)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (i < html.Length)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }

            if (i >= html.Length || html[i] == '>')
            {
                return (attributes, i + 1);
            }

            var start = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            var name = html[start..i];
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            var value = "";
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var close = html.IndexOf(quote, i + 1);
                    close = close < 0 ? html.Length : close;
                    value = html[(i + 1)..close];
                    i = Math.Min(html.Length, close + 1);
                }
                else
                {
                    start = i;
                    while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    value = html[start..i];
                }
            }

            if (name.Length > 0)
            {
                attributes.TryAdd(name, WebUtility.HtmlDecode(value));
            }
        }

        return (attributes, i);
    }
}
