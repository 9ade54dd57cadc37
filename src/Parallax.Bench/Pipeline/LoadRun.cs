using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Parallax.Bench.Pipeline;

/// <summary>What one endpoint answered during the load.</summary>
/// <param name="ColdMs">The first request to it (one at a time, before the load): the server's caches and JIT cold.</param>
/// <param name="CacheHits">Answers the server marked as served from its cache of rendered reads (X-Parallax-Cache: hit).</param>
/// <param name="Addresses">How many distinct addresses the requests were drawn from (story ids, search queries).</param>
internal sealed record EndpointFigures(
    string Endpoint, int Requests, int Errors, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double ColdMs, int CacheHits, int Addresses)
{
    public double CacheHitRatio => Requests == 0 ? 0 : (double)CacheHits / Requests;

    public const double P99TargetMs = 50;

    public bool MeetsTarget => Errors == 0 && P99Ms < P99TargetMs;
}

/// <summary>
/// N concurrent clients against a running `parallax serve` for a fixed time, each cycling over the story list (`/`),
/// a story page (`/stories/{id}`, ids from /api/stories) and a search (`/search?q=WORDS`, one or two words of the stream), and
/// reading every answer to its end. An error is an answer that is not 2xx or a request that throws (30 s time-out).
/// Story ids and queries are drawn at random from a broad spread (every listed story up to <see cref="MaxStoryIds"/>),
/// so that a cache on the server meets many distinct pages, as it would from many readers.
/// </summary>
internal static class LoadRun
{
    public const string StoryList = "story list /";
    public const string StoryPage = "story page /stories/{id}";
    public const string Search = "search /search?q=";

    /// <summary>The most story ids drawn from: the top stories and the latest, paged through /api/stories.</summary>
    public const int MaxStoryIds = 20_000;

    /// <summary>The header `parallax serve` puts on an answer from its cache of rendered reads.</summary>
    public const string CacheHeader = "X-Parallax-Cache";

    public static async Task<IReadOnlyList<EndpointFigures>> RunAsync(
        Uri server, int clients, TimeSpan duration, IReadOnlyList<string> queries, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var ids = await StoryIdsAsync(http, cancellationToken);
        if (ids.Count == 0 || queries.Count == 0)
        {
            throw new InvalidOperationException("the server lists no stories (or the stream gave no search queries): nothing to load.");
        }

        var endpoints = new (string Name, Func<Random, string> Path, int Addresses)[]
        {
            (StoryList, _ => "/", 1),
            (StoryPage, r => string.Create(CultureInfo.InvariantCulture, $"/stories/{ids[r.Next(ids.Count)]}"), ids.Count),
            (Search, r => "/search?q=" + Uri.EscapeDataString(queries[r.Next(queries.Count)]), queries.Count),
        };

        // Cold: the first request of each endpoint alone, before any load.
        var cold = new double[endpoints.Length];
        for (var e = 0; e < endpoints.Length; e++)
        {
            cold[e] = (await TimeAsync(http, endpoints[e].Path(new Random(e)), cancellationToken)).Ms;
        }

        var samples = Enumerable.Range(0, endpoints.Length).Select(_ => new List<double>[clients]).ToArray();
        var errors = new int[endpoints.Length, clients];
        var cached = new int[endpoints.Length, clients];
        var stop = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(1000 + c);
            for (var e = 0; e < endpoints.Length; e++)
            {
                samples[e][c] = [];
            }

            for (var k = c; stop.Elapsed < duration && !cancellationToken.IsCancellationRequested; k++)
            {
                var e = k % endpoints.Length;
                var (ms, ok, hit) = await TimeAsync(http, endpoints[e].Path(random), cancellationToken);
                samples[e][c].Add(ms);
                errors[e, c] += ok ? 0 : 1;
                cached[e, c] += hit ? 1 : 0;
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(tasks);

        return [.. endpoints.Select((endpoint, e) =>
        {
            var all = samples[e].SelectMany(s => s).Order().ToArray();
            var failed = Enumerable.Range(0, clients).Sum(c => errors[e, c]);
            var hits = Enumerable.Range(0, clients).Sum(c => cached[e, c]);
            return new EndpointFigures(endpoint.Name, all.Length, failed, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99),
                all.Length == 0 ? 0 : all[^1], cold[e], hits, endpoint.Addresses);
        })];
    }

    /// <summary>
    /// Story ids as readers meet them, old and new: the top stories, then the latest paged back through the JSON API
    /// until it has no more or <see cref="MaxStoryIds"/> are known.
    /// </summary>
    private static async Task<IReadOnlyList<long>> StoryIdsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var ids = new HashSet<long>();
        await ReadPageAsync("top", 1);
        for (var page = 1; ids.Count < MaxStoryIds && await ReadPageAsync("latest", page); page++)
        {
        }

        return [.. ids.Order()];

        async Task<bool> ReadPageAsync(string sort, int page)
        {
            var address = string.Create(CultureInfo.InvariantCulture, $"/api/stories?sort={sort}&size=500&page={page}");
            await using var body = await http.GetStreamAsync(new Uri(address, UriKind.Relative), cancellationToken);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
            {
                ids.Add(item.GetProperty("id").GetInt64());
            }

            return json.RootElement.GetProperty("hasMore").GetBoolean();
        }
    }

    private static async Task<(double Ms, bool Ok, bool CacheHit)> TimeAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var answer = await http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead, cancellationToken);
            var hit = answer.Headers.TryGetValues(CacheHeader, out var values) && values.Contains("hit", StringComparer.OrdinalIgnoreCase);
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, answer.IsSuccessStatusCode, hit);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, false, false);
        }
    }

    /// <summary>The nearest-rank percentile of sorted values (0 when there are none).</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double share) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
}
