using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parallax.Core.Stories;
using Parallax.Embeddings;

namespace Parallax.App.Commands;

/// <summary>
/// `parallax pairs FILE.jsonl`: scores pairs of texts for "same story" with the decision story clustering makes
/// (<see cref="SameStoryScorer"/>). Input lines {"id","a","b"}; output lines {"id","similarity","sameStory"} in order.
/// A pair's verdict depends on that pair and the shipped data only (general-English word frequencies, the embedding model).
/// </summary>
internal static class PairsCommand
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "JSON lines, one pair per line: {\"id\": \"...\", \"a\": \"text\", \"b\": \"text\"}. A text may start with its title line. '-' reads standard input." };
        var command = new Command(
            "pairs",
            "Score pairs of texts for 'same story', with the decision story clustering uses. Prints one JSON line " +
            "{\"id\", \"similarity\" (0-1), \"sameStory\"} per input line, in order. Bad lines are named on standard " +
            "error with their line number and skipped; the exit code is then 1.")
        {
            file,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(file)!, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    internal sealed record Pair(int Line, JsonElement Id, string A, string B);

    public static async Task<int> RunAsync(string path, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string[] lines;
        try
        {
            lines = path == "-"
                ? (await Console.In.ReadToEndAsync(cancellationToken)).Split('\n')
                : await File.ReadAllLinesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"parallax: {path}: {e.Message}");
            return 1;
        }

        var pairs = new List<Pair>(lines.Length);
        var failed = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var (pair, reason) = Parse(lines[i], i + 1);
            if (pair is null)
            {
                failed++;
                await error.WriteLineAsync($"parallax: {path}:{i + 1}: {reason}");
            }
            else
            {
                pairs.Add(pair);
            }
        }

        using var embedder = new ArcticEmbedder();
        var scorer = new SameStoryScorer(embedder: embedder, embedAlways: true);
        foreach (var pair in pairs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var verdict = scorer.Score(pair.A, pair.B);
            await output.WriteLineAsync(Format(pair.Id, verdict));
        }

        await output.FlushAsync(cancellationToken);
        if (failed > 0)
        {
            await error.WriteLineAsync($"parallax: {failed} of {failed + pairs.Count} lines failed; the rest were scored.");
        }

        return failed > 0 ? 1 : 0;
    }

    internal static (Pair? Pair, string? Reason) Parse(string line, int number)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "not a JSON object");
            }

            if (!root.TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                return (null, "missing \"id\" (a string or a number)");
            }

            foreach (var field in new[] { "a", "b" })
            {
                if (!root.TryGetProperty(field, out var text) || text.ValueKind != JsonValueKind.String)
                {
                    return (null, $"missing \"{field}\" (a string)");
                }
            }

            return (new Pair(number, id.Clone(), root.GetProperty("a").GetString()!, root.GetProperty("b").GetString()!), null);
        }
        catch (JsonException e)
        {
            return (null, $"invalid JSON: {e.Message}");
        }
    }

    private static string Format(JsonElement id, SameStoryVerdict verdict)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteNumber("similarity", Math.Round(verdict.Similarity, 4));
            writer.WriteBoolean("sameStory", verdict.SameStory);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
