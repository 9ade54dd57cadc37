namespace Parallax.Core.Stories;

/// <summary>
/// The embedding side of one open story, for the cascade: the sum of the embeddings of its reports that were
/// embedded, and the passage of its first report, so that a story whose reports all joined on clear lexical evidence
/// can still be embedded the first time an ambiguous report meets it (one passage, once). Bounded: one passage and
/// one vector per open story.
/// </summary>
internal sealed class StoryEmbedding
{
    private float[]? sum;

    public StoryEmbedding(int firstArticle, string? firstPassage, float[]? firstStored)
    {
        FirstArticle = firstArticle;
        FirstPassage = firstPassage;
        FirstStored = firstStored;
    }

    public int FirstArticle { get; }

    public string? FirstPassage { get; }

    /// <summary>The first report's stored embedding (a replay), given in place of a model call on first need; else null.</summary>
    public float[]? FirstStored { get; }

    /// <summary>Whether the first report's embedding is in the sum (so it is not added twice).</summary>
    public bool HasFirst { get; private set; }

    public void Add(int article, float[]? embedding)
    {
        if (embedding is null)
        {
            return;
        }

        if (article == FirstArticle)
        {
            if (HasFirst)
            {
                return;
            }

            HasFirst = true;
        }

        if (sum is null)
        {
            sum = (float[])embedding.Clone();
            return;
        }

        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += embedding[i];
        }
    }

    public void Absorb(StoryEmbedding other)
    {
        if (other.sum is not null)
        {
            if (sum is null)
            {
                sum = (float[])other.sum.Clone();
            }
            else
            {
                for (var i = 0; i < sum.Length; i++)
                {
                    sum[i] += other.sum[i];
                }
            }
        }
    }

    /// <summary>Cosine with the story's mean embedding when it has one already (nothing is embedded); null otherwise.</summary>
    public double? KnownCosine(float[] report)
    {
        if (sum is null || sum.Length != report.Length)
        {
            return null;
        }

        double dot = 0, norm = 0;
        for (var i = 0; i < sum.Length; i++)
        {
            dot += report[i] * sum[i];
            norm += sum[i] * (double)sum[i];
        }

        return norm <= 0 ? 0 : dot / Math.Sqrt(norm);
    }

    /// <summary>
    /// Cosine of a report's embedding with the story's mean embedding, embedding the first report on first need;
    /// null when the story has nothing to embed (its half of a split kept no passage and no embedded report).
    /// </summary>
    /// <param name="embedFirst">Embeds the first report's passage (article, passage, stored embedding; counted by the caller).</param>
    /// <summary>
    /// Whether <see cref="Cosine"/> with a report of this length would ask the model for the first report's embedding:
    /// it is not in the sum yet, and no stored one is at hand.
    /// </summary>
    public bool NeedsFirstFromModel(int dimensions) =>
        !HasFirst && FirstPassage is not null && (sum is null || sum.Length == dimensions) && FirstStored?.Length != dimensions;

    public double? Cosine(float[] report, Func<int, string, float[]?, float[]> embedFirst)
    {
        if (!HasFirst && FirstPassage is not null && (sum is null || sum.Length == report.Length))
        {
            Add(FirstArticle, embedFirst(FirstArticle, FirstPassage, FirstStored));
        }

        return KnownCosine(report);
    }
}
