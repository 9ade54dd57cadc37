using System.Runtime.InteropServices;

namespace Parallax.Data.Ingest;

/// <summary>
/// Runs long background work (the session replay at open) on a thread of its own that the operating system schedules
/// after the others when the processor is busy: `parallax serve` answers readers while it rebuilds its session, and on
/// a small machine the replay would otherwise take a whole core from the requests. On an idle machine the thread runs
/// at full speed. .NET's <see cref="Thread.Priority"/> does not reach the Linux scheduler, so there the thread lowers
/// its own nice value (Linux schedules each thread as a task of its own, so this leaves the rest of the process alone).
/// </summary>
/// <remarks>
/// A thread that Linux creates from a lowered thread inherits its nice value, and the runtime creates its shared threads
/// from whichever thread first needs them: a thread-pool worker or gate thread when the work queues to the pool, the
/// background collector at the first background collection. Those would serve every request at the lower priority
/// after the replay. So when the work ends, every other thread of the process at the lowered value is put back to the
/// process's own (a forced background collection beforehand did not make the collector's thread on the caller's side:
/// tried). Raising a priority needs CAP_SYS_NICE or RLIMIT_NICE, so without them those threads stay lowered and the
/// caller hears how many (<see cref="LowPriorityResult{T}.ThreadsLeftLowered"/>).
/// </remarks>
internal static class LowPriorityThread
{
    /// <summary>The nice value of the thread on Linux: under contention it gets about a tenth of a core's share.</summary>
    public const int Niceness = 10;

    public static Task<LowPriorityResult<T>> RunAsync<T>(string name, Func<T> work)
    {
        var done = new TaskCompletionSource<LowPriorityResult<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
        Action? outcome = null;
        var finished = new ManualResetEvent(initialState: false);

        // The task is completed from the thread pool's wait thread, not from the lowered thread: completing it there
        // queues the continuation to the pool, which may create a worker from that thread, and the worker would be
        // lowered after the restore. Setting an event creates no thread.
        RegisteredWaitHandle? registration = null;
        registration = ThreadPool.RegisterWaitForSingleObject(finished, (_, _) =>
        {
            outcome!();
            registration?.Unregister(null);
            finished.Dispose();
        }, null, Timeout.Infinite, executeOnlyOnce: true);

        var thread = new Thread(() =>
        {
            var lowered = Lower();
            T result = default!;
            Exception? failure = null;
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }

            var left = lowered ? RestoreInherited() : 0;
            outcome = failure switch
            {
                null => () => done.SetResult(new LowPriorityResult<T>(result, left)),
                OperationCanceledException cancelled => () => done.SetCanceled(cancelled.CancellationToken),
                _ => () => done.SetException(failure),
            };
            finished.Set();
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>The calling thread's thread id (Linux only).</summary>
    public static int CurrentThreadId() => ThreadId();

    /// <summary>The calling thread's nice value on Linux (for tests); null elsewhere or when it cannot be read.</summary>
    public static int? CurrentNiceness() => OperatingSystem.IsLinux() ? NicenessOf(ThreadId()) : null;

    /// <summary>The nice value of one thread of this process on Linux; null elsewhere or when it cannot be read.</summary>
    public static int? NicenessOf(int threadId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // getpriority may return -1 as a value: only errno tells a failure.
        Marshal.SetLastPInvokeError(0);
        var value = GetPriority(PriorityOfProcess, threadId);
        return value == -1 && Marshal.GetLastPInvokeError() != 0 ? null : value;
    }

    /// <summary>Lowers the calling thread; true when it was lowered through Linux's nice value.</summary>
    private static bool Lower()
    {
        if (OperatingSystem.IsLinux())
        {
            // A failure (a sandbox that forbids it) leaves the thread at normal priority: slower reads, same results.
            return SetPriority(PriorityOfProcess, ThreadId(), Niceness) == 0;
        }

        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        return false;
    }

    /// <summary>
    /// Puts the other threads of the process that sit at the lowered value back to the process's own nice value (the
    /// main thread's): they were created from this thread while it ran. Returns how many could not be raised.
    /// </summary>
    private static int RestoreInherited()
    {
        var self = ThreadId();
        var normal = NicenessOf(Environment.ProcessId) ?? 0;
        var left = 0;
        string[] threads;
        try
        {
            threads = Directory.GetDirectories("/proc/self/task");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        foreach (var path in threads)
        {
            if (!int.TryParse(Path.GetFileName(path), System.Globalization.CultureInfo.InvariantCulture, out var thread)
                || thread == self || NicenessOf(thread) != Niceness)
            {
                continue;
            }

            left += SetPriority(PriorityOfProcess, thread, normal) == 0 ? 0 : 1;
        }

        return left;
    }

    // PRIO_PROCESS with a thread id addresses that one thread on Linux.
    private const int PriorityOfProcess = 0;

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int ThreadId();

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static extern int GetPriority(int which, int who);
}

/// <summary>What <see cref="LowPriorityThread.RunAsync{T}"/> returns: the work's result, and how many threads created
/// during it keep the lower priority because the process may not raise them back (0 when all were restored).</summary>
internal sealed record LowPriorityResult<T>(T Value, int ThreadsLeftLowered);
