using System.IO.Compression;
using System.IO.Hashing;
using Parallax.Core.Extraction;

namespace Parallax.Ingest.Files;

/// <summary>
/// One input file: either a page ready for extraction, or the reason it could not be read. A page cut short
/// (a truncated or corrupt .gz whose start inflated) is kept, <paramref name="Partial"/>, with the reason in
/// <paramref name="Error"/>.
/// </summary>
public sealed record PageLoad(string Path, PageInput? Page, string? Error, bool Partial = false);

/// <summary>
/// Finds the page files under the paths a user gives and reads them with the limits that keep one bad
/// file from hurting the run: a size cap that holds while reading (a file may grow, a device never ends),
/// no reading of devices, pipes or sockets, a cap on what a .gz may inflate to, and a binary check.
/// </summary>
public sealed class PageFiles(long maxBytes = PageFiles.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    private static readonly string[] HtmlSuffixes = [".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz"];
    private static readonly string[] TextSuffixes = [".txt", ".txt.gz"];

    /// <summary>The accepted file name endings, for messages and help: ".html, .htm, ... or .txt.gz".</summary>
    public static string AcceptedSuffixes { get; } =
        string.Join(", ", HtmlSuffixes.Concat(TextSuffixes).SkipLast(1)) + " or " + TextSuffixes[^1];

    /// <summary>Expands folders (recursively, in a stable order, each real folder once) into the page files they hold.</summary>
    public static PageWalk Expand(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        FolderWalk.Walk(paths, cancellationToken);

    public static PageFormat? FormatOf(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (HtmlSuffixes.Any(name.EndsWith))
        {
            return PageFormat.Html;
        }

        return TextSuffixes.Any(name.EndsWith) ? PageFormat.Text : null;
    }

    public async Task<PageLoad> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var format = FormatOf(path);
        if (format is null)
        {
            return new PageLoad(path, null, $"unsupported file type (expected {AcceptedSuffixes})");
        }

        switch (FileKinds.Of(path))
        {
            case FileKind.Missing:
                return new PageLoad(path, null, FolderWalk.MissingReason(path));
            case FileKind.Directory:
                return new PageLoad(path, null, "a folder, not a file");
            case FileKind.Special:
                return new PageLoad(path, null, "not a regular file (a device, pipe or socket), so it is not read");
        }

        try
        {
            var read = await ReadCappedAsync(path, cancellationToken);
            if (read is null)
            {
                return new PageLoad(path, null, $"file is over the {maxBytes:N0}-byte limit");
            }

            var bytes = read;
            string? partialReason = null;
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                var inflated = await InflateAsync(bytes, cancellationToken);
                if (inflated.Bytes is null || (inflated.Problem is not null && inflated.Bytes.Length == 0))
                {
                    return new PageLoad(path, null, inflated.Problem);
                }

                bytes = inflated.Bytes;
                partialReason = inflated.Problem is null ? null : $"{inflated.Problem} after {bytes.Length:N0} bytes of the page; what was read is kept, marked partial";
            }

            if (bytes.Length == 0)
            {
                return new PageLoad(path, null, "empty file");
            }

            if (LooksBinary(bytes))
            {
                return new PageLoad(path, null, "binary content, not a text or HTML page");
            }

            return new PageLoad(path, new PageInput(path, format.Value, bytes), partialReason, Partial: partialReason is not null);
        }
        catch (UnauthorizedAccessException)
        {
            return new PageLoad(path, null, "cannot read the file: permission denied");
        }
        catch (FileNotFoundException)
        {
            return new PageLoad(path, null, "the file went away before it could be read");
        }
        catch (IOException e)
        {
            return new PageLoad(path, null, $"cannot read the file ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>The file's bytes, or null when there are more than the cap; never reads past the cap, whatever the file claims.</summary>
    private async Task<byte[]?> ReadCappedAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, useAsync: true);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (output.Length + read > maxBytes)
            {
                return null;
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Inflates gzip data, stopping at the size cap so a gzip bomb cannot exhaust memory. GZipStream ends without
    /// an error when the data stops early, so the member's trailer (CRC-32 and length of what it holds) is checked:
    /// a mismatch means the file was cut short. Returns what inflated, and the problem when there was one.
    /// </summary>
    private async Task<(byte[]? Bytes, string? Problem)> InflateAsync(byte[] compressed, CancellationToken cancellationToken)
    {
        if (compressed.Length < 2 || compressed[0] != 0x1F || compressed[1] != 0x8B)
        {
            return (null, "not gzip data, although the name ends in .gz");
        }

        using var output = new MemoryStream();
        string? problem = null;
        try
        {
            await using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var buffer = new byte[81920];
            int read;
            while ((read = await gzip.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    return (null, $"inflates to more than the {maxBytes:N0}-byte limit");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            problem = "corrupt gzip data";
        }

        var bytes = output.ToArray();
        if (problem is null && !TrailerMatches(compressed, bytes))
        {
            problem = "truncated gzip file (it ends before its end marker)";
        }

        return (bytes, problem);
    }

    /// <summary>Whether the last 8 bytes are the CRC-32 and length (mod 2^32) of what inflated (RFC 1952, one member).</summary>
    internal static bool TrailerMatches(ReadOnlySpan<byte> compressed, ReadOnlySpan<byte> inflated)
    {
        if (compressed.Length < 18)
        {
            return false;
        }

        var trailer = compressed[^8..];
        var crc = BitConverter.ToUInt32(trailer[..4]);
        var size = BitConverter.ToUInt32(trailer[4..]);
        return size == (uint)inflated.Length && crc == Crc32.HashToUInt32(inflated);
    }

    /// <summary>
    /// A page is binary when its start holds NUL bytes or many control characters. UTF-16 text with a
    /// byte order mark holds NULs but is text, so a BOM exempts it.
    /// </summary>
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return false;
        }

        var head = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                control++;
            }
        }

        return control > head.Length / 10;
    }
}
