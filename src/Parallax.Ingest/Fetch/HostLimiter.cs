using System.Collections.Concurrent;

namespace Parallax.Ingest.Fetch;

/// <summary>
/// Politeness: at most <c>perHost</c> fetches to one host and <c>global</c> in all at the same time. One limiter per
/// fetcher (no static state); a host's semaphore is dropped when nobody holds or waits on it, so the map does not
/// grow with every host ever fetched.
/// </summary>
internal sealed class HostLimiter(int perHost, int global)
{
    private readonly SemaphoreSlim all = new(global, global);
    private readonly ConcurrentDictionary<string, Slot> hosts = new(StringComparer.OrdinalIgnoreCase);

    private sealed class Slot(int count)
    {
        public SemaphoreSlim Semaphore { get; } = new(count, count);

        public int Users;
    }

    public async Task<IAsyncDisposable> EnterAsync(string host, CancellationToken cancellationToken)
    {
        Slot slot;
        while (true)
        {
            slot = hosts.GetOrAdd(host, _ => new Slot(perHost));
            lock (slot)
            {
                if (slot.Users >= 0)
                {
                    slot.Users++;
                    break;
                }
            }
        }

        try
        {
            await slot.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(host, slot);
            throw;
        }

        try
        {
            await all.WaitAsync(cancellationToken);
        }
        catch
        {
            slot.Semaphore.Release();
            Leave(host, slot);
            throw;
        }

        return new Lease(this, host, slot);
    }

    private void Leave(string host, Slot slot)
    {
        lock (slot)
        {
            if (--slot.Users == 0)
            {
                // Marked dead before removal, so a caller that found it in the map takes a fresh one.
                slot.Users = -1;
                hosts.TryRemove(new KeyValuePair<string, Slot>(host, slot));
            }
        }
    }

    private sealed class Lease(HostLimiter limiter, string host, Slot slot) : IAsyncDisposable
    {
        private int disposed;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                limiter.all.Release();
                slot.Semaphore.Release();
                limiter.Leave(host, slot);
            }

            return ValueTask.CompletedTask;
        }
    }
}
