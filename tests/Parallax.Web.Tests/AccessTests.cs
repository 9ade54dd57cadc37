using System.Net;
using Parallax.App.Web;

namespace Parallax.Web.Tests;

/// <summary>Login, the admin pages and their forms, antiforgery, the login rate limit, private reads.</summary>
[Collection(DemoCollection.Name)]
public sealed class AccessTests(DemoStore demo)
{
    [Fact]
    public async Task Admin_sends_a_stranger_to_the_login_page()
    {
        using var factory = new ParallaxFactory(demo);
        var response = await factory.Client().GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_right_one_opens_admin()
    {
        using var factory = new ParallaxFactory(demo);
        var client = factory.Client();
        var wrong = await Forms.PostFormAsync(client, "/login", "/login", new Dictionary<string, string> { ["UserName"] = "admin", ["password"] = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("do not match", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Forms.LogInAsync(client);
        var admin = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var html = await admin.Content.ReadAsStringAsync();
        Assert.Contains("Add a source", html, StringComparison.Ordinal);
        Assert.Contains("Ingest queue", html, StringComparison.Ordinal);
        Assert.Contains("Feed errors", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        using var factory = new ParallaxFactory(demo);
        var client = factory.Client();
        var login = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["password"] = DemoStore.AdminPassword }));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);

        await Forms.LogInAsync(client);
        var add = await client.PostAsync("/admin?handler=AddSource", new FormUrlEncodedContent(new Dictionary<string, string> { ["feedUrl"] = "https://csrf.example/feed" }));
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.DoesNotContain(await demo.Store.ListSourcesAsync(), s => s.FeedUrl == "https://csrf.example/feed");
    }

    [Fact]
    public async Task The_admin_form_adds_a_source_and_removes_it()
    {
        using var factory = new ParallaxFactory(demo);
        var client = factory.Client();
        await Forms.LogInAsync(client);
        var added = await Forms.PostFormAsync(client, "/admin", "/admin?handler=AddSource",
            new Dictionary<string, string> { ["feedUrl"] = "https://form-added.example/feed.xml", ["name"] = "Form Added Outlet" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await client.GetStringAsync(added.Headers.Location!.ToString());
        Assert.Contains("Form Added Outlet", page, StringComparison.Ordinal);
        var id = (await demo.Store.ListSourcesAsync()).Single(s => s.FeedUrl == "https://form-added.example/feed.xml").Id;

        var removed = await Forms.PostFormAsync(client, "/admin", $"/admin?handler=RemoveSource&id={id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await demo.Store.GetSourceAsync(id));
        Assert.Contains("Removed Form Added Outlet", await client.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_item_of_the_queue_is_retried_from_the_admin_page()
    {
        using var factory = new ParallaxFactory(demo);
        var key = $"test:retry:{Guid.NewGuid():N}";
        var url = $"https://retry.example/{Guid.NewGuid():N}";
        var id = (await demo.Store.EnqueueAsync(new Parallax.Data.NewIngestItem(key, Url: url)))!.Value;
        var item = Assert.Single(await demo.Store.LeaseAsync("test", 1000, TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow), i => i.Id == id);
        await demo.Store.RecordItemFailedAsync(new Parallax.Data.ItemWrite(item.Key, item.SourceId, item.Url, item.Path), "the server answered 404 Not Found");

        var client = factory.Client();
        await Forms.LogInAsync(client);
        var page = await client.GetStringAsync("/admin");
        Assert.Contains($"action=\"/admin?id={id}&amp;handler=Requeue\"", page, StringComparison.Ordinal);

        var retried = await Forms.PostFormAsync(client, "/admin", $"/admin?handler=Requeue&id={id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var after = Assert.Single((await demo.Store.ListIngestItemsAsync(Parallax.Data.IngestState.Queued, 0, 500)).Items, i => i.Id == id);
        Assert.Equal((0, (string?)null), (after.Attempts, after.Error));
        Assert.Contains("queued again", await client.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_address_in_the_form_is_explained_and_nothing_is_added()
    {
        using var factory = new ParallaxFactory(demo);
        var client = factory.Client();
        await Forms.LogInAsync(client);
        var before = (await demo.Store.ListSourcesAsync()).Count;
        await Forms.PostFormAsync(client, "/admin", "/admin?handler=AddSource", new Dictionary<string, string> { ["feedUrl"] = "javascript:alert(1)" });
        Assert.Contains("not an http or https address", await client.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Equal(before, (await demo.Store.ListSourcesAsync()).Count);
    }

    [Fact]
    public async Task An_opml_upload_adds_its_feeds()
    {
        using var factory = new ParallaxFactory(demo);
        var client = factory.Client();
        await Forms.LogInAsync(client);
        var token = Forms.AntiforgeryToken(await client.GetStringAsync("/admin"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("""<opml version="2.0"><body><outline text="Uploaded" xmlUrl="https://uploaded.example/feed"/></body></opml>"""), "opml", "subs.opml" },
        };
        var response = await client.PostAsync("/admin?handler=ImportOpml", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(await demo.Store.ListSourcesAsync(), s => s is { Name: "Uploaded", FeedUrl: "https://uploaded.example/feed" });
    }

    [Fact]
    public async Task A_token_made_on_the_admin_page_is_shown_once_and_works()
    {
        using var factory = new ParallaxFactory(demo);
        var client = factory.Client();
        await Forms.LogInAsync(client);
        await Forms.PostFormAsync(client, "/admin", "/admin?handler=CreateToken", new Dictionary<string, string> { ["tokenName"] = "made in test" });
        var html = await client.GetStringAsync("/admin");
        var token = System.Text.RegularExpressions.Regex.Match(html, "<span class=\"token\">(plx_[^<]+)</span>").Groups[1].Value;
        Assert.StartsWith("plx_", token, StringComparison.Ordinal);
        Assert.DoesNotContain(token, await client.GetStringAsync("/admin"), StringComparison.Ordinal);

        using var script = factory.Client();
        script.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/ingest")).StatusCode);
    }

    [Fact]
    public async Task Login_attempts_are_rate_limited()
    {
        using var factory = new ParallaxFactory(demo.Store, new ServeSettings { Database = demo.DatabasePath, LoginAttemptsPerMinute = 3 });
        var client = factory.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await Forms.PostFormAsync(client, "/login", "/login", new Dictionary<string, string> { ["UserName"] = "admin", ["password"] = $"guess {i}" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);

        // Reading the login page is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
    }

    [Fact]
    public async Task Private_reads_need_a_login_for_pages_and_api_but_not_for_the_login_page()
    {
        using var factory = new ParallaxFactory(demo.Store, new ServeSettings { Database = demo.DatabasePath, PublicReads = false });
        var client = factory.Client();
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/login", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/stories")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/feeds/stories.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/assets/site.css")).StatusCode);

        await Forms.LogInAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        using var script = factory.Client();
        script.DefaultRequestHeaders.Authorization = new("Bearer", demo.Token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/stories")).StatusCode);
    }

    [Fact]
    public async Task Logging_out_ends_the_login()
    {
        using var factory = new ParallaxFactory(demo);
        var client = factory.Client();
        await Forms.LogInAsync(client);
        var response = await Forms.PostFormAsync(client, "/admin", "/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }
}
