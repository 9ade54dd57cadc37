using System.IO.Compression;
using Parallax.Core.Extraction;
using Parallax.Ingest.Files;

namespace Parallax.Ingest.Tests.Files;

public sealed class PageFilesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parallax-pagefiles-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData("a.html", PageFormat.Html)]
    [InlineData("a.HTM", PageFormat.Html)]
    [InlineData("a.html.gz", PageFormat.Html)]
    [InlineData("a.txt", PageFormat.Text)]
    [InlineData("a.pdf", null)]
    public void Format_follows_the_file_name(string name, PageFormat? expected) => Assert.Equal(expected, PageFiles.FormatOf(name));

    [Fact]
    public async Task Empty_binary_and_oversized_files_are_refused_with_a_reason()
    {
        var reader = new PageFiles(maxBytes: 1000);
        Assert.Equal("empty file", (await reader.LoadAsync(Write("empty.html", []), default)).Error);
        Assert.Contains("binary", (await reader.LoadAsync(Write("bin.html", [0x89, 0x50, 0x00, 0x01, 0x02]), default)).Error);
        Assert.Contains("limit", (await reader.LoadAsync(Write("big.txt", new byte[2000]), default)).Error);
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_cap()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[1_000_000].AsSpan().ToArray().Select(_ => (byte)'a').ToArray());
        }

        var load = await new PageFiles(maxBytes: 100_000).LoadAsync(Write("bomb.html.gz", compressed.ToArray()), default);
        Assert.Null(load.Page);
        Assert.Contains("inflates to more than", load.Error);
    }

    [Fact]
    public async Task A_truncated_gzip_is_reported_not_thrown()
    {
        var load = await new PageFiles().LoadAsync(Write("bad.html.gz", [0x1F, 0x8B, 0x08, 0x00, 0x01]), default);
        Assert.Null(load.Page);
        Assert.NotNull(load.Error);
    }

    [Fact]
    public async Task A_readable_gzip_page_is_inflated()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("<html><body><p>Hello</p></body></html>"u8);
        }

        var load = await new PageFiles().LoadAsync(Write("ok.html.gz", compressed.ToArray()), default);
        Assert.NotNull(load.Page);
        Assert.Equal(PageFormat.Html, load.Page.Format);
        Assert.StartsWith("<html>", System.Text.Encoding.UTF8.GetString(load.Page.Content.Span));
    }

    [Fact]
    public void Folders_expand_to_page_files_and_missing_paths_are_named()
    {
        Write("b.html", "x"u8.ToArray());
        Write("a.txt", "x"u8.ToArray());
        Write("notes.pdf", "x"u8.ToArray());
        var (files, missing, skipped) = PageFiles.Expand([folder, Path.Combine(folder, "nope.html")]);
        Assert.Equal(["a.txt", "b.html"], files.Select(Path.GetFileName));
        Assert.Single(missing);
        Assert.Equal("notes.pdf", Path.GetFileName(Assert.Single(skipped).Path));
    }
}
