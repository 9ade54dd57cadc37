using System.CommandLine;
using Parallax.App.Output;
using Parallax.App.Service;
using Parallax.App.Web;
using Parallax.App.Web.Auth;
using Parallax.App.Web.Demo;
using Parallax.Core.Pipeline;
using Parallax.Data;
using Parallax.Embeddings;
using Parallax.Ingest.Fetch;

namespace Parallax.App.Commands;

/// <summary>
/// `parallax serve [--db FILE | --postgres CONN] [--urls URL] [--demo] [--private] [--no-poll]`: the web UI, the JSON
/// API and the Atom feeds over the store, with the feeds polled and the ingest queue worked in the background (the
/// same work as `parallax worker`). Settings come from PARALLAX_* variables and these flags (a flag wins); a bad value
/// stops the start with its name and the reason (exit code 2).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The SQLite file to serve (PARALLAX_DB; default parallax.db; with --demo, a new temporary file)." };
        var postgres = new Option<string>("--postgres") { Description = "A PostgreSQL store instead (PARALLAX_POSTGRES; an Npgsql connection string), shared with workers." };
        var noPoll = new Option<bool>("--no-poll") { Description = "Do not poll the feeds (PARALLAX_POLL=false); the ingest queue is still worked." };
        var urls = new Option<string>("--urls") { Description = $"Where to listen, e.g. {ServeSettings.DefaultUrls} (PARALLAX_URLS; several separated by ';')." };
        var demo = new Option<bool>("--demo") { Description = "Import the bundled demo set (fictional news from fictional outlets) before serving (PARALLAX_DEMO)." };
        var privateReads = new Option<bool>("--private") { Description = "Reads need a login too (PARALLAX_PUBLIC_READS=false); writes always do." };
        var command = new Command(
            "serve",
            "Serve the stories: web pages, a JSON API under /api, Atom feeds under /feeds. The admin password comes from " +
            "PARALLAX_ADMIN_PASSWORD, or is made at first start and printed once. Every setting: README.md.")
        {
            db, postgres, urls, demo, privateReads, noPoll,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var problems = new List<string>();
            var settings = ServeSettings.FromEnvironment(Environment.GetEnvironmentVariable, problems);
            settings = settings with
            {
                Database = result.GetValue(db) ?? settings.Database,
                Postgres = result.GetValue(postgres) ?? settings.Postgres,
                Poll = settings.Poll && !result.GetValue(noPoll),
                Urls = result.GetValue(urls) ?? settings.Urls,
                Demo = settings.Demo || result.GetValue(demo),
                PublicReads = settings.PublicReads && !result.GetValue(privateReads),
            };
            if (result.GetValue(db) is not null && result.GetValue(postgres) is not null)
            {
                problems.Add("--db and --postgres: give one store, not both.");
            }

            var temporary = settings.Demo && settings.Postgres is null && result.GetValue(db) is null && Environment.GetEnvironmentVariable("PARALLAX_DB") is not { Length: > 0 };
            if (temporary)
            {
                settings = settings with { Database = Path.Combine(Path.GetTempPath(), $"parallax-demo-{Guid.NewGuid():N}.db") };
            }

            return RunAsync(settings, problems, temporary, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(ServeSettings settings, List<string> readProblems, bool temporaryDatabase, CancellationToken cancellationToken)
    {
        var problems = readProblems.Concat(settings.Problems()).ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"parallax: {problem}");
            }

            await Console.Error.WriteLineAsync("parallax: not started: fix the setting(s) above (`parallax serve --help` lists them).");
            return ExitCodes.Usage;
        }

        try
        {
            return await ServeAsync(settings, cancellationToken);
        }
        finally
        {
            if (temporaryDatabase)
            {
                // The demo's own temporary store goes with the run; a store given with --db stays.
                foreach (var file in new[] { settings.Database, settings.Database + "-wal", settings.Database + "-shm" })
                {
                    File.Delete(file);
                }
            }
        }
    }

    private static async Task<int> ServeAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        // A store that cannot be opened (a newer schema, a locked or corrupt file, a server that refuses) is named with its reason.
        var (opened, exitCode) = await StoreOpening.OpenForCommandAsync(
            settings.Postgres is null ? settings.Database : null, settings.Postgres, new ErrorReport(Console.Error, verbose: false), cancellationToken);
        if (opened is null)
        {
            return exitCode;
        }

        await using var store = opened;
        var storeName = StoreOpening.Describe(settings.Database, settings.Postgres);

        // The model loads on the first passage the same-story cascade sends it, as in `analyze`; the demo import and
        // the background ingest share it.
        using var embedder = new ArcticEmbedder();
        var pipeline = new ParallaxPipelineBuilder().UseEmbedder(embedder).Build();
        if (settings.Demo)
        {
            await Console.Error.WriteLineAsync($"parallax: importing the demo set into {storeName} ...");
            var imported = await DemoSet.ImportAsync(store, pipeline, DemoSet.Locate(), cancellationToken);
            await Console.Error.WriteLineAsync($"parallax: {imported.Summary}");
        }

        var made = await AccessSetup.EnsureAdminAsync(store, settings.AdminPassword, cancellationToken);
        if (made is not null)
        {
            await Console.Error.WriteLineAsync(
                $"parallax: no admin password was configured, so one was made. Log in as '{AccessSetup.AdminName}' with: {made}\n" +
                "parallax: it is shown only now (the store keeps its hash); set PARALLAX_ADMIN_PASSWORD to choose your own.");
        }

        using var host = ParallaxWebHost.CreateHostBuilder(settings, services =>
        {
            services.AddSingleton<IParallaxStore>(store);
            services.AddSingleton(pipeline);
            BackgroundIngestService.Add(services, BackgroundOptions(settings));
        }).Build();
        await host.StartAsync(cancellationToken);
        foreach (var url in settings.UrlList)
        {
            await Console.Error.WriteLineAsync($"parallax: serving {storeName} at {url}{(settings.Poll ? ", polling its feeds" : string.Empty)} (Ctrl-C stops)");
        }

        // Until Ctrl-C or SIGTERM (the command's token), or the host stops on its own.
        var stopped = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await Task.WhenAny(Task.Delay(Timeout.Infinite, cancellationToken), Task.Delay(Timeout.Infinite, stopped)).ContinueWith(_ => { }, TaskScheduler.Default);
        // Long enough for a commit under way to finish; fetches in flight are cancelled at once.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await host.StopAsync(stopping.Token);
        await Console.Error.WriteLineAsync("parallax: stopped serving.");
        return ExitCodes.Success;
    }

    /// <summary>The background work's settings from serve's: polling on or off, and what the SSRF guard allows.</summary>
    internal static BackgroundIngestOptions BackgroundOptions(ServeSettings settings) => new()
    {
        Poll = settings.Poll,
        Fetch = FetchOptions.Default with { AllowPrivateNetworks = settings.FetchPrivate, AllowLoopback = settings.FetchLoopback },
    };

    /// <summary>
    /// The background work's settings from the PARALLAX_* variables alone, for the commands without serve's flags
    /// (`worker`, `sources add`): the same variables, read by the same code. Only problems of those variables are reported.
    /// </summary>
    internal static BackgroundIngestOptions BackgroundOptionsFromEnvironment(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var read = new List<string>();
        var settings = ServeSettings.FromEnvironment(Environment.GetEnvironmentVariable, read);
        string[] mine = [ServeSettings.Variables[nameof(ServeSettings.Poll)], ServeSettings.Variables[nameof(ServeSettings.FetchPrivate)],
            ServeSettings.Variables[nameof(ServeSettings.FetchLoopback)]];
        problems.AddRange(read.Where(p => mine.Any(v => p.StartsWith(v + ":", StringComparison.Ordinal))));
        return BackgroundOptions(settings);
    }
}
