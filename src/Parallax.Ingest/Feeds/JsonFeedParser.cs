using System.Text.Json;

namespace Parallax.Ingest.Feeds;

/// <summary>JSON Feed 1.0 and 1.1 (jsonfeed.org): author (1.0) or authors (1.1); content_html or content_text.</summary>
internal static class JsonFeedParser
{
    public static FeedParseResult Parse(string text, Uri? fetchBase, FeedReaderOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = options.MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var at = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            return FeedParseResult.Fail($"not valid JSON{at}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return FeedParseResult.Fail("JSON, but not a JSON Feed: the top level is not an object");
            }

            var version = String(root, "version");
            var items = root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array ? list : default;
            if (version?.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) != true && items.ValueKind != JsonValueKind.Array)
            {
                return FeedParseResult.Fail("JSON, but not a JSON Feed: no \"version\" naming jsonfeed.org and no \"items\" list");
            }

            var home = FeedLinks.Resolve(String(root, "home_page_url"), fetchBase);
            var feedUrl = FeedLinks.Resolve(String(root, "feed_url"), fetchBase);
            var itemBase = FeedLinks.AsBase(feedUrl) ?? fetchBase ?? FeedLinks.AsBase(home);
            var entries = new List<FeedEntry>();
            if (items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (entries.Count >= options.MaxEntries)
                    {
                        break;
                    }

                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        entries.Add(Entry(item, itemBase, Author(root)));
                    }
                }
            }

            return FeedParseResult.Ok(new Feed(FeedFormat.JsonFeed, FeedText.ToPlainLine(String(root, "title")), home, feedUrl, entries));
        }
    }

    private static FeedEntry Entry(JsonElement item, Uri? baseUri, string? feedAuthor)
    {
        var link = FeedLinks.Resolve(String(item, "url"), baseUri) ?? FeedLinks.Resolve(String(item, "external_url"), baseUri);
        var title = FeedText.ToPlainLine(String(item, "title"));
        var html = String(item, "content_html");
        var plainText = String(item, "content_text");
        var summaryRaw = String(item, "summary");
        var publishedRaw = String(item, "date_published");
        var content = html is not null ? FeedText.ToPlain(html) : Collapse(plainText);
        var id = FeedLinks.StableId(Id(item), link, title, publishedRaw, html ?? plainText ?? summaryRaw);
        return new FeedEntry(id, title, link, FeedDates.Parse(publishedRaw), FeedDates.Parse(String(item, "date_modified")),
            Author(item) ?? feedAuthor, FeedText.ToPlain(summaryRaw), content, html);
    }

    /// <summary>Text content is not markup: it is kept as written, trimmed, and never stripped of '&lt;'.</summary>
    private static string? Collapse(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>JSON Feed ids are strings, but numbers are common in the wild.</summary>
    private static string? Id(JsonElement item) =>
        item.TryGetProperty("id", out var id) ? id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        } : null;

    private static string? Author(JsonElement element)
    {
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var names = authors.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(a => String(a, "name")).OfType<string>().ToList();
            if (names.Count > 0)
            {
                return FeedText.ToPlainLine(string.Join(", ", names));
            }
        }

        return element.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object
            ? FeedText.ToPlainLine(String(author, "name"))
            : null;
    }

    /// <summary>A string property, or null when it is missing or not a string (feeds put numbers and nulls anywhere).</summary>
    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
