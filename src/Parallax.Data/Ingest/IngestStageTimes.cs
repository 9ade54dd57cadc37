using System.Diagnostics;

namespace Parallax.Data.Ingest;

/// <summary>
/// Where an ingest run's time goes, stage by stage, summed over every item (prepare over every thread that ran it).
/// One per coordinator; thread-safe. `parallax import --verbose` prints it, so a user can see which stage bounds a run.
/// </summary>
public sealed class IngestStageTimes
{
    private long prepare;
    private long session;
    private long coverage;
    private long write;

    /// <summary>Extraction, spin, language (and an early embedding): the parallel stage, summed over threads.</summary>
    public TimeSpan Prepare => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref prepare));

    /// <summary>The session's decisions (copies, stories) and the write they make: serial.</summary>
    public TimeSpan Session => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref session));

    /// <summary>The coverage comparison of the stories an item changed: serial.</summary>
    public TimeSpan Coverage => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref coverage));

    /// <summary>The store's transactions (the writer lock, catching up with other writers, the write itself): serial.</summary>
    public TimeSpan Write => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref write));

    internal void AddPrepare(long started) => Interlocked.Add(ref prepare, Stopwatch.GetTimestamp() - started);

    internal void AddSession(long started) => Interlocked.Add(ref session, Stopwatch.GetTimestamp() - started);

    internal void AddCoverage(long started) => Interlocked.Add(ref coverage, Stopwatch.GetTimestamp() - started);

    internal void AddWrite(long started) => Interlocked.Add(ref write, Stopwatch.GetTimestamp() - started);

    public override string ToString() =>
        $"prepare {Prepare.TotalSeconds:N1} s (all threads), session {Session.TotalSeconds:N1} s, coverage {Coverage.TotalSeconds:N1} s, store write {Write.TotalSeconds:N1} s";
}
