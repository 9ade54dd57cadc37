using System.Diagnostics;
using System.Globalization;
using Parallax.Bench.Spin;
using Parallax.Core.Identity;
using Parallax.Core.Spin;
using Spectre.Console;

namespace Parallax.Bench.Copies;

/// <summary>One benchmark article: its id, its gold event (different articles about one event are not copies) and text.</summary>
internal sealed record CopyBenchDocument(string Id, string EventCluster, string Text);

/// <summary>Spun-copy linking at one spin rate.</summary>
/// <param name="Rate">Share of content words the synthetic spinner swapped.</param>
/// <param name="Restored">Whether the articles went in with the spin analyser's restored text (as the pipeline does).</param>
/// <param name="Copies">Spun copies added (one per original).</param>
/// <param name="Linked">Spun copies whose root original is their own original's root.</param>
/// <param name="WrongLinks">Spun copies linked to some other article.</param>
/// <param name="WrongLinksOtherEvent">Of those, links to an article about another event (the rest share the event).</param>
/// <param name="OriginalsLinked">
/// Originals linked to a different original: ECB+ holds wire copies within an event, so these are true copies when
/// within one event (<see cref="CopyBenchmarkResult.OriginalPairs"/> lists them) and false links across events.
/// </param>
/// <param name="OriginalsDemoted">Originals that ended up as copies of their own spun copy.</param>
internal sealed record SpinCopyFigures(
    double Rate, bool Restored, int Copies, int Linked, int WrongLinks, int WrongLinksOtherEvent, int OriginalsLinked, int OriginalsDemoted)
{
    public double LinkedShare => Copies == 0 ? 0 : (double)Linked / Copies;
}

/// <summary>Sanity figures on plainly made copies of each original: each share should be 1.</summary>
/// <param name="Exact">Same text with other spacing, linked as a duplicate of the original.</param>
/// <param name="Near">One sentence dropped and two words changed, linked to the original.</param>
/// <param name="Contained">The original inside a page three times its size, linked to the original (page is the copy).</param>
/// <param name="FullerJudged">Originals at least four times as long as the added opening sentence.</param>
/// <param name="Fuller">Of those, the share whose later version with one more opening sentence became their original.</param>
internal sealed record CopySanityFigures(int Documents, double Exact, double Near, double Contained, int FullerJudged, double Fuller);

/// <summary>A pair of benchmark originals the index linked, with whether they report the same event.</summary>
internal sealed record OriginalPair(string CopyId, string OriginalId, CopyKind Kind, double Similarity, bool SameEvent);

/// <summary>Everything the copy benchmark measured.</summary>
internal sealed record CopyBenchmarkResult(
    int Originals,
    IReadOnlyList<OriginalPair> OriginalPairs,
    IReadOnlyList<SpinCopyFigures> Spin,
    CopySanityFigures Sanity,
    double ArticlesPerSecond,
    double BytesPerArticle);

/// <summary>Speed and memory of the copy index over a synthetic stream.</summary>
/// <param name="Articles">Articles added.</param>
/// <param name="Seconds">Time spent in <see cref="CopyIndex.Add"/> (building the texts excluded).</param>
/// <param name="BytesPerArticle">Growth of the managed heap per article, after a full collection.</param>
/// <param name="Links">Links the index reported.</param>
internal sealed record CopyScaleFigures(int Articles, double Seconds, double BytesPerArticle, long PeakWorkingSetBytes, int Links)
{
    public double ArticlesPerSecond => Seconds > 0 ? Articles / Seconds : 0;
}

/// <summary>
/// The copy benchmark: spun copies of benchmark articles made by <see cref="SyntheticSpinner"/> at several rates are
/// added after their originals, and we count how many link to their own original, how many link elsewhere, and whether
/// any two different originals (ECB+ holds several articles about each event, which are NOT copies) get linked.
/// Plain exact, near, contained and fuller copies give sanity figures.
/// </summary>
internal static class CopyBenchmark
{
    public static readonly double[] DefaultRates = [0.1, 0.3, 0.5];

    /// <summary>Runs the benchmark. <paramref name="analyzer"/>, when given, supplies restored text as the pipeline does.</summary>
    public static CopyBenchmarkResult Run(
        IReadOnlyList<CopyBenchDocument> documents,
        SpinAnalyzer? analyzer = null,
        IReadOnlyList<double>? rates = null,
        int seed = 20_240_601,
        CopyIndexOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        rates ??= DefaultRates;
        var eventOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            eventOf[doc.Id] = doc.EventCluster;
        }

        // The originals alone: every link among them is either a true copy in the corpus or a false link.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var baseIndex = new CopyIndex(options);
        foreach (var doc in documents)
        {
            baseIndex.Add(new CopyCandidate(doc.Id, "", doc.Text, null, null));
        }

        clock.Stop();
        var bytesPerArticle = documents.Count == 0 ? 0 : (double)(GC.GetTotalMemory(forceFullCollection: true) - before) / documents.Count;
        GC.KeepAlive(baseIndex);
        var added = documents.Count;
        var pairs = new List<OriginalPair>();
        foreach (var doc in documents)
        {
            if (baseIndex.LinkOf(doc.Id) is { } link)
            {
                pairs.Add(new OriginalPair(link.CopyId, link.OriginalId, link.Kind, link.Similarity,
                    eventOf[link.CopyId] == eventOf[link.OriginalId]));
            }
        }

        var spin = new List<SpinCopyFigures>();
        var modes = analyzer is null ? new[] { false } : [false, true];
        foreach (var rate in rates)
        {
            var spinner = new SyntheticSpinner(seed + (int)(rate * 1000));
            var spun = new string[documents.Count];
            for (var i = 0; i < documents.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                spun[i] = spinner.Spin(documents[i].Text, rate).Text;
            }

            foreach (var restored in modes)
            {
                spin.Add(MeasureSpin(documents, spun, rate, restored ? analyzer : null, seed, options, cancellationToken));
            }
        }

        clock.Start();
        var sanity = MeasureSanity(documents, seed, options);
        clock.Stop();
        added += 5 * documents.Count;
        return new CopyBenchmarkResult(documents.Count, pairs, spin, sanity,
            clock.Elapsed.TotalSeconds > 0 ? added / clock.Elapsed.TotalSeconds : 0, bytesPerArticle);
    }

    /// <summary>
    /// Streams <paramref name="count"/> synthetic articles through one index. Each article is 4 to 12 sentences drawn at
    /// random from the benchmark texts plus a sentence of its own (so articles overlap the way wire copy and boilerplate
    /// make real ones overlap); one in ten is then an exact copy and one in ten a copy with a sentence dropped of an
    /// earlier article. Texts are built in batches outside the timed region and dropped once added (the index keeps none).
    /// </summary>
    public static CopyScaleFigures RunScale(IReadOnlyList<CopyBenchDocument> documents, int count, CopyIndexOptions? options = null, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var sentences = documents.SelectMany(d => d.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var random = new Random(seed);
        var index = new CopyIndex(options);
        var recent = new string[1024];
        var batch = new string[4096];
        var clock = new Stopwatch();
        var links = 0;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var start = 0; start < count; start += batch.Length)
        {
            var size = Math.Min(batch.Length, count - start);
            for (var k = 0; k < size; k++)
            {
                var i = start + k;
                var roll = random.Next(10);
                if (roll == 0 && i > 0)
                {
                    batch[k] = recent[random.Next(Math.Min(i, recent.Length))];
                }
                else if (roll == 1 && i > 0)
                {
                    var lines = recent[random.Next(Math.Min(i, recent.Length))].Split('\n').ToList();
                    lines.RemoveAt(random.Next(lines.Count));
                    batch[k] = string.Join('\n', lines);
                }
                else
                {
                    var parts = new List<string>();
                    for (var n = random.Next(4, 13); n > 0; n--)
                    {
                        parts.Add(sentences[random.Next(sentences.Length)]);
                    }

                    parts.Insert(random.Next(parts.Count), $"Desk {i % 97} filed report {i} at {random.Next(24)}:{random.Next(60):00} on day {i / 1000}.");
                    batch[k] = string.Join('\n', parts);
                }

                recent[i % recent.Length] = batch[k];
            }

            clock.Start();
            for (var k = 0; k < size; k++)
            {
                links += index.Add(new CopyCandidate("s" + (start + k).ToString(CultureInfo.InvariantCulture), "", batch[k], null, null)).Count;
            }

            clock.Stop();
        }

        Array.Clear(batch);
        Array.Clear(recent);
        var bytes = (double)(GC.GetTotalMemory(forceFullCollection: true) - before) / Math.Max(1, count);
        GC.KeepAlive(index);
        using var process = Process.GetCurrentProcess();
        return new CopyScaleFigures(count, clock.Elapsed.TotalSeconds, bytes, process.PeakWorkingSet64, links);
    }

    private static SpinCopyFigures MeasureSpin(
        IReadOnlyList<CopyBenchDocument> documents, string[] spun, double rate, SpinAnalyzer? analyzer, int seed, CopyIndexOptions? options, CancellationToken ct)
    {
        var index = new CopyIndex(options);
        foreach (var doc in documents)
        {
            ct.ThrowIfCancellationRequested();
            index.Add(new CopyCandidate(doc.Id, "", doc.Text, null, null, analyzer?.Analyze(doc.Text).Restored));
        }

        // Copies arrive after all originals, in a shuffled order.
        var order = Enumerable.Range(0, documents.Count).ToArray();
        new Random(seed).Shuffle(order);
        foreach (var i in order)
        {
            ct.ThrowIfCancellationRequested();
            index.Add(new CopyCandidate(CopyId(documents[i].Id), "", spun[i], null, null, analyzer?.Analyze(spun[i]).Restored));
        }

        var eventOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            eventOf[doc.Id] = doc.EventCluster;
            eventOf[CopyId(doc.Id)] = doc.EventCluster;
        }

        int linked = 0, wrong = 0, wrongOtherEvent = 0, originalsLinked = 0, demoted = 0;
        foreach (var doc in documents)
        {
            var copyId = CopyId(doc.Id);
            var expected = index.LinkOf(doc.Id)?.OriginalId ?? doc.Id;
            var actual = index.LinkOf(copyId)?.OriginalId;
            if (expected == copyId)
            {
                demoted++;
                linked++;
            }
            else if (actual == expected)
            {
                linked++;
            }
            else if (actual is not null)
            {
                wrong++;
                if (eventOf[actual] != doc.EventCluster)
                {
                    wrongOtherEvent++;
                }
            }

            if (index.LinkOf(doc.Id) is { } own && own.OriginalId != copyId)
            {
                originalsLinked++;
            }
        }

        return new SpinCopyFigures(rate, analyzer is not null, documents.Count, linked, wrong, wrongOtherEvent, originalsLinked, demoted);
    }

    private static CopySanityFigures MeasureSanity(IReadOnlyList<CopyBenchDocument> documents, int seed, CopyIndexOptions? options)
    {
        var index = new CopyIndex(options);
        foreach (var doc in documents)
        {
            index.Add(new CopyCandidate(doc.Id, "", doc.Text, null, null));
        }

        var random = new Random(seed);
        var vocabulary = Vocabulary(documents);
        int exact = 0, near = 0, contained = 0, fuller = 0, fullerEligible = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            var doc = documents[i];
            var root = index.LinkOf(doc.Id)?.OriginalId ?? doc.Id;

            var spaced = doc.Text.Replace(" ", "  ", StringComparison.Ordinal).Replace("\n", "\n\n", StringComparison.Ordinal);
            index.Add(new CopyCandidate(doc.Id + "#exact", "", spaced, null, null));
            if (index.LinkOf(doc.Id + "#exact") is { } e && e.OriginalId == root && (e.Kind == CopyKind.Duplicate || root != doc.Id))
            {
                exact++;
            }

            index.Add(new CopyCandidate(doc.Id + "#near", "", NearCopy(doc.Text, random), null, null));
            if (index.LinkOf(doc.Id + "#near")?.OriginalId == root)
            {
                near++;
            }

            // A page that holds the original between two texts, each as long as it, found nowhere else (words drawn at
            // random from the corpus vocabulary).
            var length = WordCount(doc.Text);
            var page = Filler(vocabulary, length, random) + "\n\n" + doc.Text + "\n\n" + Filler(vocabulary, length, random);
            index.Add(new CopyCandidate(doc.Id + "#page", "", page, null, null));
            if (index.LinkOf(doc.Id + "#page")?.OriginalId == root)
            {
                contained++;
            }

            // The same article with one more opening sentence of 20 words arrives later (drawn from the vocabulary like
            // the filler). Judged where that sentence is at most a fifth of the fuller text.
            var opening = Filler(vocabulary, 20, random);
            index.Add(new CopyCandidate(doc.Id + "#fuller", "", opening + "\n" + doc.Text, null, null));
            if (WordCount(opening) * 4 <= WordCount(doc.Text))
            {
                fullerEligible++;
                if (index.LinkOf(doc.Id)?.OriginalId == doc.Id + "#fuller")
                {
                    fuller++;
                }
            }
        }

        double Share(int n) => documents.Count == 0 ? 0 : (double)n / documents.Count;
        return new CopySanityFigures(documents.Count, Share(exact), Share(near), Share(contained), fullerEligible,
            fullerEligible == 0 ? 0 : (double)fuller / fullerEligible);
    }

    /// <summary>Drops one sentence (when there are four or more) and changes two words.</summary>
    private static string NearCopy(string text, Random random)
    {
        var sentences = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (sentences.Count >= 4)
        {
            sentences.RemoveAt(random.Next(1, sentences.Count));
        }

        var words = string.Join("\n", sentences).Split(' ');
        for (var k = 0; k < 2 && words.Length > 0; k++)
        {
            words[random.Next(words.Length)] = "changed";
        }

        return string.Join(' ', words);
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string[] Vocabulary(IReadOnlyList<CopyBenchDocument> documents)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            foreach (var word in doc.Text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                words.Add(word);
            }
        }

        var sorted = words.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>Text found nowhere else: words drawn at random, a sentence break every 20.</summary>
    private static string Filler(string[] vocabulary, int words, Random random)
    {
        var builder = new System.Text.StringBuilder();
        for (var k = 0; k < words; k++)
        {
            builder.Append(vocabulary[random.Next(vocabulary.Length)]).Append(k % 20 == 19 ? ".\n" : " ");
        }

        return builder.ToString().TrimEnd();
    }

    private static string CopyId(string id) => id + "#spun";

    /// <summary>Prints the figures as tables.</summary>
    public static void Print(CopyBenchmarkResult result, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(console);
        var spin = new Table().Title("Spun copies linked to their original").AddColumns(
            "spin rate", "restored text", "copies", "linked", "share", "wrong links (other event)", "originals linked to another", "originals under own copy");
        foreach (var row in result.Spin)
        {
            spin.AddRow(
                row.Rate.ToString("P0", CultureInfo.InvariantCulture), row.Restored ? "yes" : "no (skeleton only)",
                row.Copies.ToString(CultureInfo.InvariantCulture), row.Linked.ToString(CultureInfo.InvariantCulture),
                row.LinkedShare.ToString("F3", CultureInfo.InvariantCulture), $"{row.WrongLinks.ToString(CultureInfo.InvariantCulture)} ({row.WrongLinksOtherEvent.ToString(CultureInfo.InvariantCulture)})",
                row.OriginalsLinked.ToString(CultureInfo.InvariantCulture), row.OriginalsDemoted.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(spin);
        var sanity = new Table().Title("Plain copies (share linked correctly)").AddColumns("originals", "exact", "near", "contained in a page", "fuller version becomes original (of n)");
        sanity.AddRow(
            result.Sanity.Documents.ToString(CultureInfo.InvariantCulture), result.Sanity.Exact.ToString("F3", CultureInfo.InvariantCulture),
            result.Sanity.Near.ToString("F3", CultureInfo.InvariantCulture), result.Sanity.Contained.ToString("F3", CultureInfo.InvariantCulture),
            $"{result.Sanity.Fuller.ToString("F3", CultureInfo.InvariantCulture)} (of {result.Sanity.FullerJudged.ToString(CultureInfo.InvariantCulture)})");
        console.Write(sanity);
        var sameEvent = result.OriginalPairs.Count(p => p.SameEvent);
        console.MarkupLineInterpolated(
            $"Originals linked among themselves: {result.OriginalPairs.Count} of {result.Originals} ({sameEvent} within one event, {result.OriginalPairs.Count - sameEvent} across events)");
        foreach (var pair in result.OriginalPairs)
        {
            console.MarkupLineInterpolated($"  {pair.CopyId} -> {pair.OriginalId}: {pair.Kind} {pair.Similarity:F2}{(pair.SameEvent ? "" : " [different events]")}");
        }

        console.MarkupLineInterpolated(
            $"Copy index: {result.ArticlesPerSecond:F0} articles/s (fingerprint, look up, link; originals and plain copies, one core), {result.BytesPerArticle:F0} bytes per indexed article");
    }
}
