namespace Parallax.Core.Stories;

/// <summary>What the clusterer keeps of an open story: its centroids, its members while it can still be split, its time span.</summary>
internal sealed class OpenStory
{
    /// <param name="Short">A short report (<see cref="StoryOptions.ShortReportWords"/>): too few words to split a story by.</param>
    public readonly record struct Member(int Article, FeatureVector Vector, FeatureVector Local, float[]? Embedding, bool Short);

    public StoryCentroid Centroid { get; private set; } = new();

    /// <summary>The same sum over stream-only weighted vectors, for the event-level check.</summary>
    public StoryCentroid Local { get; private set; } = new();

    /// <summary>The member reports' vectors while the story is small enough to be split; null after.</summary>
    public List<Member>? Members { get; private set; } = [];

    public ulong[] Indexed { get; set; } = [];

    /// <summary>The story's embeddings for the cascade; null without an embedder.</summary>
    public StoryEmbedding? Embedding { get; set; }

    public long Stamp { get; set; }

    /// <summary>Earliest and latest known publication time (UTC ticks), 0 when none is known.</summary>
    public long Start { get; private set; }

    public long End { get; private set; }

    public void Remember(Member member, int max)
    {
        if (Members is not null)
        {
            Members.Add(member);
            if (Members.Count > max)
            {
                Members = null;
            }
        }
    }

    public void Absorb(OpenStory other, int max)
    {
        if (Members is not null && other.Members is not null && Members.Count + other.Members.Count <= max)
        {
            Members.AddRange(other.Members);
        }
        else
        {
            Members = null;
        }
    }

    /// <summary>
    /// Rebuilds the centroid from the given members (after a split); time span carried over. The embedding sum is
    /// rebuilt from the members embedded so far (the half keeping the first report keeps its passage).
    /// </summary>
    public void Rebuild(List<Member> members, OpenStory from, int firstArticle, string? firstPassage, float[]? firstStored)
    {
        var centroid = new StoryCentroid();
        var local = new StoryCentroid();
        var embedding = from.Embedding is null ? null : new StoryEmbedding(firstArticle, firstPassage, firstStored);
        foreach (var member in members)
        {
            centroid.Add(member.Vector);
            local.Add(member.Local);
            embedding?.Add(member.Article, member.Embedding);
        }

        Embedding = embedding;

        Centroid = centroid;
        Local = local;
        Members = members;
        Widen(from.Start);
        Widen(from.End);
    }

    public void Widen(long ticks)
    {
        if (ticks == 0)
        {
            return;
        }

        Start = Start == 0 ? ticks : Math.Min(Start, ticks);
        End = Math.Max(End, ticks);
    }

    public double TimeFactor(long ticks, StoryOptions options) => StoryScoring.TimeFactor(ticks, Start, End, options);

    /// <summary>Spans that overlap get 1; otherwise the nearer end of the other span decides.</summary>
    public double TimeFactor(OpenStory other, StoryOptions options) =>
        other.Start == 0 ? 1 : Math.Max(TimeFactor(other.Start, options), TimeFactor(other.End, options));
}
