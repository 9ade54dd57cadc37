using Parallax.Core.Language;

namespace Parallax.Bench.Stories;

/// <summary>
/// The baseline of the issue: TF-IDF vectors (scikit-learn's defaults: lower-cased words of two or more characters,
/// raw term counts, smoothed idf ln((1+n)/(1+df))+1, unit length, no stop list) over the documents being clustered,
/// cosine similarity, and agglomerative average-link clustering cut at a similarity threshold. The dendrogram is
/// built once with the nearest-neighbour-chain algorithm (exact for average link, O(n^2)), so any threshold can be
/// read off it without rebuilding.
/// </summary>
internal sealed class AverageLinkBaseline
{
    private readonly List<(int A, int B, float Similarity)> merges;
    private readonly int count;

    private AverageLinkBaseline(int count, List<(int A, int B, float Similarity)> merges)
    {
        this.count = count;
        this.merges = merges;
    }

    public static AverageLinkBaseline Build(IReadOnlyList<string> texts)
    {
        var n = texts.Count;
        var vectors = Vectorise(texts);
        var similarity = new float[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var s = Dot(vectors[i], vectors[j]);
                similarity[(i * n) + j] = s;
                similarity[(j * n) + i] = s;
            }
        }

        var size = new int[n];
        var active = new bool[n];
        Array.Fill(size, 1);
        Array.Fill(active, true);
        var remaining = n;
        var chain = new List<int>();
        var merges = new List<(int, int, float)>(n);
        while (remaining > 1)
        {
            if (chain.Count == 0)
            {
                chain.Add(Array.IndexOf(active, true));
            }

            var a = chain[^1];
            var previous = chain.Count >= 2 ? chain[^2] : -1;
            var best = previous;
            var bestSimilarity = previous >= 0 ? similarity[(a * n) + previous] : float.NegativeInfinity;
            for (var c = 0; c < n; c++)
            {
                if (active[c] && c != a && similarity[(a * n) + c] > bestSimilarity)
                {
                    best = c;
                    bestSimilarity = similarity[(a * n) + c];
                }
            }

            if (best == previous)
            {
                chain.RemoveRange(chain.Count - 2, 2);
                merges.Add((previous, a, bestSimilarity));

                // Lance-Williams update for average link: the merged cluster lives in slot "previous".
                var (sp, sa) = (size[previous], size[a]);
                for (var k = 0; k < n; k++)
                {
                    if (active[k] && k != a && k != previous)
                    {
                        var s = ((sp * similarity[(previous * n) + k]) + (sa * similarity[(a * n) + k])) / (sp + sa);
                        similarity[(previous * n) + k] = s;
                        similarity[(k * n) + previous] = s;
                    }
                }

                size[previous] += sa;
                active[a] = false;
                remaining--;
            }
            else
            {
                chain.Add(best);
            }
        }

        return new AverageLinkBaseline(n, merges);
    }

    /// <summary>Cluster labels when every merge at or above the threshold is made.</summary>
    public int[] Cut(double threshold)
    {
        var parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            parent[i] = i;
        }

        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var (a, b, similarity) in merges)
        {
            if (similarity >= threshold)
            {
                parent[Find(a)] = Find(b);
            }
        }

        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = Find(i);
        }

        return labels;
    }

    internal static List<Dictionary<string, float>> Vectorise(IReadOnlyList<string> texts)
    {
        var counts = new List<Dictionary<string, float>>(texts.Count);
        var df = new Dictionary<string, int>();
        foreach (var text in texts)
        {
            var tf = new Dictionary<string, float>();
            foreach (var word in WordTokenizer.LowerWords(text))
            {
                if (word.Length >= 2)
                {
                    tf[word] = tf.GetValueOrDefault(word) + 1;
                }
            }

            foreach (var word in tf.Keys)
            {
                df[word] = df.GetValueOrDefault(word) + 1;
            }

            counts.Add(tf);
        }

        var n = texts.Count;
        foreach (var tf in counts)
        {
            double norm = 0;
            foreach (var word in tf.Keys)
            {
                var w = tf[word] * (float)(Math.Log((1.0 + n) / (1.0 + df[word])) + 1);
                tf[word] = w;
                norm += w * w;
            }

            var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0;
            foreach (var word in tf.Keys)
            {
                tf[word] *= scale;
            }
        }

        return counts;
    }

    internal static float Dot(Dictionary<string, float> a, Dictionary<string, float> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        float sum = 0;
        foreach (var (word, weight) in small)
        {
            if (large.TryGetValue(word, out var w))
            {
                sum += weight * w;
            }
        }

        return sum;
    }
}
