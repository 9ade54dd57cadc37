using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Parallax.Core.Analysis;

namespace Parallax.App.Output;

/// <summary>Writes an <see cref="AnalysisResult"/> as the JSON contract of docs/contracts.md.</summary>
internal static class AnalysisJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Keep non-ASCII text readable: the output is for scripts and people, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <param name="partialPaths">Inputs that were cut short (a truncated .gz): their articles carry "partial": true.</param>
    public static async Task WriteAsync(Stream output, AnalysisResult result, IReadOnlySet<string> partialPaths, CancellationToken cancellationToken)
    {
        // "partial" is the reader's knowledge, not the pipeline's, so it is added to the serialized record here.
        var node = JsonSerializer.SerializeToNode(result, Options)!;
        foreach (var article in node["articles"]!.AsArray())
        {
            var path = article!["path"]!.GetValue<string>();
            article.AsObject().Add("partial", partialPaths.Contains(path));
        }

        await using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = Options.Encoder }))
        {
            node.WriteTo(writer, Options);
        }

        await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }
}
