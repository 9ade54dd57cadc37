using Parallax.Data;

namespace Parallax.App.Web.Caching;

/// <summary>
/// The store's change counter (<see cref="IParallaxStore.GenerationAsync"/>) as requests ask for it: at most one query
/// in flight, shared by every request that arrived before it started. A request that arrives while a query runs waits
/// for the next one, never for one that began before it came: a value it is given was read after it arrived, so a
/// write committed (by any process) before the request reached us is always seen. Under load one query answers many
/// requests; alone, a request pays one small query.
/// </summary>
public sealed class StoreGeneration(IParallaxStore store)
{
    private readonly Lock gate = new();
    private TaskCompletionSource<long>? waiting;
    private bool reading;

    /// <summary>The generation, read by a query that started after this call.</summary>
    public Task<long> CurrentAsync(CancellationToken cancellationToken)
    {
        Task<long> answer;
        var start = false;
        lock (gate)
        {
            waiting ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            answer = waiting.Task;
            if (!reading)
            {
                reading = start = true;
            }
        }

        if (start)
        {
            _ = Task.Run(ReadWhileAskedAsync, CancellationToken.None);
        }

        return answer.WaitAsync(cancellationToken);
    }

    /// <summary>Reads for the callers waiting, then again for those who came meanwhile, until no one waits.</summary>
    private async Task ReadWhileAskedAsync()
    {
        while (true)
        {
            TaskCompletionSource<long> batch;
            lock (gate)
            {
                if (waiting is null)
                {
                    reading = false;
                    return;
                }

                batch = waiting;
                waiting = null;
            }

            try
            {
                // Not the callers' token: the batch is shared, and one caller leaving must not fail the others.
                batch.SetResult(await store.GenerationAsync(CancellationToken.None));
            }
            catch (Exception e)
            {
                batch.SetException(e);
            }
        }
    }
}
