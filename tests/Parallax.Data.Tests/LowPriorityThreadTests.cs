using Parallax.Data.Ingest;

namespace Parallax.Data.Tests;

public sealed class LowPriorityThreadTests
{
    [Fact]
    public async Task Work_runs_on_its_own_thread_at_the_lower_priority_and_its_result_comes_back()
    {
        var caller = Environment.CurrentManagedThreadId;
        var (thread, niceness) = await LowPriorityThread.RunAsync("test", () => (Environment.CurrentManagedThreadId, LowPriorityThread.CurrentNiceness()));

        Assert.NotEqual(caller, thread);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(LowPriorityThread.Niceness, niceness);
            Assert.NotEqual(LowPriorityThread.Niceness, LowPriorityThread.CurrentNiceness()); // the caller's thread is left alone
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
