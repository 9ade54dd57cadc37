using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Parallax.Ingest.Feeds;

/// <summary>Absolute links and stable ids for feed entries.</summary>
public static class FeedLinks
{
    private static readonly XName XmlBase = XNamespace.Xml + "base";

    /// <summary>
    /// The absolute http(s) address <paramref name="href"/> names, resolved against <paramref name="baseUri"/> when it
    /// is relative; null when it is empty, not http(s) (javascript:, data:, mailto:) or cannot be made absolute.
    /// </summary>
    public static string? Resolve(string? href, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var text = href.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && !IsFileLike(absolute, text))
        {
            return Absolute(absolute);
        }

        return baseUri is not null && Uri.TryCreate(baseUri, text, out var resolved) ? Absolute(resolved) : null;
    }

    /// <summary>
    /// The address as any HTTP client takes it: an international host in its ASCII (punycode) form. A host holding
    /// U+FFFD is the trace of a decoding error, not a name anyone registered, so the link is dropped.
    /// </summary>
    private static string? Absolute(Uri uri)
    {
        if (!IsWeb(uri) || uri.Host.Length == 0 || uri.Host.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return null;
        }

        if (string.Equals(uri.Host, uri.IdnHost, StringComparison.Ordinal))
        {
            return uri.AbsoluteUri;
        }

        try
        {
            return new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    /// <summary>The base address of an element: its own and its ancestors' xml:base, resolved outward onto <paramref name="documentBase"/>.</summary>
    public static Uri? BaseOf(XElement element, Uri? documentBase)
    {
        var bases = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            if (e.Attribute(XmlBase)?.Value is { Length: > 0 } value)
            {
                bases.Add(value.Trim());
            }
        }

        var current = documentBase;
        for (var i = bases.Count - 1; i >= 0; i--)
        {
            if (Uri.TryCreate(bases[i], UriKind.Absolute, out var absolute) && IsWeb(absolute))
            {
                current = absolute;
            }
            else if (current is not null && Uri.TryCreate(current, bases[i], out var relative))
            {
                current = relative;
            }
        }

        return current;
    }

    /// <summary>Whether the element or one of its ancestors sets xml:base.</summary>
    public static bool HasXmlBase(XElement element) => element.AncestorsAndSelf().Any(e => e.Attribute(XmlBase) is not null);

    /// <summary>A URI from an absolute http(s) address, or null.</summary>
    public static Uri? AsBase(string? address) =>
        address is not null && Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) && IsWeb(uri) ? uri : null;

    /// <summary>
    /// The entry's id: the feed's own when it gives one, else its link, else a hash of what it says, so that the
    /// same entry read twice gets the same id and two different entries do not.
    /// </summary>
    public static string StableId(string? givenId, string? link, string? title, string? published, string? body)
    {
        if (!string.IsNullOrWhiteSpace(givenId))
        {
            return givenId.Trim();
        }

        if (link is not null)
        {
            return link;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{title}\u001F{published}\u001F{body}"));
        return "urn:sha256:" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static bool IsWeb(Uri uri) => uri.Scheme is "http" or "https";

    // On Unix "/2025/story.html" parses as an absolute file: URI; in a feed it is a path on the feed's site.
    private static bool IsFileLike(Uri uri, string text) => uri.IsFile && !text.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
