using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parallax.Core.Extraction;

namespace Parallax.Ingest.Archives;

/// <summary>
/// Reads articles already extracted, one JSON object per line: <c>{"url", "title", "text", "published", "source"}</c>;
/// <c>text</c> is required (paragraphs separated by a blank line), the others may be missing or null, <c>published</c>
/// is ISO 8601. A bad line is named with its number and reason and the rest goes on; a line over the size limit is read
/// through, never held. Blank lines are ignored; a byte order mark may open the file. An item's key is the SHA-256 of
/// its line, so the same line is stored once however often it is imported.
/// </summary>
internal static partial class JsonLinesReader
{
    public static async IAsyncEnumerable<ArchiveEntry> ReadAsync(string path, ArchiveLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FileStream? file = null;
        string? openError = null;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            openError = $"cannot read the file ({e.Message.TrimEnd('.')})";
        }

        if (file is null)
        {
            yield return new ArchiveEntry("jsonl-file:" + path, path, Error: openError);
            yield break;
        }

        await using var input = file;
        var reader = new ByteReader(input);
        var max = (int)Math.Min(limits.MaxRecordBytes, int.MaxValue - 1);
        for (var number = 1; ; number++)
        {
            ByteReader.Line? line;
            string? readError = null;
            try
            {
                line = await reader.ReadLineAsync(max, cancellationToken);
            }
            catch (IOException e)
            {
                line = null;
                readError = $"cannot read the file ({e.Message.TrimEnd('.')}); the rest is not read";
            }

            if (readError is not null)
            {
                yield return new ArchiveEntry($"jsonl-error:{path}:{number}", $"{path}:{number}", Error: readError);
            }

            if (line is null)
            {
                yield break;
            }

            var where = $"{path}:{number}";
            if (line.TooLong)
            {
                yield return new ArchiveEntry($"jsonl-error:{where}", where, Error: $"the line is over the {max:N0}-byte limit; skipped");
                continue;
            }

            var bytes = number == 1 && line.Bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? line.Bytes[3..] : line.Bytes;
            if (bytes.AsSpan().Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']).Length == 0)
            {
                continue;
            }

            yield return Parse(bytes, where);
        }
    }

    internal static ArchiveEntry Parse(byte[] line, string where)
    {
        var key = "jsonl:" + Convert.ToHexStringLower(SHA256.HashData(line));
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ArchiveEntry(key, where, Error: "not a JSON object; skipped");
            }

            var text = Field(root, "text");
            if (text.Error is not null || text.Value is null)
            {
                return new ArchiveEntry(key, where, Error: (text.Error ?? "the field \"text\" is missing") + "; skipped");
            }

            var paragraphs = BlankLines().Split(text.Value.Replace("\r\n", "\n", StringComparison.Ordinal))
                .Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            if (paragraphs.Count == 0)
            {
                return new ArchiveEntry(key, where, Error: "the field \"text\" is empty; skipped");
            }

            var (title, url, source, published) = (Field(root, "title"), Field(root, "url"), Field(root, "source"), Field(root, "published"));
            if (new[] { title, url, source, published }.FirstOrDefault(f => f.Error is not null).Error is { } bad)
            {
                return new ArchiveEntry(key, where, Error: bad + "; skipped");
            }

            DateTimeOffset? when = null;
            if (published.Value is { } stamp)
            {
                if (!DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return new ArchiveEntry(key, where, Error: $"\"published\" is not an ISO 8601 date ('{Shorten(stamp)}'); skipped");
                }

                when = parsed;
            }

            var article = new ExtractedArticle(title.Value?.Trim() ?? string.Empty, source.Value?.Trim(), url.Value?.Trim(), when, null, null, paragraphs);
            return new ArchiveEntry(key, where, Article: article, Url: article.Url);
        }
        catch (JsonException e)
        {
            return new ArchiveEntry(key, where, Error: $"not valid JSON ({e.Message.Split(" LineNumber", 2)[0].TrimEnd('.')}); skipped");
        }
        catch (InvalidOperationException)
        {
            return new ArchiveEntry(key, where, Error: "a string holds an invalid escape (a lone surrogate); skipped");
        }
    }

    private static (string? Value, string? Error) Field(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        return value.ValueKind == JsonValueKind.String
            ? (value.GetString(), null)
            : (null, $"the field \"{name}\" must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();
}
