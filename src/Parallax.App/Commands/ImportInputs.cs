using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Parallax.Data.Ingest;
using Parallax.Ingest.Archives;
using Parallax.Ingest.Files;

namespace Parallax.App.Commands;

/// <summary>One thing `parallax import` read: an item to ingest (perhaps one that failed to read), or a record passed over.</summary>
/// <param name="File">The index of the input file it came from (for the progress bar).</param>
internal sealed record ImportItem(IngestSubmission Submission, string? Error, string? Skipped, int File);

/// <summary>
/// The items under the paths given to `parallax import`, in a stable order: each page file is one item, keyed by the
/// SHA-256 of its bytes; each WARC record and JSON line is one item, keyed by its record id or line hash.
/// </summary>
internal static class ImportInputs
{
    /// <summary>The files to read: page files, then .warc, .warc.gz and .jsonl files found in folders, in walk order.</summary>
    public static (IReadOnlyList<string> Files, PageWalk Walk) Find(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var walk = PageFiles.Expand(paths, cancellationToken);
        var files = walk.Files.Concat(walk.Skipped.Where(s => ArchiveFiles.IsArchive(s.Path)).Select(s => s.Path)).ToList();
        var skipped = walk.Skipped.Where(s => !ArchiveFiles.IsArchive(s.Path)).ToList();
        return (files, walk with { Skipped = skipped });
    }

    public static async IAsyncEnumerable<ImportItem> ReadAsync(IReadOnlyList<string> files, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = new PageFiles();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (ArchiveFiles.IsArchive(file))
            {
                await foreach (var entry in ArchiveFiles.ReadAsync(file, cancellationToken: cancellationToken))
                {
                    var submission = new IngestSubmission(
                        entry.Key, entry.Path, entry.Page, entry.Article is null ? null : [entry.Article], Url: entry.Url);
                    yield return new ImportItem(submission, entry.Error, entry.Skipped, i);
                }

                continue;
            }

            var load = await pages.LoadAsync(file, cancellationToken);
            if (load.Page is null)
            {
                yield return new ImportItem(new IngestSubmission("file:" + Path.GetFullPath(file), file), load.Error ?? "cannot be read", null, i);
                continue;
            }

            var key = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(load.Page.Content.Span));
            yield return new ImportItem(new IngestSubmission(key, file, load.Page, PartialReason: load.Partial ? load.Error : null), null, null, i);
        }
    }
}
