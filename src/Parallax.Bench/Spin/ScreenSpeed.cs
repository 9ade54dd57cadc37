using System.Diagnostics;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;
using Parallax.Core.Spin;

namespace Parallax.Bench.Spin;

/// <summary>What the spin screen costs per article on real pages.</summary>
/// <param name="Articles">Articles screened (every article the extractor finds on the pages).</param>
/// <param name="LoadMilliseconds">Loading the shipped word data and trigram model the screen reads (once per process).</param>
/// <param name="ColdMedian">Median milliseconds per article on the first pass through a fresh analyser.</param>
/// <param name="ColdP90">90th percentile of the same.</param>
/// <param name="WarmMedian">Median on a second pass through the same analyser.</param>
/// <param name="WarmP90">90th percentile of the same.</param>
/// <param name="Passed">Articles the screen sent on to the full reading.</param>
internal sealed record ScreenSpeedFigures(
    int Articles, double LoadMilliseconds, double ColdMedian, double ColdP90, double WarmMedian, double WarmP90, int Passed);

/// <summary>
/// Times <see cref="SpinAnalyzer.Screen"/>, the part of spin analysis every article pays, over the articles of the
/// extraction benchmark's pages, one thread, in page order: a cold pass through a new analyser, then three warm ones.
/// </summary>
internal static class ScreenSpeed
{
    private const int WarmPasses = 3;

    public static ScreenSpeedFigures Run(IReadOnlyList<PageInput> pages)
    {
        var extractor = new HtmlExtractor();
        var texts = pages.SelectMany(p => extractor.Extract(p).Articles).Select(a => a.Text).ToList();
        var watch = Stopwatch.StartNew();
        var thesaurus = Thesaurus.Default;
        _ = thesaurus.Frequency("the");
        _ = thesaurus.Ngrams; // the screen weighs the text's fluency under the trigram model
        var load = watch.Elapsed.TotalMilliseconds;

        var analyzer = new SpinAnalyzer(thesaurus);
        var cold = Time(analyzer, texts, out var passed);
        // Warm is the steady state: each article's median over three further passes, so that one pass's interruptions
        // (another process on the core, a collection, code still being recompiled hot) do not move the figure.
        var passes = Enumerable.Range(0, WarmPasses).Select(_ => Time(analyzer, texts, out _)).ToList();
        var warm = Enumerable.Range(0, texts.Count).Select(i => Percentile([.. passes.Select(p => p[i])], 0.5)).ToArray();
        return new ScreenSpeedFigures(
            texts.Count, load, Percentile(cold, 0.5), Percentile(cold, 0.9), Percentile(warm, 0.5), Percentile(warm, 0.9), passed);
    }

    private static double[] Time(SpinAnalyzer analyzer, List<string> texts, out int passed)
    {
        var times = new double[texts.Count];
        passed = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var screen = analyzer.Screen(texts[i]);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            passed += screen.Passes ? 1 : 0;
        }

        return times;
    }

    private static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(p * sorted.Length))];
    }
}
