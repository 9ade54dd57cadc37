using Parallax.Data.Ingest;

namespace Parallax.Data.Tests;

// Alone: a lowered thread's end puts back every lowered thread of the process, a replay's in another test too.
[CollectionDefinition(nameof(LowPriorityThreadTests), DisableParallelization = true)]
public sealed class LowPriorityThreadCollection;

[Collection(nameof(LowPriorityThreadTests))]
public sealed class LowPriorityThreadTests
{
    [Fact]
    public async Task Work_runs_on_its_own_thread_at_the_lower_priority_and_its_result_comes_back()
    {
        var caller = Environment.CurrentManagedThreadId;
        var ((thread, niceness), _) = await LowPriorityThread.RunAsync("test", () => (Environment.CurrentManagedThreadId, LowPriorityThread.CurrentNiceness()));

        Assert.NotEqual(caller, thread);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(LowPriorityThread.Niceness, niceness);
            Assert.NotEqual(LowPriorityThread.Niceness, LowPriorityThread.CurrentNiceness()); // the caller's thread is left alone
        }
    }

    [Fact]
    public async Task A_thread_created_during_the_work_inherits_its_priority_and_gets_the_normal_one_back_after()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Linux gives a new thread its creator's nice value: the runtime's shared threads (pool workers, the background
        // collector) made from the lowered thread would keep it. The child stays alive past the work, as those do.
        using var release = new ManualResetEventSlim();
        var childId = 0;
        var (childDuring, left) = await LowPriorityThread.RunAsync("test", () =>
        {
            using var started = new ManualResetEventSlim();
            var child = new Thread(() =>
            {
                Volatile.Write(ref childId, LowPriorityThread.CurrentThreadId());
                started.Set();
                release.Wait();
            })
            { IsBackground = true };
            child.Start();
            started.Wait();
            return LowPriorityThread.NicenessOf(Volatile.Read(ref childId));
        });

        try
        {
            Assert.Equal(LowPriorityThread.Niceness, childDuring);
            var normal = LowPriorityThread.NicenessOf(Environment.ProcessId);
            if (left == 0)
            {
                Assert.Equal(normal, LowPriorityThread.NicenessOf(childId));
            }
            else
            {
                // An unprivileged process may not raise a priority: the thread is counted as left lowered.
                Assert.Equal(LowPriorityThread.Niceness, LowPriorityThread.NicenessOf(childId));
            }
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task A_failure_and_a_cancellation_reach_the_caller()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => LowPriorityThread.RunAsync<int>("test", () => throw new InvalidOperationException("broken")));

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var task = LowPriorityThread.RunAsync<int>("test", () =>
        {
            cancelled.Token.ThrowIfCancellationRequested();
            return 1;
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.True(task.IsCanceled);
    }
}
