using System.CommandLine;
using Parallax.App.Output;
using Parallax.Core.Pipeline;
using Parallax.Data;
using Parallax.Data.Ingest;
using Parallax.Data.Postgres;
using Parallax.Data.Sqlite;
using Parallax.Embeddings;
using Parallax.Ingest.Archives;
using Parallax.Ingest.Files;

namespace Parallax.App.Commands;

/// <summary>
/// `parallax worker [--db FILE | --postgres CONN] [--name NAME] [--exit-when-idle]`: takes items of the store's ingest
/// queue under a lease and ingests them. Several workers share one database: a lease gives each item to one worker at a
/// time (FOR UPDATE SKIP LOCKED on PostgreSQL), items are prepared in parallel, and the session step runs under the
/// store's writer lock after catching up with what the others stored, so copy links and stories are those one session
/// makes in the order items are committed. An item holds a page file (its path), or an article as JSON (its payload).
/// </summary>
internal static class WorkerCommand
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The SQLite store file; default parallax.db in the current folder." };
        var postgres = new Option<string>("--postgres") { Description = "A PostgreSQL store (an Npgsql connection string), shared by several workers." };
        var name = new Option<string>("--name") { Description = "This worker's name in leases; default host:process id." };
        var once = new Option<bool>("--exit-when-idle") { Description = "Stop when the queue is empty instead of waiting for more." };
        var verbose = new Option<bool>("--verbose") { Description = "Name every failure, with its technical detail." };
        var command = new Command("worker", "Ingest the items of the store's queue, sharing the work with other workers on the same database.")
        {
            db,
            postgres,
            name,
            once,
            verbose,
        };
        command.SetAction((result, cancellationToken) => Task.Run(
            () => RunAsync(result.GetValue(db), result.GetValue(postgres), result.GetValue(name) ?? $"{Environment.MachineName}:{Environment.ProcessId}",
                result.GetValue(once), new ErrorReport(Console.Error, result.GetValue(verbose)), cancellationToken),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? db, string? postgres, string name, bool exitWhenIdle, ErrorReport errors, CancellationToken cancellationToken)
    {
        if (db is not null && postgres is not null)
        {
            await errors.NoteAsync("give --db or --postgres, not both.");
            return ExitCodes.Usage;
        }

        IParallaxStore store;
        try
        {
            store = postgres is null
                ? await SqliteStore.OpenAsync(db ?? "parallax.db", cancellationToken: cancellationToken)
                : await PostgresStore.OpenAsync(postgres, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await errors.NoteAsync($"cannot open the store: {e.Message.TrimEnd('.')}.");
            return ExitCodes.Crash;
        }

        await using (store)
        {
            using var embedder = new ArcticEmbedder();
            var pipeline = new ParallaxPipelineBuilder().UseEmbedder(embedder).Build();
            using var coordinator = await IngestCoordinator.OpenAsync(store, pipeline, cancellationToken: cancellationToken);
            int items = 0, articles = 0, failed = 0;
            var pages = new PageFiles();
            while (!cancellationToken.IsCancellationRequested)
            {
                var leased = await store.LeaseAsync(name, Math.Max(2, Environment.ProcessorCount * 2), Lease, DateTimeOffset.UtcNow, cancellationToken);
                if (leased.Count == 0)
                {
                    if (exitWhenIdle)
                    {
                        break;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    continue;
                }

                var prepared = leased.Select(item => Task.Run(() => PrepareAsync(coordinator, item, pages, cancellationToken), cancellationToken)).ToList();
                foreach (var task in prepared)
                {
                    var outcome = await coordinator.CommitAsync(await task, cancellationToken);
                    items++;
                    articles += outcome.ArticleIds.Count;
                    if (outcome.Result == IngestResult.Failed)
                    {
                        failed++;
                        await errors.FailAsync(outcome.Path, outcome.Error ?? "failed", null, outcome.Detail);
                    }
                }
            }

            Console.Out.WriteLine($"worker {name}: ingested {items - failed:N0} items ({articles:N0} articles), {failed:N0} failed.");
            return failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        }
    }

    /// <summary>What a queue item holds, as a submission: an article in its payload, or the page file at its path.</summary>
    private static async Task<PreparedSubmission> PrepareAsync(IngestCoordinator coordinator, IngestItem item, PageFiles pages, CancellationToken cancellationToken)
    {
        var where = item.Path ?? item.Url ?? item.Key;
        var submission = new IngestSubmission(item.Key, where, SourceId: item.SourceId, Url: item.Url);
        if (item.Payload is not null)
        {
            var entry = ArchiveFiles.ParseJsonArticle(item.Payload, where);
            return entry.Article is null
                ? new PreparedSubmission(submission, [], entry.Error ?? "the payload holds no article")
                : coordinator.Prepare(submission with { Articles = [entry.Article], Url = item.Url ?? entry.Url });
        }

        if (item.Path is null)
        {
            return new PreparedSubmission(submission, [], "the item has neither a page file nor an article (fetching its URL is the poller's work)");
        }

        var load = await pages.LoadAsync(item.Path, cancellationToken);
        return load.Page is null
            ? new PreparedSubmission(submission, [], load.Error ?? "the page cannot be read")
            : coordinator.Prepare(submission with { Page = load.Page, PartialReason = load.Partial ? load.Error : null });
    }
}
