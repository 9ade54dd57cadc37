using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parallax.Core.Analysis;

namespace Parallax.App.Output;

/// <summary>Writes an <see cref="AnalysisResult"/> as the JSON contract of GUIDE.md section 3.</summary>
internal static class AnalysisJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Keep non-ASCII text readable: the output is for scripts and people, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static async Task WriteAsync(Stream output, AnalysisResult result, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(output, result, Options, cancellationToken);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }
}
