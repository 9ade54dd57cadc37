namespace Parallax.Core.Extraction;

/// <summary>
/// The site a page's address names, as readers name it: its host, lower case, without a leading "www." (a page at
/// www.example.com and one at example.com are the same site, and "www" is no part of a publisher's name).
/// </summary>
public static class SiteHost
{
    /// <summary>The site of an absolute address; null when it is not one or has no host.</summary>
    public static string? Of(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
