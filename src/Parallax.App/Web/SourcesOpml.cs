using System.Text;
using Parallax.Data;
using Parallax.Ingest.Feeds;

namespace Parallax.App.Web;

/// <summary>A source named in an OPML file, as the store adds it.</summary>
public sealed record OpmlSource(string Name, string FeedUrl, string? SiteUrl);

/// <summary>What an OPML file held: its sources, and each outline that could not be used, with the reason.</summary>
public sealed record OpmlRead(IReadOnlyList<OpmlSource> Feeds, IReadOnlyList<string> Problems);

/// <summary>
/// The store's sources as OPML, the file feed readers exchange subscriptions in. Reading and writing the format is the
/// feed layer's <see cref="Opml"/> (no DTD, no external entity, bounded depth: an OPML file is a user's upload); this
/// maps its outlines to sources: each with a usable http(s) xmlUrl is one, the rest are named with their reason.
/// </summary>
public static class SourcesOpml
{
    public const long MaxBytes = 4 * 1024 * 1024;

    public static OpmlRead Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        if (buffer.Length > MaxBytes)
        {
            return new OpmlRead([], [$"not an OPML file: it is over {MaxBytes / 1024 / 1024} MB"]);
        }

        var (document, error) = Opml.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (document is null)
        {
            return new OpmlRead([], [$"not an OPML file: {error}"]);
        }

        var sources = new List<OpmlSource>();
        var problems = new List<string>(document.Problems);
        foreach (var feed in document.Feeds)
        {
            if (SourceInput.CheckUrl(feed.XmlUrl) is { } problem)
            {
                problems.Add($"outline '{feed.Title ?? feed.XmlUrl}': {problem}");
                continue;
            }

            sources.Add(new OpmlSource(
                string.IsNullOrWhiteSpace(feed.Title) ? new Uri(feed.XmlUrl).Host : feed.Title,
                feed.XmlUrl,
                feed.HtmlUrl is { } site && SourceInput.CheckUrl(site) is null ? site : null));
        }

        return new OpmlRead(sources, problems);
    }

    public static string Write(IEnumerable<SourceRecord> sources, string title) =>
        Encoding.UTF8.GetString(Opml.Export(
            title, sources.Where(s => s.FeedUrl is not null).Select(s => new OpmlFeed(s.FeedUrl!, s.SiteUrl, s.Name, [])), DateTimeOffset.UtcNow));
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
