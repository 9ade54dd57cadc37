using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parallax.App.Web.Api;
using Parallax.App.Web.Assets;
using Parallax.App.Web.Auth;
using Parallax.App.Web.Caching;
using Parallax.App.Web.Feeds;

namespace Parallax.App.Web;

/// <summary>
/// The ASP.NET Core host of `parallax serve`: Razor Pages for people (server-rendered, encoded by default, antiforgery
/// on every form), minimal APIs for the JSON API and the Atom feeds, one cookie login and API tokens. Built as a
/// generic host so that `serve` and the tests (WebApplicationFactory) start exactly the same application.
/// </summary>
public static class ParallaxWebHost
{
    public const string WritePolicy = "write";
    public const string CookieName = "parallax.auth";
    public const string SignInScheme = "parallax";

    /// <summary>The host for these settings; <paramref name="configureServices"/> adds the store and what it needs.</summary>
    public static IHostBuilder CreateHostBuilder(ServeSettings settings, Action<IServiceCollection> configureServices)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configureServices);
        return Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging
                .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
                .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error)
                .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning))
            .ConfigureWebHostDefaults(web => web
                .UseSetting(WebHostDefaults.ApplicationKey, typeof(ParallaxWebHost).Assembly.GetName().Name)
                .UseUrls(settings.UrlList.ToArray())
                .ConfigureServices(services =>
                {
                    AddServices(services, settings);
                    configureServices(services);
                })
                .Configure(Configure));
    }

    public static void AddServices(IServiceCollection services, ServeSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        services.AddSingleton<StaticAssets>();

        // Pages are text in many languages: write letters as they are (markup characters are still encoded).
        services.AddWebEncoders(options => options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StoryRiver>();
        services.AddSingleton<StoreGeneration>();
        services.AddSingleton<PublicReadCache>();
        services.AddOutputCache(options =>
        {
            // Bounded: entries past the limit are not kept (and the oldest are compacted away); one answer at most 4 MB.
            options.SizeLimit = Math.Max(1, settings.ReadCacheMegabytes) * 1024L * 1024;
            options.MaximumBodySize = 4 * 1024 * 1024;
            options.DefaultExpirationTimeSpan = PublicReadCache.MaximumAge;
        });

        // Only this policy decides (not the framework's default, which would keep any anonymous GET); the one instance,
        // so that its figures are the ones /healthz/cache shows.
        services.AddOptions<OutputCacheOptions>().Configure<PublicReadCache>((options, policy) => options.AddBasePolicy(policy));
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Web/Pages";
            options.Conventions.AuthorizeFolder("/Admin", WritePolicy);
            options.Conventions.AllowAnonymousToPage("/Login");
            options.Conventions.AllowAnonymousToPage("/Error");
        }).AddApplicationPart(typeof(ParallaxWebHost).Assembly);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "parallax.csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        // One scheme that picks: a request with a bearer token is the token's; anything else is the cookie's.
        services.AddAuthentication(SignInScheme)
            .AddPolicyScheme(SignInScheme, "Login or API token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;

                // Strict: a cross-site request never carries the login, so a form or script elsewhere cannot write.
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.LoginPath = "/login";
                options.AccessDeniedPath = "/login";
                options.ExpireTimeSpan = TimeSpan.FromDays(14);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);

        services.AddAuthorization(options =>
        {
            var signedIn = new AuthorizationPolicyBuilder(SignInScheme)
                .RequireAuthenticatedUser().RequireClaim(ClaimTypes.Name).Build();
            options.AddPolicy(WritePolicy, signedIn);
            options.DefaultPolicy = signedIn;
            if (!settings.PublicReads)
            {
                options.FallbackPolicy = signedIn;
            }
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // Only sending the login form counts as an attempt; reading the page does not.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
    }

    public static void Configure(IApplicationBuilder app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error", "?code={0}");
        app.Use(async (context, next) =>
        {
            // Pages show text only; nothing of a publisher's is ever loaded or run.
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            await next();
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        if (app.ApplicationServices.GetRequiredService<ServeSettings>().ReadCacheMegabytes > 0)
        {
            // After authentication, so that a logged-in reader is known and never served (nor stored) from the cache.
            app.UseOutputCache();
        }
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseEndpoints(endpoints =>
        {
            var assets = endpoints.ServiceProvider.GetRequiredService<StaticAssets>();
            endpoints.MapGet("/assets/{name}", (string name, HttpContext context) => assets.Serve(name, context))
                .AllowAnonymous().ExcludeFromDescription();
            endpoints.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous().ExcludeFromDescription();
            endpoints.MapGet("/healthz/cache", (PublicReadCache cache) => Results.Json(cache.Figures)).AllowAnonymous().ExcludeFromDescription();
            endpoints.MapOpenApi("/openapi/{documentName}.json");
            endpoints.MapRazorPages();
            ApiEndpoints.Map(endpoints);
            AtomEndpoints.Map(endpoints);
        });
    }

    /// <summary>An API client gets a status code; a person in a browser is sent to the login page.</summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/feeds"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
