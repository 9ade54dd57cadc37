namespace Parallax.Data.Ingest;

/// <summary>
/// The prepared items of a bulk run, read a few ahead of the one being decided: each item that is already prepared
/// when the session takes the one before it is handed out once as <see cref="TakeNew"/>, so the session can
/// anticipate it (start its embeddings on a spare core). Never waits for an item before it is needed: an item
/// still being prepared is left pending and awaited only when it is the next one. Items come out in their order.
/// </summary>
internal sealed class PreparedLookahead(IAsyncEnumerator<PreparedSubmission> inner, int depth) : IAsyncDisposable
{
    private readonly Queue<PreparedSubmission> buffered = new();
    private readonly List<PreparedSubmission> fresh = [];
    private Task<bool>? pending;
    private bool ended;

    public PreparedSubmission Current { get; private set; } = null!;

    /// <summary>The next item, waiting for it only when none is read ahead.</summary>
    public async ValueTask<bool> MoveNextAsync()
    {
        if (buffered.Count == 0 && !await PullAsync())
        {
            return false;
        }

        Current = buffered.Dequeue();
        return true;
    }

    /// <summary>Items read ahead since the last call (already prepared, up to the depth), each handed out once.</summary>
    public IReadOnlyList<PreparedSubmission> TakeNew()
    {
        fresh.Clear();
        while (!ended && buffered.Count < depth)
        {
            pending ??= inner.MoveNextAsync().AsTask();
            if (!pending.IsCompleted)
            {
                break;
            }

            if (!Accept(pending.GetAwaiter().GetResult()))
            {
                break;
            }

            fresh.Add(buffered.Last());
        }

        return fresh;
    }

    public async ValueTask DisposeAsync()
    {
        if (pending is not null)
        {
            // An enumerator may not be disposed while a MoveNextAsync is in flight; its outcome no longer matters.
            try
            {
                await pending;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _ = e;
            }
        }

        await inner.DisposeAsync();
    }

    private async Task<bool> PullAsync()
    {
        if (ended)
        {
            return false;
        }

        pending ??= inner.MoveNextAsync().AsTask();
        return Accept(await pending);
    }

    private bool Accept(bool more)
    {
        pending = null;
        if (!more)
        {
            ended = true;
            return false;
        }

        buffered.Enqueue(inner.Current);
        return true;
    }
}
