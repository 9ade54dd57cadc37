using System.Diagnostics;
using SmartReader;

namespace Parallax.Bench.Extract.Peers;

/// <summary>
/// SmartReader (a C# port of Readability on AngleSharp, from NuGet) run in this process on one dedicated thread:
/// each pass builds a <see cref="Reader"/> per page, calls <see cref="Reader.GetArticle()"/> and reads
/// <see cref="Article.TextContent"/>, all inside the stopwatch. Texts come from the first pass.
/// </summary>
internal sealed class SmartReaderPeer : IExtractionPeer
{
    /// <summary>SmartReader wants an absolute address to resolve links against; pages without a usable one get this.</summary>
    internal const string FallbackUrl = "https://example.invalid/";

    public string Name => "SmartReader";

    public Task<PeerRun> RunAsync(IReadOnlyList<BenchPage> pages, int passes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);

        // A thread of its own, so that the timing is one thread's work whatever the caller's synchronization context.
        return Task.Factory.StartNew(
            () => Run(pages, passes, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private PeerRun Run(IReadOnlyList<BenchPage> pages, int passes, CancellationToken cancellationToken)
    {
        var urls = new string[pages.Count];
        for (var i = 0; i < pages.Count; i++)
        {
            urls[i] = UsableUrl(pages[i].Url);
        }

        // Peak memory: SmartReader shares our process, so no figure can be its alone. We give back what earlier
        // work left on the heap, then sample this process's working set after every page (outside the clock).
        // The figure therefore includes the runtime, the benchmark pages held in memory and anything the
        // caller keeps alive; it is comparable to the node peer's peak RSS, which also holds its input pages.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var peak = process.WorkingSet64;

        var texts = new string[pages.Count];
        var seconds = new List<double>(passes);
        var watch = new Stopwatch();
        for (var pass = 0; pass < passes; pass++)
        {
            var elapsed = TimeSpan.Zero;
            for (var i = 0; i < pages.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                watch.Restart();
                var text = Extract(urls[i], pages[i].Html);
                watch.Stop();
                elapsed += watch.Elapsed;
                if (pass == 0)
                {
                    texts[i] = text;
                }

                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
            }

            seconds.Add(elapsed.TotalSeconds);
        }

        return new PeerRun(Name, texts, seconds, peak, null);
    }

    /// <summary>One page's article text, or empty when SmartReader finds none or fails on the page (the metric then counts a miss).</summary>
    internal static string Extract(string url, string html)
    {
        try
        {
            var article = new Reader(url, html).GetArticle();
            return article.IsReadable ? article.TextContent ?? string.Empty : string.Empty;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A page SmartReader cannot handle is an ordinary outcome of a benchmark, not a reason to stop it.
            return string.Empty;
        }
    }

    internal static string UsableUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : FallbackUrl;
}
