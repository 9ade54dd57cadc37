using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parallax.Ingest.Archives;

/// <summary>
/// Writes one article in the JSON-lines form that <c>parallax import</c> reads (<see cref="ArchiveFiles.ParseJsonArticle"/>):
/// <c>{"url", "title", "text", "published", "source"}</c>, a field left out when it is unknown, <c>published</c> in
/// ISO 8601. The one writer of that form, for whatever hands articles on as JSON lines (the feed poller's queue items,
/// the pipeline benchmark's stream).
/// </summary>
public static class JsonArticleLine
{
    /// <summary>One line, without its line break. <paramref name="text"/> has its paragraphs separated by a blank line.</summary>
    public static string Format(string? url, string? title, string text, DateTimeOffset? published, string? source)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteIfKnown(json, "url", url);
            WriteIfKnown(json, "title", title);
            json.WriteString("text", text);
            WriteIfKnown(json, "published", published?.ToString("O", CultureInfo.InvariantCulture));
            WriteIfKnown(json, "source", source);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteIfKnown(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
