using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Parallax.App.Web.Caching;

/// <summary>How often the cache of public reads answered, since the server started.</summary>
public sealed record ReadCacheFigures(long Lookups, long Hits, long Generation);

/// <summary>
/// Which responses ASP.NET Core's output cache keeps, and under what key: public reads (the story list, stories,
/// articles, sources, search, the JSON API's reads and the Atom feeds) by anonymous visitors, varied by path, query and
/// the store's generation. A write in any process bumps the generation, so the next request's key is new and the page
/// is rendered again: a cached answer is never older than the last committed write. Never kept: anything asked with
/// a login cookie or a token (per-user content, antiforgery forms), admin and login pages, answers other than 200,
/// and answers that set a cookie or say no-store (what the antiforgery system says of a page with a token in it).
/// </summary>
public sealed class PublicReadCache(StoreGeneration generation) : IOutputCachePolicy
{
    /// <summary>The response header that marks an answer served from the cache.</summary>
    public const string Header = "X-Parallax-Cache";

    /// <summary>
    /// How long an entry lives even while the store is unchanged: pages write "3 minutes ago" on the server (the page's
    /// script keeps it fresh), so a page without script is at most this far behind the clock.
    /// </summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromSeconds(30);

    private static readonly string[] PublicPrefixes =
        ["/stories/", "/articles/", "/sources", "/search", "/api/stories", "/api/articles", "/api/sources", "/api/search", "/feeds/"];

    private long lookups;
    private long hits;
    private long lastGeneration;

    public ReadCacheFigures Figures => new(Interlocked.Read(ref lookups), Interlocked.Read(ref hits), Interlocked.Read(ref lastGeneration));

    /// <summary>Whether an answer to this request may come from the cache or go into it (before knowing the answer).</summary>
    public static bool IsPublicRead(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        // Logged in (or trying to be, with a cookie or token that may have expired): pages carry the user's name and forms.
        if (context.User.Identity?.IsAuthenticated == true || request.Headers.Authorization.Count > 0
            || request.Cookies.ContainsKey(ParallaxWebHost.CookieName))
        {
            return false;
        }

        var path = request.Path.Value ?? "/";
        if (path is "/" or "/api")
        {
            return true;
        }

        foreach (var prefix in PublicPrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!IsPublicRead(context.HttpContext))
        {
            return;
        }

        long current;
        try
        {
            current = await generation.CurrentAsync(cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store cannot say whether anything changed: render this one afresh, as if there were no cache.
            return;
        }

        var previous = Interlocked.Exchange(ref lastGeneration, current);
        if (previous != 0 && previous != current)
        {
            // What was kept under the older generation can never be served again: free its memory now, not at expiry.
            await context.HttpContext.RequestServices.GetRequiredService<IOutputCacheStore>()
                .EvictByTagAsync(Tag(previous), CancellationToken.None);
        }

        Interlocked.Increment(ref lookups);
        context.Tags.Add(Tag(current));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = MaximumAge;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByHost = true;
        context.CacheVaryByRules.VaryByValues["generation"] = current.ToString(CultureInfo.InvariantCulture);

        // The generation names what the answer is made from: a client that has it asks again with If-None-Match and,
        // while nothing changed, gets 304 from the cache. Weak: the relative times in the text may have moved on. Set
        // now, so that the cache keeps it with the answer; taken off again an answer that is not a page of content.
        var response = context.HttpContext.Response;
        response.Headers.ETag = string.Create(CultureInfo.InvariantCulture, $"W/\"g{current}\"");
        response.OnStarting(() =>
        {
            if (response.StatusCode != StatusCodes.Status200OK && response.StatusCode != StatusCodes.Status304NotModified)
            {
                response.Headers.Remove(HeaderNames.ETag);
            }

            return Task.CompletedTask;
        });
    }

    private static string Tag(long generation) => string.Create(CultureInfo.InvariantCulture, $"generation-{generation}");

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Interlocked.Increment(ref hits);
        context.HttpContext.Response.Headers[Header] = "hit";
        return ValueTask.CompletedTask;
    }

    /// <summary>Called once the answer is made (and sent): whether to keep it.</summary>
    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0
            || response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
