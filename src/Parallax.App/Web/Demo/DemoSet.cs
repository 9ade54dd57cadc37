using System.Security.Cryptography;
using Parallax.Core.Pipeline;
using Parallax.Data;
using Parallax.Data.Ingest;
using Parallax.Ingest.Files;

namespace Parallax.App.Web.Demo;

/// <summary>What importing the demo set did, for the console.</summary>
public sealed record DemoImport(int Sources, int Pages, int Failed)
{
    public string Summary => $"the demo set is in: {Display.Count(Pages, "page")} imported ({Failed} failed), {Display.Count(Sources, "source")} added.";
}

/// <summary>
/// The bundled demo set (samples/demo, copied beside the executable as demo/): fictional pages from fictional outlets
/// and an OPML file of their feeds. Pages are imported in the order they were published, as a poller would have met
/// them (an aggregator page, which carries no dates, last), through the same ingest as `parallax import`.
/// </summary>
public static class DemoSet
{
    /// <summary>The demo folder beside the executable, else samples/demo in the checkout it runs from.</summary>
    public static string Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "demo");
        if (File.Exists(Path.Combine(beside, "sources.opml")))
        {
            return beside;
        }

        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "samples", "demo");
            if (File.Exists(Path.Combine(candidate, "sources.opml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("the demo set was not found: it ships beside the executable as demo/ (samples/demo in the repository).");
    }

    /// <summary>The demo's page files in publication order (undated pages last, then by name).</summary>
    public static IReadOnlyList<string> PagesInOrder(string folder)
    {
        var pages = Directory.EnumerateFiles(Path.Combine(folder, "pages")).Order(StringComparer.Ordinal).ToList();
        return pages.OrderBy(p => PublishedOf(p) ?? DateTimeOffset.MaxValue).ThenBy(p => p, StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds every feed of the demo's OPML file as a source (a feed already stored is kept as it is).</summary>
    public static async Task<int> AddSourcesAsync(IParallaxStore store, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var stream = File.OpenRead(Path.Combine(folder, "sources.opml"));
        var read = SourcesOpml.Read(stream);
        foreach (var feed in read.Feeds)
        {
            // The .example feeds cannot be fetched: they are due in a year, so a poller leaves them alone.
            await store.AddSourceAsync(new NewSource(feed.Name, feed.SiteUrl, feed.FeedUrl, DateTimeOffset.UtcNow.AddYears(1)), cancellationToken);
        }

        return read.Feeds.Count;
    }

    /// <summary>
    /// Adds the demo's sources and imports its pages through the ingest coordinator (extraction, spin, copies,
    /// stories, one transaction per page). Each page is stored as fetched when it was published, as a poller would have
    /// fetched it; an undated page (the aggregator) an hour after the last dated one. A store that has the demo already
    /// keeps it: each page is known by its content.
    /// </summary>
    public static async Task<DemoImport> ImportAsync(IParallaxStore store, ParallaxPipeline pipeline, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var sources = await AddSourcesAsync(store, folder, cancellationToken);
        var pages = PagesInOrder(folder);
        var latest = pages.Select(PublishedOf).Where(p => p is not null).DefaultIfEmpty(DateTimeOffset.UtcNow).Max()!.Value;
        using var coordinator = await IngestCoordinator.OpenAsync(store, pipeline, cancellationToken: cancellationToken);
        var reader = new PageFiles();
        int stored = 0, failed = 0;
        foreach (var path in pages)
        {
            var load = await reader.LoadAsync(path, cancellationToken);
            if (load.Page is null)
            {
                failed++;
                continue;
            }

            var key = "demo:" + Convert.ToHexStringLower(SHA256.HashData(load.Page.Content.Span));
            var name = "demo/pages/" + Path.GetFileName(path);
            var outcome = await coordinator.IngestAsync(
                new IngestSubmission(key, name, load.Page with { Path = name }, Fetched: PublishedOf(path) ?? latest.AddHours(1)), cancellationToken);
            if (outcome.Result == IngestResult.Failed)
            {
                failed++;
            }
            else
            {
                stored++;
            }
        }

        return new DemoImport(sources, stored, failed);
    }

    /// <summary>The publication time a demo page declares in its metadata (article:published_time), if any.</summary>
    private static DateTimeOffset? PublishedOf(string path)
    {
        if (!path.EndsWith(".html", StringComparison.Ordinal))
        {
            return null;
        }

        const string marker = "article:published_time\" content=\"";
        var text = File.ReadAllText(path);
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + marker.Length;
        var end = text.IndexOf('"', start);
        return DateTimeOffset.TryParse(text.AsSpan(start, end - start), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var published)
            ? published
            : null;
    }
}
