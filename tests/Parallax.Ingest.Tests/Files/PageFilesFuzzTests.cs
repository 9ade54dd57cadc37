using System.IO.Compression;
using Parallax.Ingest.Files;

namespace Parallax.Ingest.Tests.Files;

/// <summary>Seeded fuzzing of file reading: random and mutated bytes, plain and gzipped, never throw and always give a page or a reason.</summary>
public sealed class PageFilesFuzzTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parallax-fuzz-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Random_and_mutated_files_give_a_page_or_a_reason(int seed)
    {
        var random = new Random(seed);
        var reader = new PageFiles(maxBytes: 200_000);
        var page = "<html><body><article><p>A fire destroyed the old flour mill in Oakfield on Tuesday night.</p></article></body></html>"u8.ToArray();
        string[] names = [".html", ".htm", ".xhtml", ".txt", ".html.gz", ".txt.gz", ".htm.gz"];
        for (var i = 0; i < 300; i++)
        {
            var bytes = random.Next(3) switch
            {
                0 => RandomBytes(random, random.Next(0, 5000)),
                1 => Mutate(random, Gzip(page)),
                _ => Mutate(random, page),
            };
            var path = Path.Combine(folder, $"f{i}{names[random.Next(names.Length)]}");
            await File.WriteAllBytesAsync(path, bytes);

            var load = await reader.LoadAsync(path, CancellationToken.None);

            Assert.True(load.Page is not null || load.Error is not null, path);
            Assert.True(load.Page is null || load.Page.Content.Length <= 200_000);
            Assert.False(load.Error is { } e && (e.Contains("Exception", StringComparison.Ordinal) || e.Contains("compression method", StringComparison.Ordinal)), load.Error);
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        var copy = bytes.ToList();
        for (var m = random.Next(0, 6); m > 0 && copy.Count > 1; m--)
        {
            var at = random.Next(copy.Count);
            switch (random.Next(3))
            {
                case 0:
                    copy[at] = (byte)random.Next(256);
                    break;
                case 1:
                    copy.RemoveRange(at, copy.Count - at);
                    break;
                default:
                    copy.InsertRange(at, RandomBytes(random, random.Next(1, 50)));
                    break;
            }
        }

        return [.. copy];
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
