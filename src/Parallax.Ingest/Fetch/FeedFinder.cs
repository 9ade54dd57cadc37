using Parallax.Ingest.Feeds;

namespace Parallax.Ingest.Fetch;

/// <summary>What discovery found for an address: the feeds, or why there are none.</summary>
public sealed record DiscoveryResult(IReadOnlyList<DiscoveredFeed> Feeds, string? Error);

/// <summary>
/// Finds the feeds of a site from an address a user gives: the address itself when it is a feed; else the feeds its
/// page announces in &lt;link rel="alternate"&gt;; else the usual addresses (/feed, /rss.xml...), each kept only when
/// fetching it returns something <see cref="FeedReader"/> reads as a feed.
/// </summary>
public sealed class FeedFinder(HttpFetcher fetcher, FeedReader reader)
{
    public async Task<DiscoveryResult> DiscoverAsync(Uri address, CancellationToken cancellationToken)
    {
        var page = await fetcher.FetchAsync(new FetchRequest(address), cancellationToken);
        if (page.Status != FetchStatus.Ok)
        {
            return new DiscoveryResult([], page.Error);
        }

        var finalUrl = (page.FinalUrl ?? address).AbsoluteUri;
        var asFeed = reader.Parse(page.Body, page.Charset, finalUrl);
        if (asFeed.Feed is { } feed)
        {
            return new DiscoveryResult([new DiscoveredFeed(finalUrl, TypeOf(feed.Format), feed.Title)], null);
        }

        var announced = FeedDiscovery.FindLinks(page.Body, finalUrl, page.Charset);
        if (announced.Count > 0)
        {
            return new DiscoveryResult(announced, null);
        }

        var confirmed = new List<DiscoveredFeed>();
        foreach (var candidate in FeedDiscovery.FallbackCandidates(finalUrl))
        {
            var fetched = await fetcher.FetchAsync(new FetchRequest(new Uri(candidate)), cancellationToken);
            if (fetched.Status == FetchStatus.Ok && reader.Parse(fetched.Body, fetched.Charset, candidate).Feed is { } found)
            {
                confirmed.Add(new DiscoveredFeed((fetched.FinalUrl ?? new Uri(candidate)).AbsoluteUri, TypeOf(found.Format), found.Title));
                break;
            }
        }

        return confirmed.Count > 0
            ? new DiscoveryResult(confirmed, null)
            : new DiscoveryResult([], $"{finalUrl} is not a feed, announces none, and none of the usual feed addresses answered with one");
    }

    private static string TypeOf(FeedFormat format) => format switch
    {
        FeedFormat.Atom => "application/atom+xml",
        FeedFormat.JsonFeed => "application/feed+json",
        FeedFormat.Rdf => "application/rdf+xml",
        _ => "application/rss+xml",
    };
}
