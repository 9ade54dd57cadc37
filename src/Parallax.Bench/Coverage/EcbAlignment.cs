using Parallax.Core.Coverage;
using Parallax.Core.Language;

namespace Parallax.Bench.Coverage;

/// <summary>Pairwise precision, recall and F1 of aligned sentence pairs.</summary>
internal sealed record PairScore(double Threshold, int Predicted, int Correct, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// ECB+ sentence alignment: each event's documents are a story whose reports are their annotated sentences, each read
/// and compared as `parallax align` reads and compares a pair (<see cref="CoverageBuilder.ReadSentence"/>,
/// <see cref="CoverageBuilder.Matcher"/>); the pairs of sentences of different documents that one shared claim holds
/// are the predicted aligned pairs, against
/// the gold pairs (a common event instance). The threshold is tuned on topics 1-22 and reported on 23-45, and a
/// TF-IDF sentence cosine, its threshold tuned the same way, is the baseline.
/// </summary>
internal static class EcbAlignment
{
    public static IEnumerable<double> Grid() => Enumerable.Range(0, 37).Select(i => Math.Round(0.02 + i * 0.02, 2));

    public static PairScore Coverage(IReadOnlyList<EcbSentence> sentences, double threshold, ClaimVocabulary vocabulary, LanguageAnalyzer language,
        CoverageOptions? baseOptions = null, Func<Claim, float[]?>? embed = null)
    {
        baseOptions ??= CoverageOptions.Default;
        var options = baseOptions with { SameClaimThreshold = threshold, ConflictThreshold = Math.Min(threshold, baseOptions.ConflictThreshold) };
        // The builder's matcher and sentence reading are those of `parallax align`; the aligner groups with that decision.
        var builder = new CoverageBuilder(options, vocabulary: vocabulary);
        var aligner = new ClaimAligner(builder.Matcher);
        int predicted = 0, correct = 0, gold = 0;
        foreach (var ev in sentences.GroupBy(s => s.Event))
        {
            var list = ev.ToList();
            gold += GoldPairs(list);
            var claims = new List<Claim>();
            var sentenceOf = new Dictionary<Claim, EcbSentence>(ReferenceEqualityComparer.Instance);
            foreach (var s in list)
            {
                // Each sentence is read whole as one claim, by the reading `parallax align` uses.
                if (builder.ReadSentence($"{s.Document}#{s.Number}", s.Text, language) is { } claim)
                {
                    // Documents, not sentences, are the reports: two sentences of one document never share a claim.
                    claim = claim with { Article = s.Document };
                    claims.Add(claim);
                    sentenceOf[claim] = s;
                }
            }

            foreach (var group in aligner.Align(claims, embed).Groups)
            {
                for (var i = 0; i < group.Count; i++)
                {
                    for (var j = i + 1; j < group.Count; j++)
                    {
                        if (group[i].Article == group[j].Article)
                        {
                            continue;
                        }

                        predicted++;
                        if (sentenceOf[group[i]].Instances.Overlaps(sentenceOf[group[j]].Instances))
                        {
                            correct++;
                        }
                    }
                }
            }
        }

        return new PairScore(threshold, predicted, correct, gold);
    }

    /// <summary>The baseline: every cross-document pair whose TF-IDF cosine reaches the threshold is aligned.</summary>
    public static PairScore Baseline(IReadOnlyList<EcbSentence> sentences, double threshold, TfIdf tfidf)
    {
        int predicted = 0, correct = 0, gold = 0;
        foreach (var ev in sentences.GroupBy(s => s.Event))
        {
            var list = ev.ToList();
            gold += GoldPairs(list);
            var vectors = list.ConvertAll(s => tfidf.Vector(s.Text));
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (list[i].Document != list[j].Document && TfIdf.Cosine(vectors[i], vectors[j]) >= threshold)
                    {
                        predicted++;
                        if (list[i].Instances.Overlaps(list[j].Instances))
                        {
                            correct++;
                        }
                    }
                }
            }
        }

        return new PairScore(threshold, predicted, correct, gold);
    }

    /// <summary>
    /// Gold pairs (two documents, a common instance: the same thing reported) that the matcher calls a negation
    /// conflict, out of the gold pairs it reads both sentences of. Nearly every one is false: ECB+ annotates
    /// reports of one event, not denials.
    /// </summary>
    public static (int Negations, int Pairs) NegationConflicts(IReadOnlyList<EcbSentence> sentences, ClaimVocabulary vocabulary, LanguageAnalyzer language)
    {
        var builder = new CoverageBuilder(vocabulary: vocabulary);
        int negations = 0, pairs = 0;
        foreach (var ev in sentences.GroupBy(s => s.Event))
        {
            var list = ev.ToList();
            var claims = list.ConvertAll(s => builder.ReadSentence($"{s.Document}#{s.Number}", s.Text, language));
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (claims[i] is { } a && claims[j] is { } b && list[i].Document != list[j].Document && list[i].Instances.Overlaps(list[j].Instances))
                    {
                        pairs++;
                        negations += builder.Matcher.Conflict(a, b)?.Kind == "negation" ? 1 : 0;
                    }
                }
            }
        }

        return (negations, pairs);
    }

    private static int GoldPairs(List<EcbSentence> list)
    {
        var n = 0;
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                if (list[i].Document != list[j].Document && list[i].Instances.Overlaps(list[j].Instances))
                {
                    n++;
                }
            }
        }

        return n;
    }
}

/// <summary>A plain TF-IDF sentence vector (lower-case words, smoothed IDF over the sentences it was built from).</summary>
internal sealed class TfIdf
{
    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);
    private readonly double unseen;

    public TfIdf(IEnumerable<string> texts)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        foreach (var text in texts)
        {
            n++;
            foreach (var w in Words(text).Distinct())
            {
                df[w] = df.GetValueOrDefault(w) + 1;
            }
        }

        foreach (var (w, d) in df)
        {
            idf[w] = Math.Log((1.0 + n) / (1.0 + d)) + 1;
        }

        unseen = Math.Log(1.0 + n) + 1;
    }

    public Dictionary<string, double> Vector(string text)
    {
        var v = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var w in Words(text))
        {
            v[w] = v.GetValueOrDefault(w) + idf.GetValueOrDefault(w, unseen);
        }

        var norm = Math.Sqrt(v.Values.Sum(x => x * x));
        foreach (var k in v.Keys.ToList())
        {
            v[k] /= norm == 0 ? 1 : norm;
        }

        return v;
    }

    public static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        double sum = 0;
        foreach (var (k, x) in a)
        {
            if (b.TryGetValue(k, out var y))
            {
                sum += x * y;
            }
        }

        return sum;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
