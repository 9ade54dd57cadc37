using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Parallax.Core.Extraction;
using Parallax.Ingest.Files;

namespace Parallax.Ingest.Tests.Files;

/// <summary>A fact about Unix files (devices, FIFOs, byte file names), skipped with that reason elsewhere.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs Unix: devices, FIFOs and file names that are bytes";
        }
    }
}

/// <summary>The file-reading cases of issue 13: links, devices, unreadable folders, undecodable names, cut gzip files.</summary>
public sealed class HostileFilesTests : IDisposable
{
    private const string Page = "<html><head><title>Mill fire</title></head><body><article><p>A fire destroyed the old flour mill in Oakfield on Tuesday night, the fire service said.</p></article></body></html>";

    private readonly string folder = Directory.CreateTempSubdirectory("parallax-hostile-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // .NET cannot name a file whose name is not UTF-8, so it cannot delete one either.
            Run("rm", "-rf", folder);
        }
    }

    [Fact]
    public void A_folder_of_symlink_loops_is_walked_once_and_ends()
    {
        var a = Directory.CreateDirectory(Path.Combine(folder, "L", "a")).FullName;
        File.WriteAllText(Path.Combine(a, "page.html"), Page);
        Directory.CreateSymbolicLink(Path.Combine(a, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(a, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(a, "abs"), folder);

        var walk = FolderWalk.Walk([Path.Combine(folder, "L")], CancellationToken.None);

        Assert.Equal([Path.Combine(a, "page.html")], walk.Files);
        Assert.Empty(walk.Failures);
        Assert.Equal(3, walk.Skipped.Count(s => s.Reason.Contains("already walked", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_link_to_a_sibling_folder_is_followed_once()
    {
        var real = Directory.CreateDirectory(Path.Combine(folder, "real")).FullName;
        File.WriteAllText(Path.Combine(real, "page.html"), Page);
        Directory.CreateSymbolicLink(Path.Combine(folder, "zlink"), real);

        var walk = PageFiles.Expand([folder]);

        Assert.Single(walk.Files);
        Assert.Equal(real, FolderWalk.RealPath(Path.Combine(folder, "zlink")));
    }

    [UnixFact]
    public async Task A_link_to_a_device_is_refused_without_reading_it()
    {
        var link = Path.Combine(folder, "zero.html");
        File.CreateSymbolicLink(link, "/dev/zero");

        var load = await new PageFiles().LoadAsync(link, CancellationToken.None);

        Assert.Null(load.Page);
        Assert.Contains("not a regular file", load.Error);
        Assert.Equal([link], PageFiles.Expand([folder]).Files);
    }

    [UnixFact]
    public async Task A_fifo_is_refused_without_blocking()
    {
        var fifo = Path.Combine(folder, "pipe.html");
        Assert.True(Run("mkfifo", fifo));

        var load = await new PageFiles().LoadAsync(fifo, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        Assert.Contains("not a regular file", load.Error);
    }

    [Fact]
    public void An_unreadable_subfolder_is_one_failure_and_the_rest_is_walked()
    {
        Directory.CreateDirectory(Path.Combine(folder, "locked"));
        File.WriteAllText(Path.Combine(folder, "page.html"), Page);

        // Root reads any folder, so the denial a non-root user meets is played by the folder lister.
        IEnumerable<FileSystemInfo> List(string path) => path.EndsWith("locked", StringComparison.Ordinal)
            ? throw new UnauthorizedAccessException("Access to the path is denied.")
            : new DirectoryInfo(path).EnumerateFileSystemInfos();
        var walk = FolderWalk.Walk([folder], CancellationToken.None, List);

        Assert.Single(walk.Files);
        var failure = Assert.Single(walk.Failures);
        Assert.EndsWith("locked", failure.Path);
        Assert.Equal("cannot open the folder: permission denied; its pages were not read", failure.Error);
    }

    [UnixFact]
    public async Task A_file_name_that_is_not_utf8_is_named_as_such()
    {
        Assert.True(Run("sh", "-c", $"printf x > \"{folder}/bad$(printf '\\377').html\""));

        var walk = PageFiles.Expand([folder]);

        var failure = Assert.Single(walk.Failures);
        Assert.Contains("not valid UTF-8", failure.Error);
        Assert.Empty(walk.Files);
        Assert.Contains("not valid UTF-8", (await new PageFiles().LoadAsync(failure.Path, CancellationToken.None)).Error);
    }

    [Fact]
    public async Task A_truncated_gzip_keeps_what_inflated_marked_partial()
    {
        var whole = Gzip(Page + new string(' ', 50) + Page);
        foreach (var cut in new[] { whole.Length / 2, whole.Length - 4, whole.Length - 1 })
        {
            var path = Path.Combine(folder, $"cut{cut}.html.gz");
            await File.WriteAllBytesAsync(path, whole[..cut]);

            var load = await new PageFiles().LoadAsync(path, CancellationToken.None);

            Assert.True(load.Partial, $"cut at {cut}");
            Assert.NotNull(load.Page);
            Assert.Contains("truncated gzip file", load.Error);
            Assert.Contains("marked partial", load.Error);
        }
    }

    [Fact]
    public async Task Corrupt_or_not_gzip_data_is_said_so()
    {
        var whole = Gzip(Page);
        var corrupt = whole.ToArray();
        for (var i = 10; i < 16; i++)
        {
            corrupt[i] = 0xFF;
        }

        var reader = new PageFiles();
        var load = await reader.LoadAsync(Write("corrupt.html.gz", corrupt), CancellationToken.None);
        Assert.Null(load.Page);
        Assert.Matches("corrupt gzip data|truncated gzip file", load.Error);
        Assert.DoesNotContain("compression method", load.Error);

        var plain = await reader.LoadAsync(Write("plain.html.gz", Encoding.UTF8.GetBytes(Page)), CancellationToken.None);
        Assert.Equal("not gzip data, although the name ends in .gz", plain.Error);

        var ok = await reader.LoadAsync(Write("ok.htm.gz", whole), CancellationToken.None);
        Assert.False(ok.Partial);
        Assert.Null(ok.Error);
    }

    [Theory]
    [InlineData("a.xhtml", PageFormat.Html)]
    [InlineData("a.htm.gz", PageFormat.Html)]
    [InlineData("a.txt.gz", PageFormat.Text)]
    [InlineData("a.gz", null)]
    public void Every_accepted_extension_is_read_and_named(string name, PageFormat? expected)
    {
        Assert.Equal(expected, PageFiles.FormatOf(name));
        if (expected is not null)
        {
            Assert.Contains(name[1..], PageFiles.AcceptedSuffixes);
        }
    }

    [Fact]
    public void Unsupported_files_in_a_folder_are_reported_as_skipped()
    {
        Write("notes.pdf", [1]);
        Write("photo.jpg", [1]);

        var walk = PageFiles.Expand([folder]);

        Assert.Empty(walk.Files);
        Assert.Empty(walk.Failures);
        Assert.Equal(2, walk.Skipped.Count);
    }

    [Fact]
    public void A_cancelled_walk_stops()
    {
        Directory.CreateDirectory(Path.Combine(folder, "a"));
        Assert.Throws<OperationCanceledException>(() => PageFiles.Expand([folder], new CancellationToken(canceled: true)));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Gzip(string text)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return compressed.ToArray();
    }

    private static bool Run(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { UseShellExecute = false })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
