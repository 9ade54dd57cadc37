using Parallax.Core.Pipeline;
using Parallax.Data;
using Parallax.Data.Ingest;

namespace Parallax.App.Service;

/// <summary>
/// <see cref="BackgroundIngest"/> as a hosted service of the web host: `serve` polls and ingests beside the pages,
/// over the same store. It starts after the host is listening (the session's replay of the store never delays the
/// first page) and stops with the host: Ctrl-C cancels fetches in flight, and a commit under way finishes first.
/// </summary>
public sealed class BackgroundIngestService(IParallaxStore store, ParallaxPipeline pipeline, BackgroundIngestOptions options, ILogger<BackgroundIngestService> logger)
    : BackgroundService
{
    /// <summary>Adds the service; the host must also hold the store and a <see cref="ParallaxPipeline"/>.</summary>
    public static IServiceCollection Add(IServiceCollection services, BackgroundIngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddHostedService<BackgroundIngestService>();
        return services;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: the replay of a large store takes a while, and the pages answer meanwhile.
        await Task.Yield();
        var work = new BackgroundIngest(store, pipeline, options)
        {
            OnOutcome = Report,
            OnSessionReady = replay =>
            {
                // `bench pipeline` reads this line to tell whether its load ran during the replay (ServerChild.ReadyLine).
                logger.LogInformation("Ingest session rebuilt from {Articles} stored articles in {Seconds:F1} s; ingest begins.", replay.Articles, replay.Elapsed.TotalSeconds);
                if (replay.ThreadsLeftLowered > 0)
                {
                    logger.LogWarning(
                        "{Threads} runtime threads created during the replay keep its lower scheduling priority: raising them back needs CAP_SYS_NICE or a higher RLIMIT_NICE.",
                        replay.ThreadsLeftLowered);
                }

                return Task.CompletedTask;
            },
            OnTrouble = message =>
            {
                logger.LogError("{Message}", message);
                return Task.CompletedTask;
            },
        };
        logger.LogInformation("Background ingest started as {Name}; polling is {Polling}.", options.Name, options.Poll ? "on" : "off");
        try
        {
            var summary = await work.RunAsync(untilIdle: false, stoppingToken);
            logger.LogInformation("Background ingest stopped: {Items} items ({Articles} articles), {Failed} failed.", summary.Items, summary.Articles, summary.Failed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store could not be opened for ingest (its replay failed): the pages keep serving what is stored.
            logger.LogError(e, "Background ingest could not start: {Message}", e.Message);
        }
    }

    private Task Report(IngestOutcome outcome)
    {
        if (outcome.Result == IngestResult.Failed)
        {
            logger.LogWarning("Not ingested: {Path}: {Error}", outcome.Path, outcome.Error);
        }

        return Task.CompletedTask;
    }
}
