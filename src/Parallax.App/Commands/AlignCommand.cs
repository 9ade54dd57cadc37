using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parallax.App.Output;
using Parallax.Core.Coverage;
using Parallax.Core.Language;

namespace Parallax.App.Commands;

/// <summary>
/// `parallax align FILE.jsonl`: scores pairs of sentences for "same claim" with the very decision that builds
/// shared claims (<see cref="ClaimMatcher"/>, through <see cref="CoverageBuilder.Align"/>). Input lines
/// {"id","a","b"}; output lines {"id","similarity","sameClaim"} in order (docs/contracts.md); bad lines as for
/// `pairs`. A pair's answer depends on that pair and the shipped data only. Streamed: one line in memory at a time.
/// </summary>
internal static class AlignCommand
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "JSON lines, one pair per line: {\"id\": \"...\", \"a\": \"sentence\", \"b\": \"sentence\"}. '-' reads standard input." };
        var verbose = new Option<bool>("--verbose") { Description = "Name every bad line, not only the first 20 of each kind." };
        var command = new Command(
            "align",
            "Score pairs of sentences for 'same claim', with the decision that builds a story's shared claims. Prints one " +
            "JSON line {\"id\", \"similarity\" (0-1), \"sameClaim\"} per input line, in order. Two sentences that differ in a " +
            "number, a date, a place, who did what, the source or a negation are not the same claim. Bad lines are named on " +
            "standard error with their line number and skipped; the exit code is then 1. Contract: docs/contracts.md.")
        {
            file,
            verbose,
        };
        command.SetAction((result, cancellationToken) => Task.Run(
            () => RunAsync(result.GetValue(file)!, Console.Out, Console.Error, cancellationToken, result.GetValue(verbose)),
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string path, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        bool verbose = false, int maxLineBytes = PairsCommand.DefaultMaxLineBytes)
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

        // The same decision `analyze` uses for shared claims, with the same default options (words alone; see
        // CoverageOptions.MaxEmbeddings for why the embedding model is off by default).
        var coverage = new CoverageBuilder();
        var language = new LanguageAnalyzer();
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

                var (pair, problem, kind) = PairsCommand.Parse(bytes, line.Number);
                if (pair is null)
                {
                    await errors.FailAsync(where, problem!, kind);
                    continue;
                }

                var verdict = coverage.Align(pair.A, pair.B, language);
                await output.WriteLineAsync(Format(pair.Id, verdict));
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

    private static string Format(JsonElement id, ClaimComparison verdict)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteNumber("similarity", Math.Round(Math.Clamp(verdict.Similarity, 0, 1), 4));
            writer.WriteBoolean("sameClaim", verdict.SameClaim);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
