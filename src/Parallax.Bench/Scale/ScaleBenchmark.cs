using System.Diagnostics;
using System.Globalization;
using Parallax.Bench.Stories;
using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;
using Parallax.Core.Stories;

namespace Parallax.Bench.Scale;

/// <summary>Figures of one scale run.</summary>
/// <param name="Articles">Articles streamed.</param>
/// <param name="Seconds">Wall time of the whole run: generation, preparing (spin) on every core, and the session.</param>
/// <param name="GenerationSeconds">Time the producer spent generating the synthetic texts (inside <paramref name="Seconds"/>).</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set after the run (Process.PeakWorkingSet64).</param>
/// <param name="ManagedBytesAfter">Managed heap still held by the session at the end (after a full GC).</param>
/// <param name="CopiesTrue">Articles generated as exact or near copies.</param>
/// <param name="CopiesFound">Of those, linked by the session to the article they copy (or its root original).</param>
/// <param name="FalseCopies">Distinct reports that the session linked as a copy.</param>
/// <param name="FalseCopiesChecked">Of the links made to such reports on arrival, those whose original was recent enough to compare.</param>
/// <param name="FalseCopiesShared">Of those, the links where the shorter text has half or more of its five-word runs word for word in the other.</param>
/// <param name="BCubed">B-cubed of stories against the synthetic events (copies count in their event).</param>
/// <param name="SpunShare">Share of articles the spin stage flagged (the synthetic stream has no spun copies).</param>
/// <param name="EmbeddedPassages">Passages the model embedded (reports and stories' first reports).</param>
/// <param name="EmbeddedReports">Reports the cascade embedded.</param>
/// <param name="ChangedByEmbedding">Of those, the reports whose story the embedding changed from what the words alone said.</param>
/// <param name="CpuSeconds">Processor time of the whole process during the run (all threads, generation, GC and JIT included).</param>
/// <param name="SessionSeconds">Time spent inside <see cref="ParallaxSession.Add"/> (the one writer: copies, stories, model calls).</param>
/// <param name="SessionMsFirst">Session milliseconds per article over the first tenth of the stream.</param>
/// <param name="SessionMsLast">Session milliseconds per article over the last tenth: against the first, how the per-article cost grows with N.</param>
/// <param name="Vocabulary">Entries of the document-frequency table at the end (bounded by <see cref="StoryOptions.MaxVocabulary"/>).</param>
/// <param name="OpenStories">Stories still open at the end (bounded by <see cref="StoryOptions.MaxOpenStories"/>).</param>
internal sealed record ScaleFigures(
    int Articles, double Seconds, double GenerationSeconds, long PeakWorkingSetBytes, long ManagedBytesAfter,
    int CopiesTrue, int CopiesFound, int FalseCopies, int StoriesStarted, Prf BCubed, double SpunShare, double CpuSeconds,
    int EmbeddedPassages = 0, int EmbeddedReports = 0, int ChangedByEmbedding = 0,
    double SessionSeconds = 0, double SessionMsFirst = 0, double SessionMsLast = 0, int Vocabulary = 0, int OpenStories = 0,
    int FalseCopiesChecked = 0, int FalseCopiesShared = 0)
{
    public double ArticlesPerSecond => Seconds > 0 ? Articles / Seconds : 0;

    /// <summary>Articles per second of processor time (generation included): what one uncontended core does.</summary>
    public double ArticlesPerCpuSecond => CpuSeconds > 0 ? Articles / CpuSeconds : 0;
}

/// <summary>
/// Streams a synthetic stream (<see cref="SyntheticStream"/>) through the real pipeline, as `parallax serve` would:
/// each article is prepared (spin) on every core, in order, and added to one <see cref="ParallaxSession"/> (copy index,
/// re-rooting, story clustering), one at a time.
/// </summary>
internal static class ScaleBenchmark
{
    public static ScaleFigures Run(
        IReadOnlyList<(string Event, string Text)> sources, int count, StoryOptions options, int seed, Action<int>? progress = null, ITextEmbedder? embedder = null)
    {
        // Counts the passages the cascade sends to the model (no file: nothing is kept across runs).
        var counted = embedder is null ? null : new CachedEmbedder(embedder, file: null);
        var builder = new ParallaxPipelineBuilder().Configure(o => o with { Stories = options });
        if (counted is not null)
        {
            builder.UseEmbedder(counted);
        }

        var pipeline = builder.Build();
        var clusterer = new StoryClusterer(options, pipeline.Embedder);
        var session = pipeline.CreateSession(stories: clusterer);
        var events = new int[count];
        var truth = new int[count];
        var spun = 0;
        var unplanted = new UnplantedLinks();
        var generationTicks = 0L;
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();

        IEnumerable<SyntheticArticle> Timed()
        {
            using var stream = new SyntheticStream(sources, seed).Generate(count).GetEnumerator();
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                var more = stream.MoveNext();
                generationTicks += Stopwatch.GetTimestamp() - start;
                if (!more)
                {
                    yield break;
                }

                yield return stream.Current;
            }
        }

        var prepared = Timed().AsParallel().AsOrdered().Select(a => (a, pipeline.Prepare(
            "synthetic", new ExtractedArticle(a.Title, null, null, a.Published, null, null, [a.Text]), [])));
        var i = 0;
        var sessionTicks = 0L;
        var tenth = Math.Max(1, count / 10);
        var firstTenthTicks = 0L;
        var lastTenthStart = count - tenth;
        var beforeLastTenth = 0L;
        foreach (var (article, ready) in prepared)
        {
            var added = Stopwatch.GetTimestamp();
            var update = session.Add(ready, Id(article.Index));
            sessionTicks += Stopwatch.GetTimestamp() - added;
            unplanted.Observe(article.Index, article.Text);
            if (article.CopyOf < 0 && update.Changes.OfType<CopyLinked>().FirstOrDefault(c => c.ArticleId == update.ArticleId) is { } link)
            {
                unplanted.Judge(article.Index, int.Parse(link.OriginalId, CultureInfo.InvariantCulture));
            }

            if (i + 1 == tenth)
            {
                firstTenthTicks = sessionTicks;
            }

            if (i + 1 == lastTenthStart)
            {
                beforeLastTenth = sessionTicks;
            }

            events[i] = article.Event;
            truth[i] = article.CopyOf;
            spun += ready.Spin.Spun ? 1 : 0;
            i++;
            if (progress is not null && i % 10_000 == 0)
            {
                progress(i);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;

        // Copy accuracy: a copy is found when linked to the article it copies or to that article's own original.
        int copiesTrue = 0, copiesFound = 0, falseCopies = 0;
        for (var k = 0; k < count; k++)
        {
            var to = session.LinkOf(Id(k))?.OriginalId is { } original ? int.Parse(original, CultureInfo.InvariantCulture) : -1;
            if (truth[k] >= 0)
            {
                copiesTrue++;
                var root = Root(truth, k);
                if (to >= 0 && (to == truth[k] || Root(truth, to) == root))
                {
                    copiesFound++;
                }
            }
            else if (to >= 0)
            {
                falseCopies++;
            }
        }

        var stories = new int[count];
        var started = new HashSet<int>();
        for (var k = 0; k < count; k++)
        {
            stories[k] = session.StoryOf(Id(k));
            started.Add(stories[k]);
        }

        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        var score = ClusteringMetrics.Score(stories, events);
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(session);
        self.Refresh();
        return new ScaleFigures(
            count, seconds, (double)generationTicks / Stopwatch.Frequency, self.PeakWorkingSet64, managed,
            copiesTrue, copiesFound, falseCopies, started.Count, score.BCubed, (double)spun / Math.Max(1, count), cpu,
            counted?.Fresh ?? 0, clusterer.EmbeddedReports, clusterer.ChangedByEmbedding,
            Seconds(sessionTicks), Seconds(firstTenthTicks) * 1000 / tenth, Seconds(sessionTicks - beforeLastTenth) * 1000 / tenth,
            clusterer.Vocabulary, clusterer.OpenStories, unplanted.Checked, unplanted.MostlyShared);
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    private static string Id(int index) => index.ToString(CultureInfo.InvariantCulture);

    private static int Root(int[] truth, int k)
    {
        while (truth[k] >= 0)
        {
            k = truth[k];
        }

        return k;
    }
}
