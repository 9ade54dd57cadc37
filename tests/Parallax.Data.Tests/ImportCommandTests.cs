using System.IO.Compression;
using System.Text;
using Parallax.Data.Sqlite;

namespace Parallax.Data.Tests;

/// <summary>`parallax import` as a user runs it, over a folder holding a page, a WARC.gz and JSON lines with a bad line.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parallax-import-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Imports_pages_archives_and_json_lines_and_names_the_bad_line()
    {
        var inputs = Path.Combine(folder, "inputs");
        Directory.CreateDirectory(inputs);
        await File.WriteAllTextAsync(Path.Combine(inputs, "bridge.txt"), "Sorrel Bridge closed to lorries\n" + string.Join("\n", TestNews.BridgeReport) + "\n");
        var lines = new[]
        {
            JsonLine("https://record.example/avel", "Avel floods Harbourton", "The Harbourton Record", TestNews.FloodReport),
            "{\"title\": \"no text here\"}",
            JsonLine("https://gazette.example/marlow", "Marlow wins Kestrel mayoral race", "Kestrel Gazette", TestNews.ElectionReport),
        };
        await File.WriteAllTextAsync(Path.Combine(inputs, "feed-dump.jsonl"), string.Join("\n", lines) + "\n");
        var html = $"<html><head><title>Avel floods</title></head><body><article><h1>Avel floods Harbourton</h1>{string.Concat(TestNews.FloodReport.Select(p => $"<p>{p}</p>"))}</article></body></html>";
        var body = Encoding.UTF8.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        var record = Encoding.UTF8.GetBytes(
            $"WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:flood-copy>\r\nWARC-Target-URI: https://courier.example/avel\r\n" +
            $"Content-Type: application/http; msgtype=response\r\nContent-Length: {body.Length}\r\n\r\n");
        await using (var file = File.Create(Path.Combine(inputs, "crawl.warc.gz")))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(record.Concat(body).Concat("\r\n\r\n"u8.ToArray()).ToArray());
        }

        var db = Path.Combine(folder, "store.db");
        var (code, output, error) = await ParallaxProcess.RunAsync("import", inputs, "--db", db);
        Assert.Equal(1, code);
        Assert.Contains("feed-dump.jsonl:2: the field \"text\" is missing; skipped", error, StringComparison.Ordinal);
        Assert.Contains("imported 4 articles from 4 items", output, StringComparison.Ordinal);
        Assert.Contains("1 failed", output, StringComparison.Ordinal);

        await using (var store = await SqliteStore.OpenAsync(db))
        {
            Assert.Empty(await store.CheckIntegrityAsync());
            var hits = await store.SearchAsync("Quayside");
            Assert.Equal(2, hits.Items.Count);
            var warc = hits.Items.Single(h => h.Article.Url == "https://courier.example/avel").Article;
            Assert.Equal("courier.example", warc.SourceName);
            var jsonLine = hits.Items.Single(h => h.Article.Url == "https://record.example/avel").Article;

            // The archive comes before the JSON lines (folder order), so the WARC page is the original.
            Assert.Equal(warc.Id, jsonLine.CopyOf);
            Assert.Equal(warc.StoryId, jsonLine.StoryId);
        }

        (code, output, _) = await ParallaxProcess.RunAsync("import", inputs, "--db", db);
        Assert.Equal(1, code);
        Assert.Contains("imported 0 articles from 0 items", output, StringComparison.Ordinal);
        Assert.Contains("4 already stored", output, StringComparison.Ordinal);
    }

    private static string JsonLine(string url, string title, string source, string[] paragraphs) =>
        System.Text.Json.JsonSerializer.Serialize(new { url, title, text = string.Join("\n\n", paragraphs), published = "2026-03-02T08:00:00Z", source });
}
