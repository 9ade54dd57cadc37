using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Parallax.App.Web;

namespace Parallax.Web.Tests;

/// <summary>A browser test: needs Debian's Chromium at /usr/bin/chromium (`.ci/run` installs it), skipped without it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute([CallerMemberName] string test = "")
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} is absent (apt-get install chromium)";
            DisplayName = $"{test} (skipped: {Skip})";
        }
    }
}

/// <summary>
/// The demo served by the real host on a loopback socket (Kestrel on 127.0.0.1, a free port) and driven by Chromium
/// through Playwright, as a person would use it. Screenshots go to TestResults/screenshots/ in the test output folder.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class BrowserTests(DemoStore demo) : IAsyncLifetime
{
    private IHost? host;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private string BaseUrl { get; set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.Chromium))
        {
            return;
        }

        var settings = new ServeSettings { Database = demo.DatabasePath, Urls = "http://127.0.0.1:0" };
        host = ParallaxWebHost.CreateHostBuilder(settings, services => services.AddSingleton(demo.Store)).Build();
        await host.StartAsync();
        BaseUrl = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    private async Task<IPage> OpenAsync(string path, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ColorScheme = scheme,
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        return page;
    }

    [ChromiumFact]
    public async Task The_demo_opens_on_the_story_list_and_a_story_shows_its_reports()
    {
        var page = await OpenAsync("/");
        Assert.Equal("Stories · Parallax", await page.TitleAsync());
        var cards = page.Locator(".story-card");
        Assert.True(await cards.CountAsync() >= 5);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "story-list.png"), FullPage = true });

        await page.Locator(".story-card h3 a", new PageLocatorOptions { HasTextString = "Marren Bridge" }).First.ClickAsync();
        await page.WaitForURLAsync(StoryAddress());
        Assert.Contains("Marren Bridge", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var reports = page.Locator(".report");
        Assert.True(await reports.CountAsync() >= 3, "the bridge story has at least three distinct reports side by side");
        Assert.Equal("FIRST", await page.Locator(".report.is-first .badge.first").InnerTextAsync());
        await page.Locator(".report details summary").First.ClickAsync();
        Assert.True(await page.Locator(".report details[open] li").CountAsync() >= 1, "the folded copies open");
        Assert.True(await page.Locator(".timeline li").CountAsync() >= 5);
        Assert.True(await page.Locator("#coverage-title").IsVisibleAsync(), "the story's coverage is compared on its page");
        Assert.True(await page.Locator(".claim.shared").First.IsVisibleAsync(), "a claim the reports share is shown");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "story-page.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task The_keyboard_moves_through_stories_and_opens_one()
    {
        var page = await OpenAsync("/");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        Assert.Equal(1, await page.Locator(".story-card.is-selected").CountAsync());
        var second = await page.Locator(".story-card").Nth(1).Locator("h3 a").GetAttributeAsync("href");
        await page.Keyboard.PressAsync("o");
        await page.WaitForURLAsync(StoryAddress());
        Assert.EndsWith(second!, page.Url, StringComparison.Ordinal);

        await page.Keyboard.PressAsync("?");
        Assert.True(await page.Locator("#keyboard-help").IsVisibleAsync(), "? opens the shortcuts");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("/");
        Assert.Equal("q", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [ChromiumFact]
    public async Task Search_from_the_header_finds_articles()
    {
        var page = await OpenAsync("/");
        await page.Keyboard.PressAsync("/");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'q'");
        await page.Keyboard.TypeAsync("greyfin whales");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/search\\?q=greyfin"));
        await page.Locator(".story-card").First.WaitForAsync();
        Assert.True(await page.Locator(".story-card").CountAsync() >= 2);
        Assert.Contains("Greyfin", await page.Locator(".story-card h3").First.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [ChromiumFact]
    public async Task Logging_in_and_adding_a_source_works_and_a_write_without_login_fails()
    {
        var page = await OpenAsync("/");

        // Without a login: the API refuses the write, and admin asks for a login.
        var status = await page.EvaluateAsync<int>(
            "async () => (await fetch('/api/sources', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ feedUrl: 'https://browser-denied.example/feed' }) })).status");
        Assert.Equal(401, status);
        await page.GotoAsync("/admin");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Password").FillAsync(DemoStore.AdminPassword);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/admin$"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "admin.png"), FullPage = true });
        await page.GetByLabel("Feed address").FillAsync("https://browser-added.example/feed.xml");
        await page.GetByLabel("Name (optional)").FillAsync("Browser Added Outlet");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add source" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/sources/\\d+$"));
        Assert.Equal("Browser Added Outlet", await page.Locator("h1").InnerTextAsync());
        Assert.DoesNotContain(await demo.Store.ListSourcesAsync(), s => s.FeedUrl == "https://browser-denied.example/feed");
    }

    [ChromiumFact]
    public async Task A_spun_copy_reads_as_a_diff_in_the_dark_theme()
    {
        var spun = (await demo.ArticlesAsync()).First(a => a.Spun);
        var page = await OpenAsync($"/articles/{spun.Id}", ColorScheme.Dark);
        Assert.True(await page.Locator(".diff del").CountAsync() >= 3);
        Assert.True(await page.Locator(".diff ins").CountAsync() >= 3);
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(17, 21, 26)", background);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "spun-copy-dark.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task Every_page_has_landmarks_labelled_fields_and_a_visible_focus()
    {
        var story = await demo.StoryAsync("Marren Bridge");
        foreach (var path in new[] { "/", $"/stories/{story.Id}", "/articles/1", "/sources", "/sources/1", "/search?q=bridge", "/login" })
        {
            var page = await OpenAsync(path);
            foreach (var landmark in new[] { "header", "nav", "main", "footer" })
            {
                Assert.True(await page.Locator(landmark).CountAsync() >= 1, $"{path} has a <{landmark}>");
            }

            Assert.Equal(1, await page.Locator("h1").CountAsync());
            var unlabelled = await page.EvaluateAsync<int>(
                "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).length");
            Assert.Equal(0, unlabelled);

            // Tabbing to the first link shows the focus ring.
            await page.Keyboard.PressAsync("Tab");
            var outline = await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle");
            Assert.NotEqual("none", outline);
            await page.Context.CloseAsync();
        }
    }

    [ChromiumFact]
    public async Task The_story_list_reads_on_a_phone()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "no sideways scrolling on a narrow screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "story-list-phone.png") });
        await context.CloseAsync();
    }

    [GeneratedRegex("/stories/\\d+$")]
    private static partial Regex StoryAddress();
}
