using System.Security.Cryptography;
using System.Text;
using Parallax.Data;
using Parallax.Ingest.Archives;
using Parallax.Ingest.Feeds;

namespace Parallax.App.Service;

/// <summary>
/// What the ingest queue gets for each entry of a polled feed. An entry whose feed carries its full text becomes an
/// article in the JSON-lines form (the payload the worker reads with <c>ArchiveFiles.ParseJsonArticle</c>); an entry with
/// only a teaser becomes an item with just its URL, which the worker fetches and extracts. The key is the source and a
/// hash of the entry's id, so an entry seen again (every poll of an unchanged feed) is never queued twice.
/// </summary>
public static class FeedEntryItems
{
    /// <summary>The item of one entry, or null when the entry has neither text nor a link to fetch.</summary>
    public static NewIngestItem? For(long sourceId, FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = Key(sourceId, entry.Id);
        var link = Uri.TryCreate(entry.Link, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url.AbsoluteUri : null;
        if (entry.OnlySummary && link is not null)
        {
            return new NewIngestItem(key, sourceId, Url: link);
        }

        return entry.Content is { Length: > 0 } content ? new NewIngestItem(key, sourceId, Url: link, Payload: Payload(entry, content, link)) : null;
    }

    /// <summary>The queue key of an entry: its id is publisher text of any length, so it is hashed.</summary>
    public static string Key(long sourceId, string entryId) =>
        FormattableString.Invariant($"feed:{sourceId}:") + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entryId)))[..32];

    private static string Payload(FeedEntry entry, string content, string? link)
    {
        // FeedText turns block elements into line breaks; the JSON-lines form separates paragraphs by a blank line.
        var paragraphs = content.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // No source: the article is stored under the feed's source.
        return JsonArticleLine.Format(link, entry.Title, string.Join("\n\n", paragraphs), entry.Published ?? entry.Updated, source: null);
    }
}
