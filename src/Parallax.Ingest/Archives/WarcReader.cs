using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Parallax.Core.Extraction;

namespace Parallax.Ingest.Archives;

/// <summary>
/// Reads the pages out of a WARC file (ISO 28500, WARC/1.0 and 1.1), plain or gzip-compressed (one member per record
/// or the whole file). Response records (HTTP 2xx, HTML or text) and resource records become pages; requests, metadata,
/// revisits, redirects and images are passed over, each with its reason. A record over the size limit is read through
/// and refused; a header that is not WARC, or a file that ends inside a record, ends the file with its reason.
/// </summary>
internal static class WarcReader
{
    public static async IAsyncEnumerable<ArchiveEntry> ReadAsync(string path, ArchiveLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Stream? file = null;
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
            yield return new ArchiveEntry("warc-file:" + path, path, Error: openError);
            yield break;
        }

        await using var input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        var reader = new ByteReader(input);
        for (var number = 1; ; number++)
        {
            var (entry, last) = await NextAsync(reader, path, number, limits, cancellationToken);
            if (entry is not null)
            {
                yield return entry;
            }

            if (last)
            {
                yield break;
            }
        }
    }

    /// <summary>The next record as an entry, and whether it is the last that can be read.</summary>
    private static async Task<(ArchiveEntry? Entry, bool Last)> NextAsync(ByteReader reader, string path, int number, ArchiveLimits limits, CancellationToken cancellationToken)
    {
        var where = $"{path}#{number}";
        try
        {
            ByteReader.Line? line;
            do
            {
                line = await reader.ReadLineAsync(limits.MaxHeaderBytes, cancellationToken);
            }
            while (line is { TooLong: false, Bytes.Length: 0 });

            if (line is null)
            {
                return (null, true);
            }

            var at = reader.Position;
            if (line.TooLong || !Encoding.Latin1.GetString(line.Bytes).StartsWith("WARC/", StringComparison.Ordinal))
            {
                return (Failure(where, $"not a WARC record near byte {at:N0} (a record starts with a WARC/1.x line); the rest of the file is not read"), true);
            }

            var headers = await ReadHeadersAsync(reader, limits.MaxHeaderBytes, cancellationToken);
            if (headers is null)
            {
                return (Failure(where, $"the WARC header of record {number} is over {limits.MaxHeaderBytes:N0} bytes or cut short; the rest of the file is not read"), true);
            }

            if (!long.TryParse(headers.GetValueOrDefault("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return (Failure(where, $"record {number} has no valid Content-Length, so the next record cannot be found; the rest of the file is not read"), true);
            }

            var key = "warc:" + (headers.GetValueOrDefault("WARC-Record-ID") ?? where);
            if (length > limits.MaxRecordBytes)
            {
                var skipped = await reader.SkipAsync(length, cancellationToken);
                return (new ArchiveEntry(key, where, Error: $"the record is over the {limits.MaxRecordBytes:N0}-byte limit ({length:N0} bytes); skipped"), skipped < length);
            }

            var block = await reader.ReadBlockAsync(length, cancellationToken);
            if (block.Length < length)
            {
                return (new ArchiveEntry(key, where, Error: $"the file ends inside record {number} (truncated after {block.Length:N0} of {length:N0} bytes)"), true);
            }

            return (WarcPayload.Interpret(key, where, headers, block, limits), false);
        }
        catch (InvalidDataException)
        {
            return (Failure(where, "corrupt gzip data; the rest of the file is not read"), true);
        }
        catch (IOException e)
        {
            return (Failure(where, $"cannot read the file ({e.Message.TrimEnd('.')}); the rest is not read"), true);
        }
    }

    private static ArchiveEntry Failure(string where, string reason) => new("warc-error:" + where, where, Error: reason);

    private static async Task<Dictionary<string, string>?> ReadHeadersAsync(ByteReader reader, int maxBytes, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var total = 0;
        while (await reader.ReadLineAsync(maxBytes, cancellationToken) is { } line)
        {
            if (line.TooLong || (total += line.Bytes.Length) > maxBytes)
            {
                return null;
            }

            if (line.Bytes.Length == 0)
            {
                return headers;
            }

            var text = Encoding.UTF8.GetString(line.Bytes);
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[text[..colon].Trim()] = text[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}

/// <summary>What a WARC record's block holds: an HTTP response or a resource, turned into a page or a reason to pass it over.</summary>
internal static class WarcPayload
{
    public static ArchiveEntry Interpret(string key, string where, IReadOnlyDictionary<string, string> headers, byte[] block, ArchiveLimits limits)
    {
        var type = headers.GetValueOrDefault("WARC-Type") ?? "unknown";
        var url = headers.GetValueOrDefault("WARC-Target-URI")?.Trim('<', '>');
        DateTimeOffset? date = DateTimeOffset.TryParse(headers.GetValueOrDefault("WARC-Date"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
        var entry = new ArchiveEntry(key, where, Url: url, Fetched: date);
        var contentType = headers.GetValueOrDefault("Content-Type") ?? string.Empty;
        byte[] body;
        string? bodyType;
        if (type.Equals("response", StringComparison.OrdinalIgnoreCase) && contentType.StartsWith("application/http", StringComparison.OrdinalIgnoreCase))
        {
            var response = HttpResponse(block, limits);
            if (response.Problem is not null)
            {
                return entry with { Skipped = response.Skip ? response.Problem : null, Error = response.Skip ? null : response.Problem };
            }

            (body, bodyType) = (response.Body!, response.ContentType);
        }
        else if (type.Equals("resource", StringComparison.OrdinalIgnoreCase) || type.Equals("response", StringComparison.OrdinalIgnoreCase))
        {
            (body, bodyType) = (block, contentType);
        }
        else
        {
            return entry with { Skipped = $"a {type} record, not a page" };
        }

        var media = (bodyType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        PageFormat? format = media switch
        {
            "text/html" or "application/xhtml+xml" => PageFormat.Html,
            "text/plain" => PageFormat.Text,
            "" => LooksLikeHtml(body) ? PageFormat.Html : null,
            _ => null,
        };
        if (format is null)
        {
            return entry with { Skipped = $"not a page ({(media.Length > 0 ? media : "no content type")})" };
        }

        if (body.Length == 0)
        {
            return entry with { Error = "empty page" };
        }

        if (Files.PageFiles.LooksBinary(body))
        {
            return entry with { Error = "binary content, not a text or HTML page" };
        }

        return entry with { Page = new PageInput(where, format.Value, body, Charset(bodyType), url) };
    }

    private sealed record Response(byte[]? Body, string? ContentType, string? Problem, bool Skip);

    private static Response HttpResponse(byte[] block, ArchiveLimits limits)
    {
        var split = IndexOf(block, "\r\n\r\n"u8);
        var gap = 4;
        if (split < 0)
        {
            (split, gap) = (IndexOf(block, "\n\n"u8), 2);
        }

        if (split < 0)
        {
            return new Response(null, null, "the HTTP response has no end of headers", false);
        }

        var lines = Encoding.Latin1.GetString(block, 0, split).Split('\n');
        var status = lines[0].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(status[1], CultureInfo.InvariantCulture, out var code))
        {
            return new Response(null, null, "not an HTTP response", false);
        }

        if (code is < 200 or > 299)
        {
            return new Response(null, null, $"HTTP status {code}, not a page", true);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var body = block[(split + gap)..];
        try
        {
            if (headers.GetValueOrDefault("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            {
                body = Dechunk(body);
            }

            body = headers.GetValueOrDefault("Content-Encoding")?.Trim().ToLowerInvariant() switch
            {
                null or "" or "identity" => body,
                "gzip" or "x-gzip" => Inflate(new GZipStream(new MemoryStream(body), CompressionMode.Decompress), limits.MaxRecordBytes),
                "deflate" => Inflate(new ZLibStream(new MemoryStream(body), CompressionMode.Decompress), limits.MaxRecordBytes),
                "br" => Inflate(new BrotliStream(new MemoryStream(body), CompressionMode.Decompress), limits.MaxRecordBytes),
                var other => throw new InvalidDataException($"unsupported Content-Encoding '{other}'"),
            };
        }
        catch (InvalidDataException e)
        {
            return new Response(null, null, $"the HTTP body cannot be decoded: {e.Message.TrimEnd('.')}", false);
        }

        return new Response(body, headers.GetValueOrDefault("Content-Type"), null, false);
    }

    private static byte[] Inflate(Stream compressed, long max)
    {
        using (compressed)
        {
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = compressed.Read(buffer)) > 0)
            {
                if (output.Length + read > max)
                {
                    throw new InvalidDataException($"it inflates to more than the {max:N0}-byte limit");
                }

                output.Write(buffer, 0, read);
            }

            return output.ToArray();
        }
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream(body.Length);
        var at = 0;
        while (at < body.Length)
        {
            var lineEnd = Array.IndexOf(body, (byte)'\n', at);
            if (lineEnd < 0)
            {
                break;
            }

            var sizeText = Encoding.Latin1.GetString(body, at, lineEnd - at).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new InvalidDataException("a chunk size is not a number");
            }

            at = lineEnd + 1;
            if (size == 0)
            {
                break;
            }

            var take = Math.Min(size, body.Length - at);
            output.Write(body, at, take);
            at += take;
            while (at < body.Length && body[at] is (byte)'\r' or (byte)'\n')
            {
                at++;
            }
        }

        return output.ToArray();
    }

    private static string? Charset(string? contentType)
    {
        foreach (var part in (contentType ?? string.Empty).Split(';').Skip(1))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                return pair[1].Trim().Trim('"');
            }
        }

        return null;
    }

    private static bool LooksLikeHtml(byte[] body)
    {
        var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, 1024)).TrimStart();
        return head.StartsWith('<');
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
