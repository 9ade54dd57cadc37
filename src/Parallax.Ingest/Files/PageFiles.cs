using System.IO.Compression;
using Parallax.Core.Extraction;

namespace Parallax.Ingest.Files;

/// <summary>One input file: either a page ready for extraction, or the reason it could not be read.</summary>
public sealed record PageLoad(string Path, PageInput? Page, string? Error);

/// <summary>
/// Finds the page files under the paths a user gives and reads them with the limits that keep one bad
/// file from hurting the run: a size cap, a cap on what a .gz may inflate to, and a binary check.
/// </summary>
public sealed class PageFiles(long maxBytes = PageFiles.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    private static readonly string[] HtmlSuffixes = [".html", ".htm", ".html.gz", ".htm.gz", ".xhtml"];
    private static readonly string[] TextSuffixes = [".txt", ".txt.gz"];

    /// <summary>Expands folders (recursively, in a stable order) into the page files they hold.</summary>
    /// <returns>The files, and a load error for every path that does not exist.</returns>
    public static (IReadOnlyList<string> Files, IReadOnlyList<PageLoad> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<PageLoad>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => FormatOf(f) is not null)
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                missing.Add(new PageLoad(path, null, "no such file or folder"));
            }
        }

        return (files, missing);
    }

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
            return new PageLoad(path, null, "unsupported file type (expected .html, .htm, .html.gz or .txt)");
        }

        try
        {
            var info = new FileInfo(path);
            if (info.Length == 0)
            {
                return new PageLoad(path, null, "empty file");
            }

            if (info.Length > maxBytes)
            {
                return new PageLoad(path, null, $"file is {info.Length:N0} bytes, over the {maxBytes:N0}-byte limit");
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                var inflated = await InflateAsync(bytes, cancellationToken);
                if (inflated.Error is not null)
                {
                    return new PageLoad(path, null, inflated.Error);
                }

                bytes = inflated.Bytes!;
            }

            if (bytes.Length == 0)
            {
                return new PageLoad(path, null, "empty file");
            }

            return LooksBinary(bytes)
                ? new PageLoad(path, null, "binary content, not a text or HTML page")
                : new PageLoad(path, new PageInput(path, format.Value, bytes), null);
        }
        catch (IOException e)
        {
            return new PageLoad(path, null, $"cannot read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return new PageLoad(path, null, $"cannot read: {e.Message}");
        }
    }

    /// <summary>Inflates gzip data, stopping at the size cap so a gzip bomb cannot exhaust memory.</summary>
    private async Task<(byte[]? Bytes, string? Error)> InflateAsync(byte[] compressed, CancellationToken cancellationToken)
    {
        try
        {
            await using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
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

            return (output.ToArray(), null);
        }
        catch (InvalidDataException e)
        {
            return (null, $"not valid gzip: {e.Message}");
        }
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
