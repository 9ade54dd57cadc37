using Parallax.Core.Extraction;

namespace Parallax.Ingest.Archives;

/// <summary>
/// One item read out of an archive (a WARC record, a JSON line): a page to extract, an article already extracted,
/// or why it was passed over (<paramref name="Skipped"/>: not a page, nothing lost) or could not be read (<paramref name="Error"/>).
/// </summary>
/// <param name="Key">What makes it the same item again: the WARC-Record-ID, or the SHA-256 of the JSON line.</param>
/// <param name="Path">Where it is, for people: FILE#N for the Nth WARC record, FILE:LINE for a JSON line.</param>
/// <param name="Url">The address it was captured from or published at, when known.</param>
/// <param name="Fetched">When it was captured (WARC-Date), when known.</param>
public sealed record ArchiveEntry(
    string Key,
    string Path,
    PageInput? Page = null,
    ExtractedArticle? Article = null,
    string? Url = null,
    DateTimeOffset? Fetched = null,
    string? Skipped = null,
    string? Error = null);

/// <summary>The limits that keep one bad archive from hurting the run.</summary>
/// <param name="MaxRecordBytes">A record (or JSON line) over this is refused, read through without being held in memory.</param>
/// <param name="MaxHeaderBytes">A header line or block over this ends the archive: it is not WARC.</param>
public sealed record ArchiveLimits(long MaxRecordBytes = 32L * 1024 * 1024, int MaxHeaderBytes = 64 * 1024)
{
    public static ArchiveLimits Default { get; } = new();
}

/// <summary>The archive formats `parallax import` reads beside pages.</summary>
public static class ArchiveFiles
{
    public static bool IsWarc(string path) =>
        path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase);

    public static bool IsJsonLines(string path) => path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    public static bool IsArchive(string path) => IsWarc(path) || IsJsonLines(path);

    /// <summary>One article in the JSON-lines form (<c>{"url", "title", "text", "published", "source"}</c>), as an entry.</summary>
    public static ArchiveEntry ParseJsonArticle(string json, string where) =>
        JsonLinesReader.Parse(System.Text.Encoding.UTF8.GetBytes(json ?? string.Empty), where);

    /// <summary>Reads the entries of a .warc, .warc.gz or .jsonl file, in file order.</summary>
    public static IAsyncEnumerable<ArchiveEntry> ReadAsync(string path, ArchiveLimits? limits = null, CancellationToken cancellationToken = default) =>
        IsWarc(path)
            ? WarcReader.ReadAsync(path, limits ?? ArchiveLimits.Default, cancellationToken)
            : JsonLinesReader.ReadAsync(path, limits ?? ArchiveLimits.Default, cancellationToken);
}
