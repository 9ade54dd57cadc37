using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Parallax.App.Web;
using Parallax.App.Web.Auth;
using Parallax.App.Web.Caching;
using Parallax.Data;
using Parallax.Data.Sqlite;

namespace Parallax.Web.Tests;

/// <summary>
/// The cache of rendered public reads: a repeated anonymous read comes from it, a write through another store on the
/// same file (another process, as a worker would be) makes the next read fresh, and nothing per-user is ever kept.
/// Its own store, so that its writes do not change what the demo tests count.
/// </summary>
public sealed class ReadCacheTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"parallax-cache-tests-{Guid.NewGuid():N}");
    private IParallaxStore store = null!;
    private string token = string.Empty;

    private string DatabasePath => Path.Combine(folder, "cache.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        store = await SqliteStore.OpenAsync(DatabasePath);
        await store.AddSourceAsync(new NewSource("Alpha Courier", "https://alpha.example/"));
        await AccessSetup.EnsureAdminAsync(store, DemoStore.AdminPassword, CancellationToken.None);
        token = ApiTokens.Generate();
        await store.CreateTokenAsync((await store.FindUserAsync(AccessSetup.AdminName))!.Id, "tests", ApiTokens.Digest(token));
    }

    public async Task DisposeAsync()
    {
        await store.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection still holds the file: the temporary folder is left for the system to clear.
        }
    }

    private ParallaxFactory Factory(int cacheMegabytes = 64) =>
        new(store, new ServeSettings { Database = DatabasePath, ReadCacheMegabytes = cacheMegabytes });

    private static bool FromCache(HttpResponseMessage response) =>
        response.Headers.TryGetValues(PublicReadCache.Header, out var values) && values.Contains("hit");

    [Fact]
    public async Task A_repeated_read_comes_from_the_cache_until_another_store_instance_writes()
    {
        using var factory = Factory();
        var client = factory.Client();
        foreach (var address in new[] { "/api/sources", "/sources", "/" })
        {
            var first = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False(FromCache(first), address);
            var again = await client.GetAsync(address);
            Assert.True(FromCache(again), address);
            Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        }

        // Another instance on the same file, as another process: the cached answers must not survive its write.
        await using (var other = await SqliteStore.OpenAsync(DatabasePath))
        {
            await other.AddSourceAsync(new NewSource("Beta Herald", "https://beta.example/"));
        }

        foreach (var address in new[] { "/api/sources", "/sources", "/" })
        {
            var after = await client.GetAsync(address);
            Assert.False(FromCache(after), address);
            Assert.Contains(address == "/" ? "2 sources" : "Beta Herald", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(FromCache(await client.GetAsync(address)), address);
        }
    }

    [Fact]
    public async Task The_generation_is_the_etag_and_an_unchanged_store_answers_304()
    {
        using var factory = Factory();
        var client = factory.Client();
        var first = await client.GetAsync("/sources");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/sources");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);

        await store.AddSourceAsync(new NewSource("Gamma Post", "https://gamma.example/"));
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/sources");
        stale.Headers.IfNoneMatch.Add(etag);
        var changed = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("Gamma Post", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_asked_with_a_login_or_token_and_no_login_or_admin_page_is_kept()
    {
        using var factory = Factory();
        var signedIn = factory.Client();
        signedIn.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var anonymous = factory.Client();
        foreach (var address in new[] { "/api/sources", "/sources" })
        {
            Assert.False(FromCache(await signedIn.GetAsync(address)), address);
            Assert.False(FromCache(await signedIn.GetAsync(address)), address);

            // Nor does a reader with a token get what an anonymous one left in the cache.
            await anonymous.GetAsync(address);
            Assert.True(FromCache(await anonymous.GetAsync(address)), address);
            var answer = await signedIn.GetAsync(address);
            Assert.False(FromCache(answer), address);
            Assert.Null(answer.Headers.ETag);
        }

        foreach (var address in new[] { "/login", "/healthz" })
        {
            await anonymous.GetAsync(address);
            Assert.False(FromCache(await anonymous.GetAsync(address)), address);
        }

        var admin = await anonymous.GetAsync("/admin");
        Assert.NotEqual(HttpStatusCode.OK, admin.StatusCode);
        Assert.False(FromCache(await anonymous.GetAsync("/admin")));
        Assert.False(FromCache(await anonymous.GetAsync("/stories/987654")));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/stories/987654")).StatusCode);
    }

    [Fact]
    public async Task Pages_make_no_antiforgery_cookie_for_a_reader_and_the_cache_can_be_turned_off()
    {
        using var factory = Factory(cacheMegabytes: 0);
        var client = factory.Client();
        foreach (var address in new[] { "/", "/sources", "/search?q=alpha" })
        {
            var answer = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.False(answer.Headers.Contains("Set-Cookie"), address);
            Assert.False(FromCache(await client.GetAsync(address)), address);
        }
    }

    [Fact]
    public async Task The_figures_count_lookups_and_hits()
    {
        using var factory = Factory();
        var client = factory.Client();
        await client.GetAsync("/api/sources");
        await client.GetAsync("/api/sources");
        await client.GetAsync("/api/sources");
        var figures = factory.Services.GetRequiredService<PublicReadCache>().Figures;
        Assert.Equal((3L, 2L), (figures.Lookups, figures.Hits));
        Assert.Equal(await store.GenerationAsync(), figures.Generation);
        Assert.Contains("\"hits\":2", await client.GetStringAsync("/healthz/cache"), StringComparison.Ordinal);
    }
}
