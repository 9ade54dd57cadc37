using System.Diagnostics;
using System.Globalization;
using Parallax.Bench.Stories;
using Parallax.Core.Identity;
using Parallax.Core.Stories;

namespace Parallax.Bench.Scale;

/// <summary>Figures of one scale run.</summary>
/// <param name="Articles">Articles streamed.</param>
/// <param name="Seconds">Time spent in fingerprinting, copy detection and clustering (stream generation excluded).</param>
/// <param name="GenerationSeconds">Time spent generating the synthetic texts.</param>
/// <param name="PeakWorkingSetBytes">The process's peak working set after the run (Process.PeakWorkingSet64).</param>
/// <param name="ManagedBytesAfter">Managed heap still held by the index and the clusterer at the end (after a full GC).</param>
/// <param name="CopiesTrue">Articles generated as exact or near copies.</param>
/// <param name="CopiesFound">Of those, linked by the copy index to the article they copy (or its root original).</param>
/// <param name="FalseCopies">Distinct reports that the index linked as a copy.</param>
/// <param name="BCubed">B-cubed of stories against the synthetic events (copies count in their event).</param>
/// <param name="CopyIndexSeconds">The part of <paramref name="Seconds"/> spent in the copy index.</param>
/// <param name="CpuSeconds">
/// Processor time of the whole process during the run (generation, GC and JIT included). The pipeline is one thread,
/// so on a machine shared with other work this is the fairer measure of its cost than wall time.
/// </param>
internal sealed record ScaleFigures(
    int Articles, double Seconds, double GenerationSeconds, long PeakWorkingSetBytes, long ManagedBytesAfter,
    int CopiesTrue, int CopiesFound, int FalseCopies, int StoriesStarted, int OpenStoriesAtEnd, Prf BCubed, double CopyIndexSeconds,
    double CpuSeconds,
    int EmbeddedPassages = 0)
{
    public double ArticlesPerSecond => Seconds > 0 ? Articles / Seconds : 0;

    /// <summary>Articles per second of processor time (generation included): what one uncontended core does.</summary>
    public double ArticlesPerCpuSecond => CpuSeconds > 0 ? Articles / CpuSeconds : 0;
}

/// <summary>
/// Streams a synthetic stream (<see cref="SyntheticStream"/>) through the copy index (MinHash/LSH fingerprints, copy
/// and republication links) and the story clusterer, one article at a time, as `parallax serve` would.
/// </summary>
internal static class ScaleBenchmark
{
    public static ScaleFigures Run(
        IReadOnlyList<(string Event, string Text)> sources, int count, StoryOptions options, int seed, Action<int>? progress = null, ITextEmbedder? embedder = null)
    {
        var copies = new CopyIndex();
        var clusterer = new StoryClusterer(options, embedder);
        var clusteredOf = new int[count];
        var events = new int[count];
        var truth = new int[count];
        var linkedTo = new int[count];
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var generation = 0L;
        var work = 0L;
        var copyTicks = 0L;
        var before = Stopwatch.GetTimestamp();
        var i = 0;
        foreach (var article in new SyntheticStream(sources, seed).Generate(count))
        {
            var start = Stopwatch.GetTimestamp();
            generation += start - before;
            var id = article.Index.ToString(CultureInfo.InvariantCulture);
            var changed = copies.Add(new CopyCandidate(id, article.Title, article.Text, null, article.Published));
            var copied = Stopwatch.GetTimestamp();
            copyTicks += copied - start;
            var original = -1;
            foreach (var link in changed)
            {
                if (link.CopyId == id)
                {
                    original = int.Parse(link.OriginalId, CultureInfo.InvariantCulture);
                }
            }

            clusteredOf[i] = original >= 0
                ? clusterer.AttachCopy(clusteredOf[original], article.Published).Article
                : clusterer.Add(new StoryDocument(article.Title, article.Text, article.Published)).Article;
            before = Stopwatch.GetTimestamp();
            work += before - start;
            events[i] = article.Event;
            truth[i] = article.CopyOf;
            linkedTo[i] = original;
            i++;
            if (progress is not null && i % 10_000 == 0)
            {
                progress(i);
            }
        }

        // Copy accuracy: a copy is found when linked to the article it copies or to that article's own original.
        int copiesTrue = 0, copiesFound = 0, falseCopies = 0;
        for (var k = 0; k < count; k++)
        {
            if (truth[k] >= 0)
            {
                copiesTrue++;
                var root = truth[k];
                while (truth[root] >= 0)
                {
                    root = truth[root];
                }

                var to = linkedTo[k];
                if (to >= 0 && (to == truth[k] || to == root || (truth[to] >= 0 && Root(truth, to) == root)))
                {
                    copiesFound++;
                }
            }
            else if (linkedTo[k] >= 0)
            {
                falseCopies++;
            }
        }

        static int Root(int[] truth, int k)
        {
            while (truth[k] >= 0)
            {
                k = truth[k];
            }

            return k;
        }

        var stories = new int[count];
        for (var k = 0; k < count; k++)
        {
            stories[k] = clusterer.StoryOf(clusteredOf[k]);
        }

        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        var score = ClusteringMetrics.Score(stories, events);
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(copies);
        GC.KeepAlive(clusterer);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ScaleFigures(
            count, (double)work / Stopwatch.Frequency, (double)generation / Stopwatch.Frequency, process.PeakWorkingSet64, managed,
            copiesTrue, copiesFound, falseCopies, clusterer.StoriesStarted, clusterer.OpenStories, score.BCubed,
            (double)copyTicks / Stopwatch.Frequency, cpu, clusterer.Embedded);
    }
}
