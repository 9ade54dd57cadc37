using System.Globalization;

namespace Parallax.App.Web;

/// <summary>
/// Every setting of `parallax serve`, in one record: read from <c>PARALLAX_*</c> environment variables, then from
/// command-line flags (a flag wins), checked by <see cref="Problems"/> before anything starts. The admin password is
/// read from the environment only, never from a flag, so that it does not show in the process list.
/// </summary>
public sealed record ServeSettings
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>The SQLite file (PARALLAX_DB, --db); created when missing.</summary>
    public string Database { get; init; } = Service.StoreOpening.DefaultFile;

    /// <summary>A PostgreSQL store instead of the SQLite file (PARALLAX_POSTGRES, --postgres): an Npgsql connection string.</summary>
    public string? Postgres { get; init; }

    /// <summary>Whether feeds are polled in the background (PARALLAX_POLL, --no-poll); the ingest queue is worked either way.</summary>
    public bool Poll { get; init; } = true;

    /// <summary>Fetches may reach private networks (PARALLAX_FETCH_PRIVATE): feeds on the LAN. Off, the SSRF guard refuses them.</summary>
    public bool FetchPrivate { get; init; }

    /// <summary>Fetches may reach loopback addresses (PARALLAX_FETCH_LOOPBACK): a feed served on this machine.</summary>
    public bool FetchLoopback { get; init; }

    /// <summary>Where to listen (PARALLAX_URLS, --urls): one or more http(s) addresses separated by ';'.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Import the bundled demo set into the store before serving (PARALLAX_DEMO, --demo).</summary>
    public bool Demo { get; init; }

    /// <summary>The admin password from configuration (PARALLAX_ADMIN_PASSWORD); when absent, one is made at first start.</summary>
    public string? AdminPassword { get; init; }

    /// <summary>Whether pages and reads are open to everyone (PARALLAX_PUBLIC_READS); writes always need a login or token.</summary>
    public bool PublicReads { get; init; } = true;

    /// <summary>Login attempts allowed per client address per minute (PARALLAX_LOGIN_ATTEMPTS_PER_MINUTE).</summary>
    public int LoginAttemptsPerMinute { get; init; } = 5;

    /// <summary>Stories per page of the river and per answer of the API (PARALLAX_PAGE_SIZE).</summary>
    public int PageSize { get; init; } = 30;

    /// <summary>
    /// Megabytes of rendered public reads kept in memory while the store is unchanged (PARALLAX_READ_CACHE_MB); 0 turns
    /// the cache off.
    /// </summary>
    public int ReadCacheMegabytes { get; init; } = 64;

    /// <summary>The name pages and feeds carry (PARALLAX_SITE_TITLE).</summary>
    public string SiteTitle { get; init; } = "Parallax";

    /// <summary>The environment variable behind each setting, for messages and --help.</summary>
    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(Database)] = "PARALLAX_DB",
        [nameof(Urls)] = "PARALLAX_URLS",
        [nameof(Postgres)] = "PARALLAX_POSTGRES",
        [nameof(Poll)] = "PARALLAX_POLL",
        [nameof(FetchPrivate)] = "PARALLAX_FETCH_PRIVATE",
        [nameof(FetchLoopback)] = "PARALLAX_FETCH_LOOPBACK",
        [nameof(Demo)] = "PARALLAX_DEMO",
        [nameof(AdminPassword)] = "PARALLAX_ADMIN_PASSWORD",
        [nameof(PublicReads)] = "PARALLAX_PUBLIC_READS",
        [nameof(LoginAttemptsPerMinute)] = "PARALLAX_LOGIN_ATTEMPTS_PER_MINUTE",
        [nameof(PageSize)] = "PARALLAX_PAGE_SIZE",
        [nameof(SiteTitle)] = "PARALLAX_SITE_TITLE",
        [nameof(ReadCacheMegabytes)] = "PARALLAX_READ_CACHE_MB",
    };

    /// <summary>The listening addresses, split.</summary>
    public IReadOnlyList<string> UrlList => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Reads the settings from the environment. A value that cannot be read at all (a number that is not one) is
    /// reported in <paramref name="problems"/> and the default kept, so every bad value is named in one go.
    /// </summary>
    public static ServeSettings FromEnvironment(Func<string, string?> variable, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(problems);
        var settings = new ServeSettings();
        string? Read(string name) => variable(Variables[name]) is { Length: > 0 } value ? value : null;

        return settings with
        {
            Database = Read(nameof(Database)) ?? settings.Database,
            Urls = Read(nameof(Urls)) ?? settings.Urls,
            Postgres = Read(nameof(Postgres)),
            Poll = ParseBool(Read(nameof(Poll)), nameof(Poll), settings.Poll, problems),
            FetchPrivate = ParseBool(Read(nameof(FetchPrivate)), nameof(FetchPrivate), settings.FetchPrivate, problems),
            FetchLoopback = ParseBool(Read(nameof(FetchLoopback)), nameof(FetchLoopback), settings.FetchLoopback, problems),
            Demo = ParseBool(Read(nameof(Demo)), nameof(Demo), settings.Demo, problems),
            AdminPassword = Read(nameof(AdminPassword)),
            PublicReads = ParseBool(Read(nameof(PublicReads)), nameof(PublicReads), settings.PublicReads, problems),
            LoginAttemptsPerMinute = ParseInt(Read(nameof(LoginAttemptsPerMinute)), nameof(LoginAttemptsPerMinute), settings.LoginAttemptsPerMinute, problems),
            PageSize = ParseInt(Read(nameof(PageSize)), nameof(PageSize), settings.PageSize, problems),
            SiteTitle = Read(nameof(SiteTitle)) ?? settings.SiteTitle,
            ReadCacheMegabytes = ParseInt(Read(nameof(ReadCacheMegabytes)), nameof(ReadCacheMegabytes), settings.ReadCacheMegabytes, problems),
        };
    }

    /// <summary>What is wrong with these settings, one sentence each naming the setting and why; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Check(bool ok, string setting, string why)
        {
            if (!ok)
            {
                problems.Add($"{Variables[setting]} (or its flag): {why}");
            }
        }

        Check(!string.IsNullOrWhiteSpace(Database) && Database.IndexOfAny(Path.GetInvalidPathChars()) < 0,
            nameof(Database), $"'{Database}' is not a usable file name.");
        Check(!Directory.Exists(Database), nameof(Database), $"'{Database}' is a folder; give the database file's name.");
        Check(Postgres is null || !string.IsNullOrWhiteSpace(Postgres), nameof(Postgres), "the connection string is empty.");
        var urls = UrlList;
        Check(urls.Count > 0, nameof(Urls), "no address was given.");
        foreach (var url in urls)
        {
            Check(Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query),
                nameof(Urls), $"'{url}' is not an address to listen on (write it as http://HOST:PORT, e.g. {DefaultUrls}).");
        }

        Check(AdminPassword is null || AdminPassword.Length >= 8, nameof(AdminPassword), "the password must have at least 8 characters.");
        Check(LoginAttemptsPerMinute is >= 1 and <= 1000, nameof(LoginAttemptsPerMinute), $"must lie between 1 and 1000, not {LoginAttemptsPerMinute}.");
        Check(PageSize is >= 1 and <= 500, nameof(PageSize), $"must lie between 1 and 500, not {PageSize}.");
        Check(ReadCacheMegabytes is >= 0 and <= 65536, nameof(ReadCacheMegabytes), $"must lie between 0 (off) and 65536, not {ReadCacheMegabytes}.");
        Check(!string.IsNullOrWhiteSpace(SiteTitle) && SiteTitle.Length <= 80, nameof(SiteTitle), "must be between 1 and 80 characters.");
        return problems;
    }

    private static bool ParseBool(string? value, string setting, bool fallback, List<string> problems)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null:
                return fallback;
            case "1" or "true" or "yes" or "on":
                return true;
            case "0" or "false" or "no" or "off":
                return false;
            default:
                problems.Add($"{Variables[setting]}: '{value}' is not true or false (use true/false, yes/no, on/off or 1/0).");
                return fallback;
        }
    }

    private static int ParseInt(string? value, string setting, int fallback, List<string> problems)
    {
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        problems.Add($"{Variables[setting]}: '{value}' is not a whole number.");
        return fallback;
    }
}
