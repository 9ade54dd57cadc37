using Parallax.Core.Coverage;
using Parallax.Core.Language;

namespace Parallax.Bench.Coverage;

/// <summary>How well a pair score tells, inside one ECB+ event, the gold pairs from the other cross-document pairs.</summary>
/// <param name="Words">AUC of the decision's word similarity (<see cref="ClaimMatcher.Lexical"/>).</param>
/// <param name="TfIdf">AUC of the baseline's TF-IDF cosine.</param>
internal sealed record PairSeparation(double Words, double TfIdf);

/// <summary>
/// The area under the ROC curve of a pair score over the cross-document pairs of each event: 0.5 is chance, 1 a
/// perfect split. The annotated sentences of an event nearly all mention its main instance, so only a score that
/// separates the few other pairs well can group better than putting the whole event in one group (the baseline at
/// threshold 0); this says how far the words are from that.
/// </summary>
internal static class EcbSeparation
{
    public static PairSeparation Measure(IReadOnlyList<EcbSentence> sentences, ClaimVocabulary vocabulary, LanguageAnalyzer language, TfIdf tfidf)
    {
        var builder = new CoverageBuilder(vocabulary: vocabulary);
        var words = new List<(double Score, bool Gold)>();
        var cosine = new List<(double Score, bool Gold)>();
        foreach (var ev in sentences.GroupBy(s => s.Event))
        {
            var list = ev.ToList();
            // Read as EcbAlignment reads them: each sentence whole as one claim, the reading of `parallax align`.
            var claims = list.ConvertAll(s => builder.ReadSentence($"{s.Document}#{s.Number}", s.Text, language));
            var vectors = list.ConvertAll(s => tfidf.Vector(s.Text));
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (list[i].Document == list[j].Document)
                    {
                        continue;
                    }

                    var gold = list[i].Instances.Overlaps(list[j].Instances);
                    words.Add((claims[i] is { } a && claims[j] is { } b ? ClaimMatcher.Lexical(a, b) : 0, gold));
                    cosine.Add((TfIdf.Cosine(vectors[i], vectors[j]), gold));
                }
            }
        }

        return new PairSeparation(Auc(words), Auc(cosine));
    }

    /// <summary>The Mann-Whitney statistic: the chance a gold pair scores above another pair, ties counting half.</summary>
    public static double Auc(List<(double Score, bool Gold)> pairs)
    {
        var sorted = pairs.OrderBy(p => p.Score).ToList();
        double rankSum = 0;
        long positives = 0;
        for (var i = 0; i < sorted.Count;)
        {
            var end = i;
            while (end < sorted.Count && sorted[end].Score == sorted[i].Score)
            {
                end++;
            }

            // Tied scores share the mean of their ranks (1-based).
            var rank = (i + 1 + end) / 2.0;
            for (var k = i; k < end; k++)
            {
                if (sorted[k].Gold)
                {
                    rankSum += rank;
                    positives++;
                }
            }

            i = end;
        }

        var negatives = sorted.Count - positives;
        return positives == 0 || negatives == 0 ? 0.5 : (rankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
    }
}
