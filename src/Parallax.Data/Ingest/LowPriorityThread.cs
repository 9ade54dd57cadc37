using System.Runtime.InteropServices;

namespace Parallax.Data.Ingest;

/// <summary>
/// Runs long background work (the session replay at open) on a thread of its own that the operating system schedules
/// after the others when the processor is busy: `parallax serve` answers readers while it rebuilds its session, and on
/// a small machine the replay would otherwise take a whole core from the requests. On an idle machine the thread runs
/// at full speed. .NET's <see cref="Thread.Priority"/> does not reach the Linux scheduler, so there the thread lowers
/// its own nice value (Linux schedules each thread as a task of its own, so this leaves the rest of the process alone).
/// </summary>
internal static class LowPriorityThread
{
    /// <summary>The nice value of the thread on Linux: under contention it gets about a tenth of a core's share.</summary>
    public const int Niceness = 10;

    public static Task<T> RunAsync<T>(string name, Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            Lower();
            try
            {
                done.SetResult(work());
            }
            catch (OperationCanceledException e)
            {
                done.SetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>The calling thread's nice value on Linux (for tests); null elsewhere or when it cannot be read.</summary>
    public static int? CurrentNiceness()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Marshal.SetLastPInvokeError(0);
        var value = GetPriority(PriorityOfProcess, ThreadId());
        return value == -1 && Marshal.GetLastPInvokeError() != 0 ? null : value;
    }

    private static void Lower()
    {
        if (OperatingSystem.IsLinux())
        {
            // A failure (a sandbox that forbids it) leaves the thread at normal priority: slower reads, same results.
            _ = SetPriority(PriorityOfProcess, ThreadId(), Niceness);
        }
        else
        {
            Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        }
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
