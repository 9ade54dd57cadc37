using System.Collections.Concurrent;

namespace Parallax.Core.Stories;

/// <summary>
/// An embedder that computes the passages it is told of (<see cref="Prefetch"/>) on the thread pool, so that the serial
/// stories step finds a vector ready instead of waiting tens of milliseconds for the model on its own thread while
/// the other core idles. The vectors are the inner model's: each prefetched passage is embedded once, by whichever
/// thread gets to it first (the other waits for it), and a passage not prefetched is embedded inline, as without this.
/// At most <see cref="MaxAhead"/> prefetched passages are held; older guesses are dropped, so a wrong guess costs one
/// model call on a spare core and never a result. Thread-safe.
/// </summary>
public sealed class PrefetchingEmbedder(ITextEmbedder inner) : ITextEmbedder
{
    /// <summary>Prefetched passages held at most (a few items' worth of guesses: the session looks a few items ahead).</summary>
    public const int MaxAhead = 32;

    private readonly ConcurrentDictionary<string, Lazy<float[]>> ahead = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();
    private long prefetched;
    private long used;

    public int Dimensions => inner.Dimensions;

    /// <summary>Passages handed to the thread pool so far.</summary>
    public long Prefetched => Interlocked.Read(ref prefetched);

    /// <summary>Of those, how many <see cref="Embed"/> was then asked for (the rest were guesses that did not come true).</summary>
    public long Used => Interlocked.Read(ref used);

    public float[] Embed(string passage)
    {
        if (passage is not null && ahead.TryRemove(passage, out var ready))
        {
            Interlocked.Increment(ref used);
            return ready.Value; // computed, or being computed on the pool (then this waits for it), or not yet started (then computed here)
        }

        return inner.Embed(passage!);
    }

    public void Prefetch(string passage)
    {
        if (string.IsNullOrEmpty(passage))
        {
            return;
        }

        var vector = new Lazy<float[]>(() => inner.Embed(passage), LazyThreadSafetyMode.ExecutionAndPublication);
        if (!ahead.TryAdd(passage, vector))
        {
            return;
        }

        order.Enqueue(passage);
        while (order.Count > MaxAhead && order.TryDequeue(out var oldest))
        {
            ahead.TryRemove(oldest, out _);
        }

        Interlocked.Increment(ref prefetched);
        ThreadPool.UnsafeQueueUserWorkItem(static lazy => Compute(lazy), vector, preferLocal: false);
    }

    private static void Compute(Lazy<float[]> vector)
    {
        try
        {
            _ = vector.Value;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The failure stays in the Lazy: the caller that asks for this passage meets it, as it would inline.
            _ = e;
        }
    }
}
