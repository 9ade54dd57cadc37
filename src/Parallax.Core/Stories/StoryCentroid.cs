using System.Runtime.InteropServices;

namespace Parallax.Core.Stories;

/// <summary>
/// The sum of a story's report vectors. Its cosine with a report is the report's similarity to the story;
/// a centroid of one report is that report, so a pair of texts is scored by exactly the same code.
/// Bounded: only the heaviest features survive pruning.
/// </summary>
public sealed class StoryCentroid
{
    private Dictionary<ulong, float> sums = new();
    private double normSquared;

    public int Count => sums.Count;

    public double Norm => Math.Sqrt(normSquared);

    public void Add(FeatureVector vector)
    {
        var keys = vector.Keys;
        var weights = vector.Weights;
        for (var i = 0; i < keys.Length; i++)
        {
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, keys[i], out _);
            var before = sum;
            sum += weights[i];
            normSquared += ((double)sum * sum) - ((double)before * before);
        }
    }

    public void Add(StoryCentroid other)
    {
        foreach (var (key, weight) in other.sums)
        {
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, key, out _);
            var before = sum;
            sum += weight;
            normSquared += ((double)sum * sum) - ((double)before * before);
        }
    }

    /// <summary>Cosine between a unit report vector and this centroid.</summary>
    public double Cosine(FeatureVector vector)
    {
        if (normSquared <= 0 || vector.Count == 0)
        {
            return 0;
        }

        double dot = 0;
        var keys = vector.Keys;
        var weights = vector.Weights;
        for (var i = 0; i < keys.Length; i++)
        {
            if (sums.TryGetValue(keys[i], out var sum))
            {
                dot += weights[i] * sum;
            }
        }

        return Math.Clamp(dot / Math.Sqrt(normSquared), 0, 1);
    }

    /// <summary>Cosine between two centroids; iterates the smaller one.</summary>
    public double Cosine(StoryCentroid other)
    {
        if (normSquared <= 0 || other.normSquared <= 0)
        {
            return 0;
        }

        var (small, large) = sums.Count <= other.sums.Count ? (sums, other.sums) : (other.sums, sums);
        double dot = 0;
        foreach (var (key, weight) in small)
        {
            if (large.TryGetValue(key, out var w))
            {
                dot += weight * w;
            }
        }

        return Math.Clamp(dot / Math.Sqrt(normSquared * other.normSquared), 0, 1);
    }

    /// <summary>
    /// Cosine between two centroids over ordinary words only (no names, no numbers): how alike their topics are,
    /// whoever the event is about. Used for related stories.
    /// </summary>
    public double TopicCosine(StoryCentroid other)
    {
        double dot = 0, normA = 0, normB = 0;
        foreach (var (key, weight) in sums)
        {
            if (StoryFeatures.KindOf(key) == FeatureKind.Term)
            {
                normA += (double)weight * weight;
                if (other.sums.TryGetValue(key, out var w))
                {
                    dot += weight * w;
                }
            }
        }

        foreach (var (key, weight) in other.sums)
        {
            if (StoryFeatures.KindOf(key) == FeatureKind.Term)
            {
                normB += (double)weight * weight;
            }
        }

        return normA <= 0 || normB <= 0 ? 0 : Math.Clamp(dot / Math.Sqrt(normA * normB), 0, 1);
    }

    /// <summary>Keeps the <paramref name="max"/> heaviest features once the centroid grows half as large again.</summary>
    public void Prune(int max)
    {
        if (sums.Count <= max + (max / 2))
        {
            return;
        }

        var keys = new ulong[sums.Count];
        var weights = new float[sums.Count];
        var i = 0;
        foreach (var (key, weight) in sums)
        {
            keys[i] = key;
            weights[i] = weight;
            i++;
        }

        Array.Sort(weights, keys);
        var kept = new Dictionary<ulong, float>(max);
        normSquared = 0;
        for (var j = keys.Length - max; j < keys.Length; j++)
        {
            kept[keys[j]] = weights[j];
            normSquared += (double)weights[j] * weights[j];
        }

        sums = kept;
    }

    /// <summary>The keys of the <paramref name="count"/> heaviest features, heaviest first.</summary>
    public ulong[] Top(int count)
    {
        var heap = new PriorityQueue<ulong, float>(count + 1);
        foreach (var (key, weight) in sums)
        {
            if (heap.Count < count)
            {
                heap.Enqueue(key, weight);
            }
            else if (heap.TryPeek(out _, out var lightest) && weight > lightest)
            {
                heap.DequeueEnqueue(key, weight);
            }
        }

        var top = new ulong[heap.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            top[i] = heap.Dequeue();
        }

        return top;
    }

    /// <summary>The weight of each of the given keys in this centroid (0 when absent), for retrieval.</summary>
    public float WeightOf(ulong key) => sums.TryGetValue(key, out var w) ? w : 0;
}
