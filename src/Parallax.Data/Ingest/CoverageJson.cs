using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parallax.Core.Analysis;

namespace Parallax.Data.Ingest;

/// <summary>
/// A story's coverage comparison as the store keeps it: the shape of `stories[].coverage` (GUIDE section 3), with each
/// article named by its stored id as a JSON number (the id the API and the pages use), and spans, as everywhere,
/// character offsets into that article's stored `text`. The keys of a shared claim's `spans` are the ids in digits
/// (JSON keys are text).
/// </summary>
public static class CoverageJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // Stored text, parsed again before it is shown or sent: never embedded in HTML as it is.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="coverage">A comparison whose article ids are the session's keys of stored articles (their ids in digits).</param>
    public static string Write(StoryCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        var node = JsonSerializer.SerializeToNode(coverage, Options)!;
        Renumber(node);
        return node.ToJsonString(Options);
    }

    /// <summary>Turns every article reference (`article`, `articles`, `reports`) from the session's key into the number.</summary>
    private static void Renumber(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "article" && value is JsonValue single)
                    {
                        obj[name] = Number(single);
                    }
                    else if (name is "articles" or "reports" && value is JsonArray list)
                    {
                        for (var i = 0; i < list.Count; i++)
                        {
                            list[i] = Number(list[i]!.AsValue());
                        }
                    }
                    else
                    {
                        Renumber(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Renumber(item);
                }

                break;
        }
    }

    private static JsonValue Number(JsonValue key) =>
        JsonValue.Create(long.Parse(key.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture));
}
