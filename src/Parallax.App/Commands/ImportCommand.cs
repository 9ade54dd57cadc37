using System.CommandLine;
using System.Diagnostics;
using System.Threading.Channels;
using Parallax.App.Output;
using Parallax.App.Service;
using Parallax.Core.Pipeline;
using Parallax.Data;
using Parallax.Data.Ingest;
using Parallax.Embeddings;
using Parallax.Ingest.Archives;
using Parallax.Ingest.Files;
using Spectre.Console;

namespace Parallax.App.Commands;

/// <summary>
/// `parallax import PATH... [--db FILE | --postgres CONN] [--verbose]`: files, folders and archives into the store,
/// through the same pipeline and session as `analyze`. Items are prepared on every core, in order, and committed one
/// at a time, each in its own transaction (the session's step of the next items runs while the store writes the
/// previous ones); an item stored before is skipped, so a run killed half-way is finished by running it again, with no
/// duplicate. `--verbose` also prints where the time went, stage by stage.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = $"Files or folders to import: pages ({PageFiles.AcceptedSuffixes}), WARC archives (.warc, .warc.gz) and " +
                "JSON lines (.jsonl, one {\"url\", \"title\", \"text\", \"published\", \"source\"} per line). Folders are walked.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = new Option<string>("--db") { Description = "The SQLite store file (created when absent); default parallax.db in the current folder." };
        var postgres = new Option<string>("--postgres") { Description = "Import into a PostgreSQL store instead (an Npgsql connection string)." };
        var verbose = new Option<bool>("--verbose") { Description = "Name every failure, with its technical detail." };
        var command = new Command(
            "import",
            "Ingest pages and archives into the store: extract, score spin, link copies and group stories, as `analyze` does, " +
            "and keep the result. Every item is one transaction; an item already stored is skipped, so an interrupted import " +
            "is finished by running it again. Exit codes: 0 all imported; 1 some inputs failed (each is named); 2 a usage error; 3 the run failed.")
        {
            paths,
            db,
            postgres,
            verbose,
        };
        command.SetAction((result, cancellationToken) => Task.Run(
            () => RunAsync(result.GetValue(paths)!, result.GetValue(db), result.GetValue(postgres), new ErrorReport(Console.Error, result.GetValue(verbose)), cancellationToken),
            cancellationToken));
        return command;
    }

    private sealed class Tally
    {
        public int Items;
        public int Articles;
        public int AlreadyStored;
        public int Failed;
        public int Skipped;
        public long Waited;
        public List<IngestOutcome> Failures { get; } = [];
    }

    private static async Task<int> RunAsync(string[] paths, string? db, string? postgres, ErrorReport errors, CancellationToken cancellationToken)
    {
        var (store, exitCode) = await StoreOpening.OpenForCommandAsync(db, postgres, errors, cancellationToken);
        var target = StoreOpening.Describe(Path.GetFullPath(db ?? StoreOpening.DefaultFile), postgres);
        if (store is null)
        {
            return exitCode;
        }

        await using (store)
        {
            // One model thread per passage: the session embeds the passages of one decision in parallel
            // (StoryOptions.ParallelEmbeddings), which uses the cores better than two threads on each passage in
            // turn. 5,000 synthetic articles on two quiet cores (`bench pipeline --articles 5000`), same stories:
            // two threads a passage in turn 143 articles/s, in parallel 128 (oversubscribed), one thread in parallel 172.
            using var embedder = new ArcticEmbedder();
            var pipeline = new ParallaxPipelineBuilder().UseEmbedder(embedder).Build();
            using var coordinator = await IngestCoordinator.OpenAsync(store, pipeline, cancellationToken: cancellationToken);
            if (coordinator.LastReplay.Articles > 0)
            {
                await errors.NoteAsync($"the store holds {coordinator.LastReplay.Articles:N0} articles; the engine replayed them in {coordinator.LastReplay.Elapsed.TotalSeconds:N1} s " +
                    $"({coordinator.LastReplay.EmbeddingsFromStore:N0} stored embeddings used, {coordinator.LastReplay.ModelCalls:N0} model calls).");
            }

            if (coordinator.LastReplay is { StoryMismatches: > 0 } or { LinkMismatches: > 0 })
            {
                await errors.NoteAsync($"warning: replaying the store placed {coordinator.LastReplay.StoryMismatches:N0} articles in other stories and " +
                    $"linked {coordinator.LastReplay.LinkMismatches:N0} otherwise than stored (the engine changed since they were imported).");
            }

            var (files, walk) = ImportInputs.Find(paths, cancellationToken);
            var tally = new Tally();
            var clock = Stopwatch.StartNew();
            // An archive gets a bar even alone: the count of articles in its description moves while the bar waits for the file to end.
            if ((files.Count >= 2 || files.Any(ArchiveFiles.IsArchive)) && !Console.IsErrorRedirected)
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("Importing", maxValue: files.Count);
                        await ImportAsync(coordinator, files, tally, file =>
                        {
                            task.Value = file;
                            task.Description = $"Importing: {tally.Articles:N0} articles";
                        }, cancellationToken);
                        task.Value = files.Count;
                        task.Description = $"Imported {tally.Articles:N0} articles";
                    });
            }
            else
            {
                await ImportAsync(coordinator, files, tally, _ => { }, cancellationToken);
            }

            foreach (var failure in walk.Failures)
            {
                await errors.FailAsync(failure.Path, failure.Error ?? "cannot be read");
            }

            foreach (var failure in tally.Failures)
            {
                await errors.FailAsync(failure.Path, failure.Error ?? "failed", null, failure.Detail);
            }

            await errors.SummarizeAsync("items");
            if (errors.Verbose)
            {
                await errors.NoteAsync($"stages: {coordinator.Stages}; the writer waited {Stopwatch.GetElapsedTime(0, tally.Waited).TotalSeconds:N1} s for prepared items, over {clock.Elapsed.TotalSeconds:N1} s; " +
                    $"the embedding model took {embedder.ModelTime.TotalSeconds:N1} s for {embedder.Passages:N0} passages.");
            }

            var counts = await store.CountsAsync(CancellationToken.None);
            var rate = tally.Articles / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            Console.Out.WriteLine(
                $"imported {tally.Articles:N0} articles from {tally.Items - tally.AlreadyStored - tally.Failed:N0} items in {clock.Elapsed.TotalSeconds:N1} s ({rate:N0}/s); " +
                $"{tally.AlreadyStored:N0} already stored, {tally.Failed + walk.Failures.Count:N0} failed, {tally.Skipped:N0} archive records passed over. " +
                $"{target} holds {counts.Articles:N0} articles in {counts.Stories:N0} stories from {counts.Sources:N0} sources.");
            if (files.Count == 0 && walk.Failures.Count == 0)
            {
                await errors.NoteAsync($"nothing was imported: no page or archive files were found.");
                return ExitCodes.SomeInputsFailed;
            }

            return tally.Failed + walk.Failures.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        }
    }

    /// <summary>
    /// Reads items in order, prepares each on the thread pool (a bounded window ahead, so memory stays flat), and commits
    /// them in the same order through the coordinator's bulk path (the session's step and the store's write overlap).
    /// Items already stored are not prepared at all.
    /// </summary>
    private static async Task ImportAsync(IngestCoordinator coordinator, IReadOnlyList<string> files, Tally tally, Action<int> progress, CancellationToken cancellationToken)
    {
        var window = Channel.CreateBounded<(ImportItem Item, Task<PreparedSubmission>? Prepared)>(Math.Max(4, Environment.ProcessorCount * 4));
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in ImportInputs.ReadAsync(files, cancellationToken))
                {
                    var prepare = item.Skipped is null && !await coordinator.IsStoredAsync(item.Submission.Key, cancellationToken)
                        ? item.Error is null
                            ? Task.Run(() => coordinator.Prepare(item.Submission), cancellationToken)
                            : Task.FromResult(new PreparedSubmission(item.Submission, [], item.Error))
                        : null;
                    await window.Writer.WriteAsync((item, prepare), cancellationToken);
                }

                window.Writer.Complete();
            }
            catch (Exception e)
            {
                window.Writer.Complete(e);
            }
        }, cancellationToken);

        async IAsyncEnumerable<PreparedSubmission> Prepared()
        {
            await foreach (var (item, prepare) in window.Reader.ReadAllAsync(cancellationToken))
            {
                progress(item.File);
                if (item.Skipped is not null)
                {
                    tally.Skipped++;
                    continue;
                }

                tally.Items++;
                if (prepare is null)
                {
                    Interlocked.Increment(ref tally.AlreadyStored);
                    continue;
                }

                var waiting = Stopwatch.GetTimestamp();
                var prepared = await prepare;
                tally.Waited += Stopwatch.GetTimestamp() - waiting;
                yield return prepared;
            }
        }

        // Outcomes come from the store's write stage, in order, while the loop above feeds the session's step.
        await coordinator.CommitAllAsync(Prepared(), outcome =>
        {
            switch (outcome.Result)
            {
                case IngestResult.Stored:
                    tally.Articles += outcome.ArticleIds.Count;
                    break;
                case IngestResult.AlreadyStored:
                    Interlocked.Increment(ref tally.AlreadyStored);
                    break;
                default:
                    tally.Failed++;
                    tally.Failures.Add(outcome);
                    break;
            }
        }, cancellationToken);
        await reader;
    }
}

