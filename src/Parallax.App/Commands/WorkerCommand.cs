using System.CommandLine;
using Parallax.App.Output;
using Parallax.App.Service;
using Parallax.Core.Pipeline;
using Parallax.Data;
using Parallax.Data.Ingest;
using Parallax.Embeddings;

namespace Parallax.App.Commands;

/// <summary>
/// `parallax worker [--db FILE | --postgres CONN] [--name NAME] [--no-poll] [--exit-when-idle]`: polls the store's
/// feeds and ingests its queue, without the web host (the same background work `serve` runs, <see cref="BackgroundIngest"/>).
/// Several workers share one database: sources and items are leased so that each is one worker's at a time (FOR
/// UPDATE SKIP LOCKED on PostgreSQL), items are prepared in parallel, and the session step runs under the store's
/// writer lock after catching up with what the others stored, so copy links and stories are those one session makes
/// in the order items are committed. An item holds a page file (its path), an article as JSON (its payload), or the
/// URL of a feed entry whose page is fetched.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The SQLite store file; default parallax.db in the current folder." };
        var postgres = new Option<string>("--postgres") { Description = "A PostgreSQL store (an Npgsql connection string), shared by several workers." };
        var name = new Option<string>("--name") { Description = "This worker's name in leases; default host:process id." };
        var noPoll = new Option<bool>("--no-poll") { Description = "Only ingest the queue; do not poll the feeds." };
        var once = new Option<bool>("--exit-when-idle") { Description = "Poll the sources due now once, ingest the queue until it is empty, then stop." };
        var verbose = new Option<bool>("--verbose") { Description = "Name every failure, with its technical detail." };
        var command = new Command("worker", "Poll the store's feeds and ingest its queue, sharing the work with other workers on the same database.")
        {
            db,
            postgres,
            name,
            noPoll,
            once,
            verbose,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            // PARALLAX_POLL and PARALLAX_FETCH_* as for serve (README "Settings"); the flags win.
            var problems = new List<string>();
            var options = ServeCommand.BackgroundOptionsFromEnvironment(problems);
            var errors = new ErrorReport(Console.Error, result.GetValue(verbose));
            if (problems.Count > 0)
            {
                await errors.NoteAsync(string.Join(" ", problems));
                return ExitCodes.Usage;
            }

            options = options with
            {
                Name = result.GetValue(name) ?? options.Name,
                Poll = options.Poll && !result.GetValue(noPoll),
            };
            return await Task.Run(
                () => RunAsync(result.GetValue(db), result.GetValue(postgres), options, result.GetValue(once), errors, cancellationToken),
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string? db, string? postgres, BackgroundIngestOptions options, bool exitWhenIdle, ErrorReport errors, CancellationToken cancellationToken)
    {
        var (store, exitCode) = await StoreOpening.OpenForCommandAsync(db, postgres, errors, cancellationToken);
        if (store is null)
        {
            return exitCode;
        }

        await using (store)
        {
            using var embedder = new ArcticEmbedder();
            var pipeline = new ParallaxPipelineBuilder().UseEmbedder(embedder).Build();
            var work = new BackgroundIngest(store, pipeline, options)
            {
                OnOutcome = async outcome =>
                {
                    if (outcome.Result == IngestResult.Failed)
                    {
                        await errors.FailAsync(outcome.Path, outcome.Error ?? "failed", null, outcome.Detail);
                    }
                },
                OnTrouble = errors.NoteAsync,
            };
            var summary = await work.RunAsync(exitWhenIdle, cancellationToken);
            Console.Out.WriteLine(
                $"worker {options.Name}: ingested {summary.Items - summary.Failed:N0} items ({summary.Articles:N0} articles), {summary.Failed:N0} failed" +
                (options.Poll ? $"; polling queued {summary.ItemsQueuedByPolls:N0} new entries." : "."));
            return summary.Failed > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        }
    }
}
