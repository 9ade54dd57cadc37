using System.CommandLine;
using System.Globalization;
using Parallax.Bench.Stories;

namespace Parallax.Bench.Pipeline;

/// <summary>
/// `parallax bench pipeline [--articles N,...] [--duration S] [--clients C] [--postgres-articles N] [--workers W]`:
/// the whole product under a synthetic stream. For each size, the stream is written as JSON-lines files and imported
/// by the real `parallax import --db FILE` (SQLite), then the real `parallax serve` on that file is loaded by C
/// concurrent clients for S seconds (story list, story page, search); then the same stream, at its own size, is queued
/// in a PostgreSQL store and drained by W `parallax worker` processes. Exits 1 when a target is missed.
/// </summary>
internal static class PipelineCommand
{
    /// <summary>The issue's target: articles per second end to end into SQLite, at 1,000,000 articles.</summary>
    public const double ImportTarget = 300;

    private const int Seed = 7;

    public static Command Create()
    {
        var articles = new Option<string>("--articles")
        {
            Description = "Stream sizes for SQLite, comma-separated (default 100000; the issue's targets are at 1000000).",
            DefaultValueFactory = _ => "100000",
        };
        articles.Validators.Add(r =>
        {
            if (BenchStoriesCommand.TryParseScales(r.GetValueOrDefault<string>(), out _, "--articles") is { } problem)
            {
                r.AddError(problem);
            }
        });
        var duration = new Option<int>("--duration") { Description = "Seconds of load on `parallax serve` per size.", DefaultValueFactory = _ => 60 };
        var clients = new Option<int>("--clients") { Description = "Concurrent HTTP clients.", DefaultValueFactory = _ => 50 };
        var postgresArticles = new Option<int>("--postgres-articles") { Description = "Stream size for the PostgreSQL workers.", DefaultValueFactory = _ => 100_000 };
        var workers = new Option<int>("--workers") { Description = "`parallax worker` processes sharing the PostgreSQL store.", DefaultValueFactory = _ => 2 };
        foreach (var option in new[] { duration, clients, postgresArticles, workers })
        {
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int>() < 1)
                {
                    r.AddError($"{r.Option.Name} must be a whole number of at least 1.");
                }
            });
        }

        var skipPostgres = new Option<bool>("--skip-postgres") { Description = "Skip the PostgreSQL workers." };
        var skipLoad = new Option<bool>("--skip-load") { Description = "Import only; do not serve and load the store." };
        var reopen = new Option<bool>("--reopen")
        {
            Description = "After each SQLite import, open the store again (`parallax import` of the same stream), as stored and with its " +
                "stored embeddings cleared (a store written before they were kept): open time and model calls.",
        };
        var settled = new Option<bool>("--settled")
        {
            Description = "Load `parallax serve` only once it has rebuilt its ingest session from the store (the steady state). " +
                "Without it the load starts as soon as the server answers, and meets the replay a restart runs beside the reads.",
        };
        var reuse = new Option<string?>("--reuse")
        {
            Description = "A folder an earlier run kept (--keep): its SQLite stores are loaded as they are, without importing again " +
                "(the stream is written again, the same for the same size, for its search queries). Implies --keep.",
        };
        var keep = new Option<bool>("--keep") { Description = "Keep the stream files, the SQLite stores and the PostgreSQL database (their places are printed)." };
        var parallax = new Option<string?>("--parallax") { Description = "The parallax.dll to run (default: beside this one, else the newest build in this checkout)." };
        var command = new Command(
            "pipeline",
            "The whole pipeline at scale: a synthetic stream through `parallax import` into SQLite, `parallax serve` under concurrent " +
            "clients (story list, story page, search), and `parallax worker` processes on PostgreSQL; articles per second, peak memory, latency.")
        {
            articles, duration, clients, postgresArticles, workers, skipPostgres, skipLoad, reopen, settled, reuse, keep, parallax,
        };
        command.SetAction((r, ct) => RunAsync(
            new PipelineRequest(
                BenchStoriesCommand.ParseScales(r.GetValue(articles)), TimeSpan.FromSeconds(r.GetValue(duration)), r.GetValue(clients),
                r.GetValue(skipPostgres) ? 0 : r.GetValue(postgresArticles), r.GetValue(workers), !r.GetValue(skipLoad), r.GetValue(keep) || r.GetValue(reuse) is not null, r.GetValue(reopen), r.GetValue(settled), r.GetValue(reuse)),
            r.GetValue(parallax), ct));
        return command;
    }

    private static async Task<int> RunAsync(PipelineRequest request, string? parallax, CancellationToken cancellationToken)
    {
        parallax ??= BenchPaths.ParallaxDll();
        if (parallax is null || !File.Exists(parallax))
        {
            await Console.Error.WriteLineAsync("parallax-bench: parallax.dll not found; build it (`dotnet build src/Parallax.App -c Release`) or pass --parallax PATH.");
            return 2;
        }

        if (BenchPaths.BenchmarksRoot() is not { } benchmarks)
        {
            await Console.Error.WriteLineAsync("parallax-bench: ../shared/benchmarks is not beside this checkout; the synthetic stream is built from its ECB+ texts.");
            return 2;
        }

        var progress = BenchProgress.ToStandardError();
        var sources = (await BenchData.ReadEcbPlusAsync(benchmarks, cancellationToken)).Select(d => (d.EventCluster, d.Text)).ToList();
        if (request.Reuse is { } reused && !Directory.Exists(reused))
        {
            await Console.Error.WriteLineAsync($"parallax-bench: --reuse {reused}: no such folder.");
            return 2;
        }

        var work = request.Reuse is { } kept ? Path.GetFullPath(kept) : Directory.CreateTempSubdirectory("parallax-bench-pipeline-").FullName;
        var report = new PipelineReport(Console.Out);
        report.Stream(sources.Count, parallax);
        var ok = true;
        try
        {
            foreach (var size in request.Sizes)
            {
                ok &= await SqliteSizeAsync(request, parallax, sources, size, work, report, progress, cancellationToken);
            }

            if (request.PostgresArticles > 0)
            {
                ok &= await PostgresAsync(request, parallax, sources, work, report, progress, cancellationToken);
            }
        }
        finally
        {
            if (request.Keep)
            {
                Console.WriteLine($"kept: {work}");
            }
            else
            {
                Directory.Delete(work, recursive: true);
            }
        }

        Console.WriteLine($"reproduce: {ReproduceLine.Current()}");
        return ok ? 0 : 1;
    }

    private static async Task<bool> SqliteSizeAsync(
        PipelineRequest request, string parallax, List<(string, string)> sources, int size, string work, PipelineReport report, BenchProgress progress,
        CancellationToken cancellationToken)
    {
        var folder = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"sqlite-{size}"));
        progress.Step($"SQLite, {size:N0} articles: writing the stream...");
        var stream = await StreamFiles.WriteAsync(sources, size, Seed, Path.Combine(folder, "stream"), progress, cancellationToken);
        var database = Path.Combine(folder, "parallax.db");
        var ok = true;
        if (request.Reuse is not null && File.Exists(database))
        {
            report.Note($"SQLite, {size:N0} articles: the store kept at {database} is loaded as it is (not imported again)");
        }
        else
        {
            progress.Step($"SQLite, {size:N0} articles: parallax import --db {database} ...");
            var import = await IngestStages.ImportSqliteAsync(parallax, stream, database, cancellationToken);
            ok = report.Ingest(import, size >= 1_000_000 ? ImportTarget : null);
        }

        if (request.Reopen)
        {
            foreach (var without in new[] { false, true })
            {
                progress.Step($"SQLite, {size:N0} articles: opening the store again{(without ? " without its stored embeddings" : string.Empty)}...");
                report.Reopen(await IngestStages.ReopenSqliteAsync(parallax, stream, database, without, cancellationToken));
            }
        }
        if (request.Load)
        {
            progress.Step($"SQLite, {size:N0} articles: parallax serve under {request.Clients} clients for {request.Duration.TotalSeconds:N0} s...");
            await using var server = await ServerChild.StartAsync(parallax, database, cancellationToken);
            if (request.Settled)
            {
                progress.Step($"SQLite, {size:N0} articles: waiting for parallax serve to rebuild its ingest session...");
                await server.WaitSessionReadyAsync(cancellationToken);
            }

            var loadStart = server.Elapsed;
            var figures = await LoadRun.RunAsync(server.Address, request.Clients, request.Duration, stream.SearchQueries, cancellationToken);
            var replay = new ReplayTiming(loadStart, server.Elapsed, server.SessionReadyAfter);
            ok &= report.Load(size, request, figures, server.PeakResidentBytes, replay, size >= 1_000_000);
        }

        if (!request.Keep)
        {
            // The next size's stream and store need the room.
            Directory.Delete(folder, recursive: true);
        }

        return ok;
    }

    private static async Task<bool> PostgresAsync(
        PipelineRequest request, string parallax, List<(string, string)> sources, string work, PipelineReport report, BenchProgress progress,
        CancellationToken cancellationToken)
    {
        progress.Step("PostgreSQL: finding a server...");
        var (cluster, unavailable) = await PostgresCluster.FindAsync(cancellationToken);
        if (cluster is null)
        {
            report.PostgresSkipped(unavailable!);
            return true;
        }

        await using (cluster)
        {
            var connection = await cluster.CreateDatabaseAsync(cancellationToken);
            try
            {
                progress.Step($"PostgreSQL ({cluster.Origin}), {request.PostgresArticles:N0} articles: writing the stream...");
                var stream = await StreamFiles.WriteAsync(sources, request.PostgresArticles, Seed, Path.Combine(work, "postgres-stream"), progress, cancellationToken);
                progress.Step($"PostgreSQL: queueing {stream.Articles:N0} articles...");
                var figures = await IngestStages.WorkersPostgresAsync(parallax, stream, connection, request.Workers, progress, cancellationToken);
                return report.Ingest(figures, null);
            }
            finally
            {
                if (request.Keep)
                {
                    Console.WriteLine($"kept the PostgreSQL database: {connection}");
                }
                else
                {
                    await cluster.DropDatabaseAsync(connection, CancellationToken.None);
                }
            }
        }
    }
}

/// <summary>What a run was asked to do.</summary>
/// <param name="PostgresArticles">Stream size for the PostgreSQL workers; 0 skips them.</param>
/// <param name="Reopen">Open each SQLite store again after its import, with and without its stored embeddings.</param>
/// <param name="Settled">Load the server only once its ingest session is rebuilt.</param>
/// <param name="Reuse">A kept folder whose SQLite stores are loaded without importing again; null imports.</param>
internal sealed record PipelineRequest(
    IReadOnlyList<int> Sizes, TimeSpan Duration, int Clients, int PostgresArticles, int Workers, bool Load, bool Keep, bool Reopen = false,
    bool Settled = false, string? Reuse = null);
