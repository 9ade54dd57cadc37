using System.Runtime.InteropServices;

namespace Parallax.Core.Stories;

/// <summary>
/// The open stories of a stream and how they are found: an inverted index from each story's heaviest features to
/// the story, so the candidates of a report are found without scanning every story, and the closing of stories by
/// age (published time, against the latest report seen) and by count, least recently updated first, which bounds
/// memory. <see cref="StoryClusterer"/> decides; this keeps what it decides about. Not thread-safe.
/// </summary>
internal sealed class OpenStoryIndex(StoryOptions options)
{
    private readonly Dictionary<int, OpenStory> open = new();
    private readonly Dictionary<ulong, HashSet<int>> index = new();
    private readonly Queue<(int Story, long Stamp)> recency = new();
    private long stamp;
    private long latestTicks;

    public int Count => open.Count;

    public OpenStory this[int story]
    {
        get => open[story];
        set => open[story] = value;
    }

    public bool ContainsKey(int story) => open.ContainsKey(story);

    public bool TryGetValue(int story, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out OpenStory state) => open.TryGetValue(story, out state);

    /// <summary>
    /// The open stories nearest to a report's embedding, nearest first, at most <paramref name="max"/>; only stories
    /// already embedded count (nothing is embedded here). A scan: 384 products per open story, a fraction of one
    /// model call for thousands of stories, and only short reports ask.
    /// </summary>
    public List<int> NearestByEmbedding(float[] report, int max)
    {
        var scored = new List<(int Story, double Cosine)>();
        foreach (var (story, state) in open)
        {
            if (state.Embedding?.KnownCosine(report) is { } cosine)
            {
                scored.Add((story, cosine));
            }
        }

        // Ties by story id, so the result does not depend on the dictionary's order.
        scored.Sort((a, b) => b.Cosine != a.Cosine ? b.Cosine.CompareTo(a.Cosine) : a.Story.CompareTo(b.Story));
        return scored.Take(max).Select(s => s.Story).ToList();
    }

    /// <summary>Notes a report's published time: stories are closed by age against the latest one seen.</summary>
    public void See(long ticks)
    {
        if (ticks > latestTicks)
        {
            latestTicks = ticks;
        }
    }

    /// <summary>
    /// Open stories sharing heavy features with the query, best first by summed weight, at most
    /// <see cref="StoryOptions.MaxCandidates"/>. Index entries held by too many stories are skipped.
    /// </summary>
    public List<int> Candidates(ulong[] query, StoryCentroid? weights, int exclude, int max = 0)
    {
        max = max > 0 ? max : options.MaxCandidates;
        if (open.Count <= max + 1)
        {
            // Few open stories (a handful of pages): score them all. The heaviest features of a report in a tiny
            // collection are its own unique words, so retrieval by them could miss what it shares with a story.
            var all = new List<int>(open.Count);
            foreach (var s in open.Keys)
            {
                if (s != exclude)
                {
                    all.Add(s);
                }
            }

            return all;
        }

        var scores = new Dictionary<int, float>();
        for (var i = 0; i < query.Length; i++)
        {
            if (!index.TryGetValue(query[i], out var stories) || stories.Count > options.MaxPostingScan)
            {
                continue;
            }

            // Earlier query keys are heavier; weight them so without needing the report's own weights.
            var weight = weights?.WeightOf(query[i]) ?? (1f / (1 + i));
            foreach (var s in stories)
            {
                if (s == exclude)
                {
                    continue;
                }

                ref var score = ref CollectionsMarshal.GetValueRefOrAddDefault(scores, s, out _);
                score += weight;
            }
        }

        var ids = new int[scores.Count];
        var keys = new float[scores.Count];
        var n = 0;
        foreach (var (s, score) in scores)
        {
            ids[n] = s;
            keys[n] = -score;
            n++;
        }

        if (n > max)
        {
            Array.Sort(keys, ids);
            n = max;
        }

        return new List<int>(ids.AsSpan(0, n).ToArray());
    }

    public void Reindex(int story)
    {
        var state = open[story];
        var top = state.Centroid.Top(options.IndexTerms);
        foreach (var key in state.Indexed)
        {
            if (Array.IndexOf(top, key) < 0 && index.TryGetValue(key, out var stories))
            {
                stories.Remove(story);
                if (stories.Count == 0)
                {
                    index.Remove(key);
                }
            }
        }

        foreach (var key in top)
        {
            if (Array.IndexOf(state.Indexed, key) < 0)
            {
                ref var stories = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out _);
                stories ??= [];
                stories.Add(story);
            }
        }

        state.Indexed = top;
    }

    public void Touch(int story)
    {
        var state = open[story];
        state.Stamp = ++stamp;
        recency.Enqueue((story, state.Stamp));
    }

    /// <summary>Closes the least recently updated stories beyond the count limit, and those older than the window.</summary>
    public void CloseOld()
    {
        var window = options.OpenWindow.Ticks;
        while (recency.TryPeek(out var entry))
        {
            if (!open.TryGetValue(entry.Story, out var state) || state.Stamp != entry.Stamp)
            {
                recency.Dequeue(); // stale entry: the story was touched again, merged or closed
                continue;
            }

            var tooMany = open.Count > options.MaxOpenStories;
            var tooOld = latestTicks != 0 && state.End != 0 && latestTicks - state.End > window;
            if (!tooMany && !tooOld)
            {
                break;
            }

            recency.Dequeue();
            Close(entry.Story);
        }
    }

    public void Close(int story)
    {
        var state = open[story];
        foreach (var key in state.Indexed)
        {
            if (index.TryGetValue(key, out var stories))
            {
                stories.Remove(story);
                if (stories.Count == 0)
                {
                    index.Remove(key);
                }
            }
        }

        open.Remove(story);
    }
}
