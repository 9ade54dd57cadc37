using Parallax.App.Web;

namespace Parallax.Web.Tests;

public sealed class ServeSettingsTests
{
    [Fact]
    public void Defaults_are_usable()
    {
        var problems = new List<string>();
        var settings = ServeSettings.FromEnvironment(_ => null, problems);
        Assert.Empty(problems);
        Assert.Empty(settings.Problems());
        Assert.Equal(["http://127.0.0.1:8080"], settings.UrlList);
        Assert.True(settings.PublicReads);
    }

    [Fact]
    public void Environment_variables_are_read()
    {
        var variables = new Dictionary<string, string>
        {
            ["PARALLAX_DB"] = "/tmp/x.db",
            ["PARALLAX_URLS"] = "http://127.0.0.1:9000;http://localhost:9001",
            ["PARALLAX_PUBLIC_READS"] = "no",
            ["PARALLAX_PAGE_SIZE"] = "12",
            ["PARALLAX_DEMO"] = "on",
            ["PARALLAX_READ_CACHE_MB"] = "0",
        };
        var problems = new List<string>();
        var settings = ServeSettings.FromEnvironment(name => variables.GetValueOrDefault(name), problems);
        Assert.Empty(problems);
        Assert.Equal("/tmp/x.db", settings.Database);
        Assert.Equal(2, settings.UrlList.Count);
        Assert.False(settings.PublicReads);
        Assert.True(settings.Demo);
        Assert.Equal(12, settings.PageSize);
        Assert.Equal(0, settings.ReadCacheMegabytes);
        Assert.Equal(64, new ServeSettings().ReadCacheMegabytes);
    }

    [Fact]
    public void Unreadable_values_are_named_with_their_variable()
    {
        var variables = new Dictionary<string, string> { ["PARALLAX_PAGE_SIZE"] = "many", ["PARALLAX_PUBLIC_READS"] = "perhaps" };
        var problems = new List<string>();
        ServeSettings.FromEnvironment(name => variables.GetValueOrDefault(name), problems);
        Assert.Contains(problems, p => p.StartsWith("PARALLAX_PAGE_SIZE:", StringComparison.Ordinal) && p.Contains("'many'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PARALLAX_PUBLIC_READS:", StringComparison.Ordinal));
    }

    [Fact]
    public void Polling_and_fetch_settings_are_read_and_bad_ones_named()
    {
        var variables = new Dictionary<string, string>
        {
            ["PARALLAX_POLL"] = "false",
            ["PARALLAX_FETCH_PRIVATE"] = "yes",
            ["PARALLAX_POSTGRES"] = "Host=db;Database=parallax",
        };
        var problems = new List<string>();
        var settings = ServeSettings.FromEnvironment(name => variables.GetValueOrDefault(name), problems);
        Assert.Empty(problems);
        Assert.Equal((false, true, false, "Host=db;Database=parallax"), (settings.Poll, settings.FetchPrivate, settings.FetchLoopback, settings.Postgres));
        var fetch = Parallax.App.Commands.ServeCommand.BackgroundOptions(settings);
        Assert.Equal((false, true, false), (fetch.Poll, fetch.Fetch.AllowPrivateNetworks, fetch.Fetch.AllowLoopback));

        ServeSettings.FromEnvironment(name => name == "PARALLAX_POLL" ? "sometimes" : null, problems);
        Assert.Contains(problems, p => p.StartsWith("PARALLAX_POLL:", StringComparison.Ordinal) && p.Contains("'sometimes'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21", "PARALLAX_URLS")]
    [InlineData("not an address", "PARALLAX_URLS")]
    [InlineData("http://127.0.0.1:8080/some/path", "PARALLAX_URLS")]
    public void Bad_addresses_are_refused(string urls, string variable)
    {
        var problems = new ServeSettings { Urls = urls }.Problems();
        Assert.Contains(problems, p => p.StartsWith(variable, StringComparison.Ordinal) && p.Contains(urls, StringComparison.Ordinal));
    }

    [Fact]
    public void Out_of_range_values_say_the_range()
    {
        var problems = new ServeSettings { PageSize = 0, LoginAttemptsPerMinute = 100_000, AdminPassword = "short", SiteTitle = " ", ReadCacheMegabytes = -1 }.Problems();
        Assert.Contains(problems, p => p.StartsWith("PARALLAX_READ_CACHE_MB", StringComparison.Ordinal) && p.Contains("0 (off)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PARALLAX_PAGE_SIZE", StringComparison.Ordinal) && p.Contains("between 1 and 500", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PARALLAX_LOGIN_ATTEMPTS_PER_MINUTE", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PARALLAX_ADMIN_PASSWORD", StringComparison.Ordinal) && p.Contains("8 characters", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PARALLAX_SITE_TITLE", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_is_not_a_database_file()
    {
        var problems = new ServeSettings { Database = Path.GetTempPath() }.Problems();
        Assert.Contains(problems, p => p.StartsWith("PARALLAX_DB", StringComparison.Ordinal) && p.Contains("folder", StringComparison.Ordinal));
    }
}
