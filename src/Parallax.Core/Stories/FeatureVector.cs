namespace Parallax.Core.Stories;

/// <summary>
/// A report as a unit-length sparse vector of weighted features, sorted by key. Weight of a feature:
/// (1 + ln tf) x idf x the weight of its kind; only the heaviest features are kept.
/// </summary>
public sealed class FeatureVector
{
    private int[]? byWeight;

    private FeatureVector(ulong[] keys, float[] weights)
    {
        Keys = keys;
        Weights = weights;
    }

    public static FeatureVector Empty { get; } = new([], []);

    public ulong[] Keys { get; }

    public float[] Weights { get; }

    public int Count => Keys.Length;

    /// <param name="streamOnly">Weights by the stream's own idf, without the general-English prior (the event-level check).</param>
    public static FeatureVector Build(Dictionary<ulong, FeatureTally> tally, DocumentFrequencies frequencies, StoryOptions options, bool streamOnly = false)
    {
        if (tally.Count == 0)
        {
            return Empty;
        }

        var keys = new ulong[tally.Count];
        var weights = new float[tally.Count];
        var i = 0;
        foreach (var (key, feature) in tally)
        {
            var kind = feature.Kind switch
            {
                FeatureKind.Entity => options.EntityWeight,
                FeatureKind.Number => options.NumberWeight,
                _ => 1f,
            };
            keys[i] = key;
            weights[i] = (1f + MathF.Log(feature.Count)) * (streamOnly ? frequencies.StreamIdf(key) : frequencies.Idf(key, feature.Background)) * kind;
            i++;
        }

        if (keys.Length > options.MaxDocumentFeatures)
        {
            // Keep the heaviest: sort by weight descending, cut.
            Array.Sort(weights, keys);
            var cut = keys.Length - options.MaxDocumentFeatures;
            keys = keys[cut..];
            weights = weights[cut..];
        }

        Array.Sort(keys, weights);
        Normalise(weights);
        return new FeatureVector(keys, weights);
    }

    /// <summary>Cosine of two unit vectors: a merge over the sorted keys.</summary>
    public double Dot(FeatureVector other)
    {
        double sum = 0;
        int i = 0, j = 0;
        var a = Keys;
        var b = other.Keys;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                sum += Weights[i] * other.Weights[j];
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    /// <summary>
    /// The share of <see cref="Dot"/> carried by name features (<see cref="FeatureKind.Entity"/>): how much of a
    /// similarity rests on shared people and places rather than on what happened. 0 when nothing is shared.
    /// </summary>
    public double NameShare(FeatureVector other)
    {
        double all = 0, names = 0;
        int i = 0, j = 0;
        while (i < Keys.Length && j < other.Keys.Length)
        {
            if (Keys[i] == other.Keys[j])
            {
                var product = Weights[i] * other.Weights[j];
                all += product;
                names += StoryFeatures.KindOf(Keys[i]) == FeatureKind.Entity ? product : 0;
                i++;
                j++;
            }
            else if (Keys[i] < other.Keys[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return all <= 0 ? 0 : names / all;
    }

    /// <summary>Positions of the features from heaviest to lightest (computed once).</summary>
    public ReadOnlySpan<int> ByWeight()
    {
        if (byWeight is null)
        {
            var order = new int[Keys.Length];
            var negated = new float[Keys.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
                negated[i] = -Weights[i];
            }

            Array.Sort(negated, order);
            byWeight = order;
        }

        return byWeight;
    }

    private static void Normalise(float[] weights)
    {
        double sum = 0;
        foreach (var w in weights)
        {
            sum += w * w;
        }

        if (sum <= 0)
        {
            return;
        }

        var scale = (float)(1 / Math.Sqrt(sum));
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] *= scale;
        }
    }
}
