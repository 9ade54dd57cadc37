using System.IO.Compression;
using System.Text;
using Parallax.Core.Extraction;
using Parallax.Ingest.Archives;

namespace Parallax.Ingest.Tests.Archives;

public sealed class ArchiveReaderTests : IDisposable
{
    private const string Article =
        "<html><head><title>Sorrel Bridge closed</title></head><body><article><h1>Sorrel Bridge closed</h1>" +
        "<p>The Kestrel county council closed the Sorrel Bridge to lorries on Monday after cracks were found.</p></article></body></html>";

    private readonly string folder = Directory.CreateTempSubdirectory("parallax-archives-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static byte[] Record(string type, string id, string? uri, string contentType, byte[] block)
    {
        var header = new StringBuilder()
            .Append("WARC/1.1\r\n")
            .Append($"WARC-Type: {type}\r\n")
            .Append($"WARC-Record-ID: <urn:uuid:{id}>\r\n")
            .Append("WARC-Date: 2026-03-02T08:00:00Z\r\n");
        if (uri is not null)
        {
            header.Append($"WARC-Target-URI: {uri}\r\n");
        }

        header.Append($"Content-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(header.ToString()), .. block, .. "\r\n\r\n"u8];
    }

    private static byte[] Http(int status, string headers, byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\n{headers}\r\n"), .. body];

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Chunked(byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"{10:x}\r\n"), .. body[..10], .. "\r\n"u8,
         .. Encoding.ASCII.GetBytes($"{body.Length - 10:x}\r\n"), .. body[10..], .. "\r\n0\r\n\r\n"u8];

    private static List<byte[]> SampleRecords() =>
    [
        Record("warcinfo", "1", null, "application/warc-fields", "software: test\r\n"u8.ToArray()),
        Record("request", "2", "https://gazette.example/bridge", "application/http; msgtype=request", "GET /bridge HTTP/1.1\r\n\r\n"u8.ToArray()),
        Record("response", "3", "https://gazette.example/bridge", "application/http; msgtype=response",
            Http(200, "Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", Chunked(Gzip(Encoding.UTF8.GetBytes(Article))))),
        Record("response", "4", "https://gazette.example/gone", "application/http; msgtype=response", Http(404, "Content-Type: text/html\r\n", "<p>gone</p>"u8.ToArray())),
        Record("response", "5", "https://gazette.example/logo.png", "application/http; msgtype=response", Http(200, "Content-Type: image/png\r\n", [0x89, 0x50])),
        Record("resource", "6", "file:///notes.txt", "text/plain", "Notes from the council meeting\nThe bridge stays shut."u8.ToArray()),
    ];

    private static async Task<List<ArchiveEntry>> ReadAllAsync(string path, ArchiveLimits? limits = null)
    {
        var entries = new List<ArchiveEntry>();
        await foreach (var entry in ArchiveFiles.ReadAsync(path, limits))
        {
            entries.Add(entry);
        }

        return entries;
    }

    [Theory]
    [InlineData("crawl.warc", false)]
    [InlineData("crawl.warc.gz", true)]
    public async Task A_warc_gives_its_pages_and_passes_over_the_rest_with_reasons(string name, bool compressed)
    {
        var path = Path.Combine(folder, name);
        var records = SampleRecords();
        await File.WriteAllBytesAsync(path, compressed ? [.. records.SelectMany(Gzip)] : [.. records.SelectMany(r => r)]);

        var entries = await ReadAllAsync(path);
        Assert.Equal(6, entries.Count);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"warc:<urn:uuid:{i}>"), entries.Select(e => e.Key));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"{path}#{i}"), entries.Select(e => e.Path));
        Assert.All(entries, e => Assert.Null(e.Error));
        Assert.Equal("a warcinfo record, not a page", entries[0].Skipped);
        Assert.Equal("a request record, not a page", entries[1].Skipped);
        var page = entries[2].Page!;
        Assert.Equal((PageFormat.Html, "utf-8", "https://gazette.example/bridge"), (page.Format, page.DeclaredCharset, page.Url));
        Assert.Equal(Article, Encoding.UTF8.GetString(page.Content.Span));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), entries[2].Fetched);
        Assert.Equal("HTTP status 404, not a page", entries[3].Skipped);
        Assert.Equal("not a page (image/png)", entries[4].Skipped);
        Assert.Equal(PageFormat.Text, entries[5].Page!.Format);
    }

    [Fact]
    public async Task A_record_over_the_limit_is_refused_and_the_next_one_is_read()
    {
        var path = Path.Combine(folder, "big.warc");
        var big = Record("resource", "big", "https://x.example/big", "text/html", Encoding.UTF8.GetBytes("<p>" + new string('x', 5000) + "</p>"));
        await File.WriteAllBytesAsync(path, [.. big, .. SampleRecords()[2]]);
        var entries = await ReadAllAsync(path, new ArchiveLimits(MaxRecordBytes: 2000));
        Assert.Equal(2, entries.Count);
        Assert.Contains("over the 2,000-byte limit", entries[0].Error, StringComparison.Ordinal);
        Assert.NotNull(entries[1].Page);
    }

    [Fact]
    public async Task A_cut_or_foreign_file_ends_with_its_reason()
    {
        var cut = Path.Combine(folder, "cut.warc");
        var records = SampleRecords();
        await File.WriteAllBytesAsync(cut, [.. records[0], .. records[2][..^200]]);
        var entries = await ReadAllAsync(cut);
        Assert.Equal(2, entries.Count);
        Assert.Contains("ends inside record 2", entries[1].Error, StringComparison.Ordinal);

        var foreign = Path.Combine(folder, "notes.warc");
        await File.WriteAllTextAsync(foreign, "these are not WARC records\nat all\n");
        var error = Assert.Single(await ReadAllAsync(foreign));
        Assert.Contains("not a WARC record", error.Error, StringComparison.Ordinal);

        var badGzip = Path.Combine(folder, "bad.warc.gz");
        await File.WriteAllBytesAsync(badGzip, [.. Gzip(records[0]), 0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF]);
        var read = await ReadAllAsync(badGzip);
        Assert.Null(read[0].Error);
        Assert.Contains("corrupt gzip", read[^1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lines_give_articles_and_name_each_bad_line()
    {
        var path = Path.Combine(folder, "articles.jsonl");
        string[] lines =
        [
            """{"url": "https://gazette.example/bridge", "title": "Sorrel Bridge closed", "text": "The council closed the bridge.\n\nLorries must detour.", "published": "2026-03-02T08:00:00+01:00", "source": "Kestrel Gazette"}""",
            "",
            """{"text": "A line with only a text."}""",
            "not json",
            """{"title": "no text"}""",
            """{"text": 12}""",
            """{"text": "dated badly", "published": "last Tuesday"}""",
            """[1, 2]""",
            """{"text": "   "}""",
            """{"text": "A line with only a text."}""",
        ];
        await File.WriteAllBytesAsync(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n")]);
        var entries = await ReadAllAsync(path);
        Assert.Equal([1, 3, 4, 5, 6, 7, 8, 9, 10], entries.Select(e => int.Parse(e.Path[(path.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(entries[0].Error);
        var first = entries[0].Article!;
        Assert.Equal(("Sorrel Bridge closed", "Kestrel Gazette", "https://gazette.example/bridge"), (first.Title, first.Source, first.Url));
        Assert.Equal(["The council closed the bridge.", "Lorries must detour."], first.Paragraphs);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero), first.Published!.Value.ToUniversalTime());
        Assert.Equal(string.Empty, entries[1].Article!.Title);
        Assert.StartsWith("not valid JSON", entries[2].Error, StringComparison.Ordinal);
        Assert.Equal("the field \"text\" is missing; skipped", entries[3].Error);
        Assert.Equal("the field \"text\" must be a string, not number; skipped", entries[4].Error);
        Assert.StartsWith("\"published\" is not an ISO 8601 date", entries[5].Error, StringComparison.Ordinal);
        Assert.Equal("not a JSON object; skipped", entries[6].Error);
        Assert.Equal("the field \"text\" is empty; skipped", entries[7].Error);
        Assert.Equal(entries[1].Key, entries[8].Key);
        Assert.NotEqual(entries[0].Key, entries[1].Key);
    }

    [Fact]
    public async Task A_json_line_over_the_limit_is_read_through_and_refused()
    {
        var path = Path.Combine(folder, "long.jsonl");
        await File.WriteAllTextAsync(path, $"{{\"text\": \"{new string('a', 10_000)}\"}}\n{{\"text\": \"short\"}}\n");
        var entries = await ReadAllAsync(path, new ArchiveLimits(MaxRecordBytes: 1000));
        Assert.Equal(2, entries.Count);
        Assert.Contains("over the 1,000-byte limit", entries[0].Error, StringComparison.Ordinal);
        Assert.Null(entries[1].Error);
        Assert.Equal("short", entries[1].Article!.Text);
    }
}
