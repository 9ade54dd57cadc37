using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;
using Parallax.Ingest.Feeds;
using Parallax.Ingest.Fetch;

namespace Parallax.Ingest.Polling;

/// <summary>
/// The page of an entry and what extraction made of it, or why there is none. <see cref="Page"/> holds the fetched
/// bytes (for the store to keep); <see cref="Extraction"/> the articles; <see cref="Error"/> the reason either is missing.
/// </summary>
public sealed record FullArticle(FeedEntry Entry, FetchResult? Fetch, PageInput? Page, PageExtraction? Extraction, string? Error);

/// <summary>
/// The full-article step: when a feed entry carries only a summary, its page is fetched (robots.txt honoured, with
/// every fetch limit) and run through the pipeline's extraction stage, whose budgets refuse a hostile page quickly.
/// The store's ingest calls it and hands the extracted article on to the session.
/// </summary>
public sealed class ArticleFetcher(HttpFetcher fetcher, ParallaxPipeline pipeline)
{
    public async Task<FullArticle> FetchAsync(FeedEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Link is null || !Uri.TryCreate(entry.Link, UriKind.Absolute, out var url))
        {
            return new FullArticle(entry, null, null, null, "the entry has no link to fetch its article from");
        }

        var fetch = await fetcher.FetchAsync(new FetchRequest(url, Purpose: FetchPurpose.Page), cancellationToken);
        if (fetch.Status != FetchStatus.Ok)
        {
            return new FullArticle(entry, fetch, null, null, fetch.Error ?? $"the page could not be fetched ({fetch.Status})");
        }

        if (fetch.MediaType is { } type && !type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !type.Contains("xml", StringComparison.OrdinalIgnoreCase))
        {
            return new FullArticle(entry, fetch, null, null, $"the link leads to {type}, not a page");
        }

        var format = fetch.MediaType is "text/plain" ? PageFormat.Text : PageFormat.Html;
        var finalUrl = (fetch.FinalUrl ?? url).AbsoluteUri;
        var page = new PageInput(finalUrl, format, fetch.Body, fetch.Charset, finalUrl);

        // Extraction is CPU-bound and bounded by its own budgets (ExtractionOptions); off the caller's thread.
        var extraction = await Task.Run(() => pipeline.Extract(page), cancellationToken);
        return new FullArticle(entry, fetch, page, extraction, extraction.Error is { } error ? $"the page was refused by extraction: {error}" : null);
    }
}
