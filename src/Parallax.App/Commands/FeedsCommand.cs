using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parallax.App.Output;
using Parallax.Ingest.Feeds;

namespace Parallax.App.Commands;

/// <summary>
/// `parallax feeds parse FILE... [--json]`: what Parallax reads from feed files (RSS 2.0, RSS 1.0/RDF, Atom, JSON
/// Feed). With --json one object per line and per file (docs/contracts.md); without, a short listing for people.
/// A file that is not a feed gets its reason (in its JSON line, and on standard error) and the rest goes on.
/// </summary>
internal static class FeedsCommand
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Feed files (RSS, RDF, Atom or JSON Feed).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per line and per file: {\"path\", \"format\", \"title\", \"link\", \"id\", \"entries\": [...]} or {\"path\", \"error\"}." };
        var verbose = new Option<bool>("--verbose") { Description = "Name every failure." };
        var parse = new Command("parse",
            "Parse feed files and print what Parallax reads from them: text as plain text with entities decoded, links " +
            "absolute, a stable id for every entry. Exit codes: 0 all read; 1 some files are not feeds (each is named); 2 a usage error.")
        {
            files,
            json,
            verbose,
        };
        parse.SetAction(async (result, cancellationToken) =>
        {
            if (UnknownOption(result) is { } unknown)
            {
                await Console.Error.WriteLineAsync($"parallax: unknown option '{unknown}' for 'parallax feeds parse' (the options are --json, --verbose " +
                    "and --help; to name a file that starts with '-', put it after '--').");
                return ExitCodes.Usage;
            }

            return await Task.Run(
                () => RunAsync(result.GetValue(files)!, result.GetValue(json), Console.Out, new ErrorReport(Console.Error, result.GetValue(verbose)), cancellationToken),
                cancellationToken);
        });
        return new Command("feeds", "Work with feeds: 'parallax feeds parse FILE... [--json]'.") { parse };
    }

    /// <summary>
    /// The parser takes an unknown "--bogus" for a file name; it is a usage error unless a file of that name exists
    /// or it comes after "--" (as for `analyze`).
    /// </summary>
    private static string? UnknownOption(ParseResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                return null;
            }

            if (token.Type == TokenType.Argument && token.Value.Length > 1 && token.Value.StartsWith('-') && !File.Exists(token.Value) && !Directory.Exists(token.Value))
            {
                return token.Value;
            }
        }

        return null;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, bool json, TextWriter output, ErrorReport errors, CancellationToken cancellationToken)
    {
        var reader = new FeedReader();
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (bytes, error) = await FeedFiles.ReadAsync(path, FeedReaderOptions.Default, cancellationToken);
            var result = bytes is null ? FeedParseResult.Fail(error!) : reader.Parse(bytes);
            if (result.Error is { } reason)
            {
                await errors.FailAsync(path, reason);
            }

            await output.WriteLineAsync(json ? Json(path, result) : Readable(path, result));
        }

        await output.FlushAsync(cancellationToken);
        await errors.SummarizeAsync("files");
        return errors.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    public static string FormatName(FeedFormat format) => format switch
    {
        FeedFormat.Rss2 => "rss",
        FeedFormat.Rdf => "rdf",
        FeedFormat.Atom => "atom",
        _ => "jsonfeed",
    };

    internal static string Json(string path, FeedParseResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("path", path);
            if (result.Feed is not { } feed)
            {
                writer.WriteString("error", result.Error);
            }
            else
            {
                writer.WriteString("format", FormatName(feed.Format));
                writer.WriteString("title", feed.Title);
                writer.WriteString("link", feed.Link);
                writer.WriteString("id", feed.Id);
                writer.WriteStartArray("entries");
                foreach (var entry in feed.Entries)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", entry.Id);
                    writer.WriteString("title", entry.Title);
                    writer.WriteString("link", entry.Link);
                    writer.WriteString("published", Date(entry.Published));
                    writer.WriteString("updated", Date(entry.Updated));
                    writer.WriteString("author", entry.Author);
                    writer.WriteString("summary", entry.Summary);
                    writer.WriteString("content", entry.Content);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Date(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Readable(string path, FeedParseResult result)
    {
        if (result.Feed is not { } feed)
        {
            return $"{path}: not read: {result.Error}";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{path}: {FormatName(feed.Format)} feed \"{feed.Title ?? "(untitled)"}\"");
        if (feed.Link is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" <{feed.Link}>");
        }

        text.Append(CultureInfo.InvariantCulture, $", {feed.Entries.Count} {(feed.Entries.Count == 1 ? "entry" : "entries")}");
        foreach (var entry in feed.Entries)
        {
            var when = entry.Published ?? entry.Updated;
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"  {(when is { } w ? w.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "(no date)        ")}  {entry.Title ?? "(untitled)"}");
            if (entry.Link is not null)
            {
                text.Append('\n').Append(CultureInfo.InvariantCulture, $"                    {entry.Link}");
            }

            var body = entry.Content ?? entry.Summary;
            if (body is not null)
            {
                var first = body.Length > 100 ? body[..100].TrimEnd() + "..." : body;
                text.Append('\n').Append(CultureInfo.InvariantCulture, $"                    {first.Replace("\n\n", " ", StringComparison.Ordinal)}");
            }
        }

        return text.ToString();
    }
}
