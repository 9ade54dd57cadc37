using System.Text.Encodings.Web;
using System.Text.Json;
using Parallax.App.Output;

namespace Parallax.App.Commands;

/// <summary>
/// The JSON-lines loop that `pairs` and `align` share: input lines {"id", "a", "b"}, one answer line
/// {"id", "similarity", DECISION} per good line in order, bad lines named on standard error with their number and
/// skipped (docs/contracts.md). The file is streamed: one line in memory at a time.
/// </summary>
internal static class PairLines
{
    /// <summary>A pair of news articles is well under a megabyte; a longer line is refused, not buffered.</summary>
    public const int DefaultMaxLineBytes = 4 * 1024 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal sealed record Pair(long Line, JsonElement Id, string A, string B);

    /// <summary>
    /// Reads the file (or standard input for "-") line by line, answers each good line with
    /// {"id", "similarity", DECISION} from <paramref name="score"/>, names each bad line with its number and goes on.
    /// </summary>
    public static async Task<int> RunAsync(
        string path, TextWriter output, TextWriter error, string decision, Func<Pair, (double Similarity, bool Same)> score,
        bool verbose, int maxLineBytes, CancellationToken cancellationToken)
    {
        Stream input;
        try
        {
            input = path == "-" ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => Directory.Exists(path) ? "a folder, not a file" : "no such file",
                UnauthorizedAccessException => Directory.Exists(path) ? "a folder, not a file" : "cannot read the file: permission denied",
                _ => $"cannot read the file ({e.Message.TrimEnd('.')})",
            };
            await error.WriteLineAsync($"parallax: {path}: {reason}");
            return ExitCodes.SomeInputsFailed;
        }

        var errors = new ErrorReport(error, verbose);
        var scored = 0;

        await using (input)
        {
            await foreach (var line in LineReader.ReadAsync(input, maxLineBytes, cancellationToken))
            {
                var where = $"{path}:{line.Number}";
                if (line.Bytes is null)
                {
                    await errors.FailAsync(where, $"the line is {line.Length:N0} bytes long, over the {maxLineBytes:N0}-byte limit; skipped", "line over the length limit");
                    continue;
                }

                var bytes = line.Number == 1 && line.Bytes.AsSpan().StartsWith("\uFEFF"u8) ? line.Bytes[3..] : line.Bytes;
                if (bytes.AsSpan().Trim(" \t\r"u8).IsEmpty)
                {
                    continue;
                }

                var (pair, problem, kind) = Parse(bytes, line.Number);
                if (pair is null)
                {
                    await errors.FailAsync(where, problem!, kind);
                    continue;
                }

                var (similarity, same) = score(pair);
                await output.WriteLineAsync(Format(pair.Id, similarity, decision, same));
                scored++;
            }
        }

        await output.FlushAsync(cancellationToken);
        await errors.SummarizeAsync("lines");
        if (errors.Count > 0)
        {
            await errors.NoteAsync($"{errors.Count:N0} of {errors.Count + scored:N0} lines failed; the rest were scored.");
            return ExitCodes.SomeInputsFailed;
        }

        return ExitCodes.Success;
    }

    /// <summary>A pair, or why the line is not one: a sentence without the JSON reader's internals, and its kind for the summary.</summary>
    internal static (Pair? Pair, string? Problem, string? Kind) Parse(ReadOnlyMemory<byte> line, long number)
    {
        if (!System.Text.Unicode.Utf8.IsValid(line.Span))
        {
            return (null, "the line is not valid UTF-8 text; skipped", null);
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "not a JSON object {\"id\", \"a\", \"b\"}; skipped", null);
            }

            if (!root.TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                return (null, "missing \"id\" (a string or a number); skipped", null);
            }

            var texts = new string[2];
            string[] fields = ["a", "b"];
            for (var i = 0; i < fields.Length; i++)
            {
                if (!root.TryGetProperty(fields[i], out var text) || text.ValueKind != JsonValueKind.String)
                {
                    return (null, $"missing \"{fields[i]}\" (a string); skipped", null);
                }

                try
                {
                    texts[i] = text.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    // System.Text.Json refuses an escape such as \ud800 with no pair: it is not text.
                    return (null, $"\"{fields[i]}\" holds a lone surrogate escape (such as \\ud800), which is not text; skipped", "a lone surrogate escape");
                }
            }

            if (id.ValueKind == JsonValueKind.String)
            {
                try
                {
                    _ = id.GetString();
                }
                catch (InvalidOperationException)
                {
                    return (null, "\"id\" holds a lone surrogate escape (such as \\ud800), which is not text; skipped", "a lone surrogate escape");
                }
            }

            return (new Pair(number, id.Clone(), texts[0], texts[1]), null, null);
        }
        catch (InvalidOperationException)
        {
            // A property name (or another string the lookup unescapes) holds an escape such as \ud800 with no pair.
            return (null, "the line holds a lone surrogate escape (such as \\ud800), which is not text; skipped", "a lone surrogate escape");
        }
        catch (JsonException e)
        {
            var at = e.BytePositionInLine is { } position ? $" at byte {position + 1:N0} of the line" : "";
            return (null, $"not valid JSON{at}; skipped", "not valid JSON");
        }
    }

    private static string Format(JsonElement id, double similarity, string decision, bool same)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteNumber("similarity", Math.Round(Math.Clamp(similarity, 0, 1), 4));
            writer.WriteBoolean(decision, same);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
