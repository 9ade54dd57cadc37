using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Parallax.App.Web;
using Parallax.Data;

namespace Parallax.Web.Tests;

/// <summary>
/// The application of `parallax serve` over a given store, for WebApplicationFactory: the host is the one `serve`
/// builds (ParallaxWebHost), so the tests exercise the same pipeline, pages and endpoints.
/// </summary>
public sealed class ParallaxFactory(IParallaxStore store, ServeSettings settings) : WebApplicationFactory<Program>
{
    public ParallaxFactory(DemoStore demo)
        : this(demo.Store, new ServeSettings { Database = demo.DatabasePath })
    {
    }

    protected override IHostBuilder CreateHostBuilder() =>
        ParallaxWebHost.CreateHostBuilder(settings, services => services.AddSingleton(store));

    /// <summary>A client that shows redirects instead of following them, and keeps cookies.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
