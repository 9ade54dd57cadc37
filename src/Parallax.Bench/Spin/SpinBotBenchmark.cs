using Parallax.Core.Extraction;
using Parallax.Core.Identity;
using Parallax.Core.Pipeline;
using Parallax.Core.Spin;

namespace Parallax.Bench.Spin;

/// <summary>The spin figures of one half of the SpinBot set.</summary>
/// <param name="Set">"calibration" or "held out" (see <see cref="SpinBotDocument.Calibration"/>).</param>
/// <param name="Documents">Spun documents (each with its original).</param>
/// <param name="Flagged">Spun documents scoring above the threshold that flags at most 1% of the ECB+ articles.</param>
/// <param name="OriginalsFlagged">Originals scoring above it.</param>
/// <param name="FlaggedShipped">Spun documents at or above the shipped threshold.</param>
/// <param name="MedianSpun">Median score of the spun documents.</param>
/// <param name="MedianOriginal">Median score of the originals.</param>
/// <param name="Unlinked">Substitutions restored by the analyser alone (<see cref="SpinAnalyzer.Restore"/>).</param>
/// <param name="Linked">Spun copies linked to their own original, originals and copies analysed together.</param>
/// <param name="WhenLinked">Over the linked copies: substitutions restored in their restored text (the analyse result).</param>
internal sealed record SpinBotSetFigures(
    string Set, int Documents, int Flagged, int OriginalsFlagged, int FlaggedShipped, double MedianSpun,
    double MedianOriginal, SubstitutionCount Unlinked, int Linked, SubstitutionCount WhenLinked)
{
    public double FlaggedShare => Documents == 0 ? 0 : (double)Flagged / Documents;

    public double LinkedShare => Documents == 0 ? 0 : (double)Linked / Documents;
}

/// <summary>Every SpinBot figure: both halves, all documents, and the ECB+ threshold they were read at.</summary>
/// <param name="NotLinked">Each spun copy not linked to its original, with how the two compare.</param>
internal sealed record SpinBotFigures(
    IReadOnlyList<SpinBotSetFigures> Sets, double Threshold, int EcbArticles, int EcbFlagged, double ShippedThreshold,
    IReadOnlyList<string> NotLinked, int EcbSpunLinks);

/// <summary>
/// Spin on real spinner output (SpinBot on Wikipedia): detection at a threshold fixed by natural news (the score that
/// flags at most 1% of the ECB+ articles), restoration without the original, and spun-copy linking and restoration from
/// the original when originals and copies go through one session together, as `analyze` runs them.
/// </summary>
internal static class SpinBotBenchmark
{
    public static SpinBotFigures Run(
        IReadOnlyList<SpinBotDocument> documents, IReadOnlyList<string> naturalNews, ParallaxPipeline pipeline,
        CancellationToken ct)
    {
        var analyzer = pipeline.Spin;
        var natural = naturalNews.AsParallel().AsOrdered().WithCancellation(ct).Select(t => analyzer.Analyze(t).Score).ToList();
        var threshold = SpinBenchmark.ThresholdForFalsePositiveRate(natural, 0.01);

        var read = documents.AsParallel().AsOrdered().WithCancellation(ct).Select(d => (
            Spun: analyzer.Analyze(d.Spun).Score, Original: analyzer.Analyze(d.Original).Score,
            Unlinked: SubstitutionCount.Of(d.Original, d.Spun, analyzer.Restore(d.Spun)))).ToList();
        var linked = Linked(documents, pipeline);

        var sets = new List<SpinBotSetFigures>();
        foreach (var (name, keep) in new (string, Func<int, bool>)[]
        {
            ("calibration", i => documents[i].Calibration(i, documents.Count)),
            ("held out", i => !documents[i].Calibration(i, documents.Count)),
            ("all", _ => true),
        })
        {
            var indexes = Enumerable.Range(0, documents.Count).Where(keep).ToList();
            sets.Add(new SpinBotSetFigures(
                name, indexes.Count, indexes.Count(i => read[i].Spun > threshold),
                indexes.Count(i => read[i].Original > threshold),
                indexes.Count(i => read[i].Spun >= analyzer.Options.SpunThreshold),
                Medians.Of(indexes.Select(i => read[i].Spun)), Medians.Of(indexes.Select(i => read[i].Original)),
                indexes.Aggregate(default(SubstitutionCount), (sum, i) => sum + read[i].Unlinked),
                indexes.Count(i => linked[i].Linked),
                indexes.Where(i => linked[i].Linked).Aggregate(default(SubstitutionCount), (sum, i) => sum + linked[i].Restored)));
        }

        var notLinked = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (!linked[i].Linked)
            {
                var d = documents[i];
                var c = CopyIndex.Compare(new CopyCandidate("o", "", d.Original, null, null), new CopyCandidate("s", "", d.Spun, null, null));
                notLinked.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{d.Id}: words {c.Words:0.00}, skeleton {c.Skeleton:0.00}, sequence {c.Sequence:0.00}, contained {c.AInB:0.00}/{c.BInA:0.00}"));
            }
        }

        return new SpinBotFigures(
            sets, threshold, natural.Count, natural.Count(s => s > threshold), analyzer.Options.SpunThreshold, notLinked,
            SpunLinksAmong(naturalNews, pipeline));
    }

    // Natural news has no spun copies: every spun-copy link among its articles (read as the pipeline reads them) is a
    // false one, the price of a looser linking rule.
    private static int SpunLinksAmong(IReadOnlyList<string> texts, ParallaxPipeline pipeline)
    {
        var index = new CopyIndex(pipeline.Options.Copies);
        var links = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var id = "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            index.Add(new CopyCandidate(id, "", texts[i], null, null));
        }

        for (var i = 0; i < texts.Count; i++)
        {
            links += index.LinkOf("n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Kind is CopyKind.SpunCopy ? 1 : 0;
        }

        return links;
    }

    // Originals first, then the spun copies, through one session and collector, as `analyze` would take the files.
    private static List<(bool Linked, SubstitutionCount Restored)> Linked(
        IReadOnlyList<SpinBotDocument> documents, ParallaxPipeline pipeline)
    {
        var session = pipeline.CreateSession();
        var collector = new AnalysisCollector();
        var inputs = documents.Select(d => ("o-" + d.Id, d.Original))
            .Concat(documents.Select(d => ("s-" + d.Id, d.Spun))).ToList();
        var prepared = inputs.AsParallel().AsOrdered()
            .Select(x => pipeline.Prepare(x.Item1, Article(x.Item2), [])).ToList();
        for (var i = 0; i < inputs.Count; i++)
        {
            collector.Add(session.Add(prepared[i], inputs[i].Item1), prepared[i]);
        }

        var result = collector.Build(session).Articles.ToDictionary(a => a.Id);
        return [.. documents.Select(d =>
        {
            var copy = result["s-" + d.Id];
            var isLinked = copy.CopyOf == "o-" + d.Id && session.LinkOf(copy.Id)?.Kind is CopyKind.SpunCopy;
            return (isLinked, SubstitutionCount.Of(d.Original, d.Spun, isLinked ? copy.Spin.Restored ?? d.Spun : d.Spun));
        })];
    }

    // A document as the text extractor gives a .txt page: its first line the title, the rest its paragraphs.
    private static ExtractedArticle Article(string text)
    {
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ExtractedArticle("", null, null, null, null, "en", paragraphs);
    }

}
