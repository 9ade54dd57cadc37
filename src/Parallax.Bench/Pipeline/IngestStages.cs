using System.Diagnostics;
using Parallax.Bench.Hostile;
using Parallax.Data;
using Parallax.Data.Postgres;
using Parallax.Data.Sqlite;

namespace Parallax.Bench.Pipeline;

/// <summary>One ingest run: the stream into a store through the user's command(s).</summary>
/// <param name="Seconds">Wall time of the command(s), process start and store open included: end to end.</param>
/// <param name="PeakResidentBytes">The largest peak resident memory of the child processes (VmHWM).</param>
/// <param name="Stored">Articles the store holds afterwards (counted by the benchmark, not taken from the command's output).</param>
/// <param name="Stories">Stories the store holds afterwards.</param>
/// <param name="Failed">Items the store marks failed (the queue) or the command named as failed (exit code 1).</param>
/// <param name="Output">The commands' last line of standard output (their own summary).</param>
/// <param name="Stages">Where the import's time went, stage by stage (its `--verbose` note), or null.</param>
internal sealed record IngestFigures(string Store, int Streamed, double Seconds, long PeakResidentBytes, long Stored, long Stories, long Failed, string Output, string? Stages = null)
{
    public double ArticlesPerSecond => Seconds > 0 ? Streamed / Seconds : 0;

    public bool ExactlyOnce => Stored == Streamed && Failed == 0;
}

/// <summary>A store opened again: the command's wall time (process start included), its peak memory, and its replay note.</summary>
internal sealed record ReopenFigures(bool WithoutEmbeddings, double Seconds, long PeakResidentBytes, string Note);

/// <summary>
/// The two ingest paths a user has: `parallax import --db FILE FOLDER` (SQLite), and the queue drained by several
/// `parallax worker --postgres CONN --exit-when-idle` processes (PostgreSQL), each run as a child process of the
/// built `parallax`.
/// </summary>
internal static class IngestStages
{
    private static readonly TimeSpan Limit = TimeSpan.FromHours(12);

    public static async Task<IngestFigures> ImportSqliteAsync(string parallaxDll, WrittenStream stream, string database, CancellationToken cancellationToken)
    {
        // --verbose adds the stage times (prepare, session, coverage, store write, model) to the report.
        var run = await ChildRun.RunAsync(parallaxDll, ["import", "--verbose", "--db", database, stream.Folder], Limit, cancellationToken);
        if (run.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"`parallax import` failed ({run.ExitCode?.ToString() ?? "timed out"}): {Tail(run.StandardError)}");
        }

        await using var store = await SqliteStore.OpenAsync(database, cancellationToken: cancellationToken);
        var counts = await store.CountsAsync(cancellationToken);
        return new IngestFigures("SQLite", stream.Articles, run.Seconds, run.PeakResidentBytes, counts.Articles, counts.Stories,
            run.ExitCode == 0 ? 0 : Math.Max(1, stream.Articles - counts.Articles), LastLine(run.StandardOutput), StagesLine(run.StandardError));
    }

    /// <summary>
    /// Opens an imported store again the way a user does: `parallax import --db FILE FOLDER` on the same stream, every
    /// item already stored, so the time is the store's open (the session's replay) plus passing over the items. With
    /// <paramref name="withoutEmbeddings"/>, a copy of the store with its stored embeddings cleared is opened instead, as
    /// a store written before they were kept (migration 0013): the replay then calls the model where the ingest did.
    /// </summary>
    public static async Task<ReopenFigures> ReopenSqliteAsync(
        string parallaxDll, WrittenStream stream, string database, bool withoutEmbeddings, CancellationToken cancellationToken)
    {
        var opened = database;
        if (withoutEmbeddings)
        {
            opened = Path.Combine(Path.GetDirectoryName(database)!, "without-embeddings.db");
            File.Copy(database, opened, overwrite: true);
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={opened};Pooling=False");
            await connection.OpenAsync(cancellationToken);
            await using var clear = connection.CreateCommand();
            clear.CommandText = "UPDATE articles SET embedding = NULL";
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var run = await ChildRun.RunAsync(parallaxDll, ["import", "--db", opened, stream.Folder], Limit, cancellationToken);
            if (run.ExitCode is not 0)
            {
                throw new InvalidOperationException($"`parallax import` on the imported store failed ({run.ExitCode?.ToString() ?? "timed out"}): {Tail(run.StandardError)}");
            }

            var note = run.StandardError.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(l => l.Contains("replayed them", StringComparison.Ordinal)) ?? "no replay note";
            return new ReopenFigures(withoutEmbeddings, run.Seconds, run.PeakResidentBytes, note.Replace("parallax: ", string.Empty, StringComparison.Ordinal));
        }
        finally
        {
            if (withoutEmbeddings)
            {
                File.Delete(opened);
            }
        }
    }

    /// <summary>
    /// Queues every line of the stream as a JSON article (the key `parallax import` would give it), then runs
    /// <paramref name="workers"/> workers at once until the queue is empty; the time is theirs, from the first start to
    /// the last exit, the queueing not included.
    /// </summary>
    public static async Task<IngestFigures> WorkersPostgresAsync(
        string parallaxDll, WrittenStream stream, string connectionString, int workers, BenchProgress progress, CancellationToken cancellationToken)
    {
        await using (var store = await PostgresStore.OpenAsync(connectionString, cancellationToken: cancellationToken))
        {
            await Parallel.ForEachAsync(stream.Lines(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (line, ct) =>
            {
                await store.EnqueueAsync(new NewIngestItem(WrittenStream.Key(line), Payload: line), ct);
            });
            progress.Step($"  queued {(await store.CountsAsync(cancellationToken)).Queued:N0} items; starting {workers} workers");
        }

        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(Enumerable.Range(1, workers).Select(w =>
            ChildRun.RunAsync(parallaxDll, ["worker", "--postgres", connectionString, "--exit-when-idle", "--name", $"bench-worker-{w}"], Limit, cancellationToken)));
        var seconds = clock.Elapsed.TotalSeconds;
        if (runs.FirstOrDefault(r => r.ExitCode is not (0 or 1)) is { } bad)
        {
            throw new InvalidOperationException($"`parallax worker` failed ({bad.ExitCode?.ToString() ?? "timed out"}): {Tail(bad.StandardError)}");
        }

        await using var check = await PostgresStore.OpenAsync(connectionString, cancellationToken: cancellationToken);
        var counts = await check.CountsAsync(cancellationToken);
        return new IngestFigures($"PostgreSQL, {workers} workers", stream.Articles, seconds, runs.Max(r => r.PeakResidentBytes), counts.Articles, counts.Stories,
            counts.Failed + counts.Queued, string.Join(" | ", runs.Select(r => LastLine(r.StandardOutput))));
    }

    private static string? StagesLine(string errors) =>
        errors.Split('\n', StringSplitOptions.TrimEntries).LastOrDefault(l => l.Contains("stages: ", StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf("stages: ", StringComparison.Ordinal) + "stages: ".Length)..]
            : null;

    private static string LastLine(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : text[^600..].Trim();
}
