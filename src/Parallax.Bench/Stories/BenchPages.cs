using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;
using Parallax.Ingest.Files;

namespace Parallax.Bench.Stories;

/// <summary>One benchmark document as the pipeline read it: the articles found on its page, or why it was refused.</summary>
internal sealed record BenchPage(string Name, IReadOnlyList<PreparedArticle> Articles, string? Error);

/// <summary>
/// Turns benchmark documents into what a user's files give: each text is written as a .txt page, read back with
/// <see cref="PageFiles"/> and extracted and prepared by the pipeline, exactly as `parallax analyze` does (dates the
/// extractor finds in a page are kept). Clustering then runs through a <see cref="ParallaxSession"/>.
/// </summary>
internal static class BenchPages
{
    public static async Task<IReadOnlyList<BenchPage>> FromTextsAsync(
        IReadOnlyList<(string Name, string Text)> documents, ParallaxPipeline pipeline, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("parallax-bench-pages-").FullName;
        try
        {
            var files = new PageFiles();
            var loads = new List<(string Name, PageLoad Load)>(documents.Count);
            foreach (var (name, text) in documents)
            {
                var path = Path.Combine(folder, name + ".txt");
                await File.WriteAllTextAsync(path, text, cancellationToken);
                loads.Add((name, await files.LoadAsync(path, cancellationToken)));
            }

            return loads.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(l =>
            {
                if (l.Load.Page is null)
                {
                    return new BenchPage(l.Name, [], l.Load.Error);
                }

                var extraction = pipeline.Extract(l.Load.Page);
                return new BenchPage(l.Name, pipeline.Prepare(extraction), extraction.Error);
            }).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Feed entries that carry only a title (the headline sample), prepared as the feed reader would give them.</summary>
    public static BenchPage FromTitle(string name, string title, string? source, DateTimeOffset? published, ParallaxPipeline pipeline) =>
        new(name, [pipeline.Prepare(name, new ExtractedArticle(title, source, null, published, null, null, []), [])], null);
}
