namespace Parallax.Core.Extraction.Html;

/// <summary>
/// An article's title without the site's name that pages add to it, in the document title and in Open Graph and
/// JSON-LD titles alike ("Headline | Site", "Site - Headline", "Headline • Site"): the part the page's h1 repeats, else
/// the title less a first or last part that names the publisher, by its stated name or by the page's host name.
/// </summary>
internal static class PageTitle
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • "];

    public static string? WithoutSiteName(string? title, string? source, string? h1, string? pageUrl)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        title = title.Trim();
        var parts = title.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2)
        {
            return title;
        }

        var heading = h1?.Trim();
        foreach (var part in parts)
        {
            if (heading is not null && string.Equals(part, heading, StringComparison.OrdinalIgnoreCase))
            {
                return part;
            }
        }

        var host = SiteHost.Of(pageUrl);
        var (lastAt, lastLength) = Separator(title, last: true);
        if (NamesSite(title[(lastAt + lastLength)..], source, host))
        {
            return title[..lastAt].Trim();
        }

        var (firstAt, firstLength) = Separator(title, last: false);
        return NamesSite(title[..firstAt], source, host) ? title[(firstAt + firstLength)..].Trim() : title;
    }

    /// <summary>Where the first or last separator stands in the title, and its length.</summary>
    private static (int At, int Length) Separator(string title, bool last)
    {
        var at = last ? -1 : title.Length;
        var length = 0;
        foreach (var separator in Separators)
        {
            var i = last ? title.LastIndexOf(separator, StringComparison.Ordinal) : title.IndexOf(separator, StringComparison.Ordinal);
            if (i >= 0 && (last ? i > at : i < at))
            {
                at = i;
                length = separator.Length;
            }
        }

        return (at, length);
    }

    /// <summary>
    /// The part is the publisher's name: the stated site name, the start of it ("Trezy" for "Trezy SAS"), or the host
    /// name written out ("Car Talk" on cartalk.com, "Newegg.com" on newegg.com), compared on letters and digits alone.
    /// </summary>
    private static bool NamesSite(string part, string? source, string? host)
    {
        var name = Squeeze(part);
        if (name.Length < 2)
        {
            return false;
        }

        var site = Squeeze(source);
        if (site.Length > 0 && (site == name || (site.StartsWith(name, StringComparison.Ordinal) && name.Length * 2 >= site.Length)))
        {
            return true;
        }

        if (host is null)
        {
            return false;
        }

        var label = host.Split('.')[0];
        return name == Squeeze(host) || name == Squeeze(label);
    }

    private static string Squeeze(string? text) =>
        text is null ? string.Empty : string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));
}
