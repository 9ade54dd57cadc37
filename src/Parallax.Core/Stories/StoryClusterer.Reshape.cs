namespace Parallax.Core.Stories;

/// <summary>
/// The other half of online clustering: after a join, a story that turns out to be the same as a neighbour is
/// merged with it, and one that turns out to be two is split, so early mistakes are undone as a topic grows.
/// </summary>
public sealed partial class StoryClusterer
{
    /// <summary>Merges the story with open stories that turn out to be the same story; returns the surviving id.</summary>
    private int MergeNeighbours(int story, ref List<int>? merged)
    {
        // A report can bridge at most a few stories; bounding the rounds bounds the work per report.
        for (var round = 0; round < 3; round++)
        {
            var state = open[story];
            var any = false;
            foreach (var candidate in open.Candidates(state.Centroid.Top(options.QueryTerms), state.Centroid, story, MergeCandidates))
            {
                var other = open[candidate];
                var time = state.TimeFactor(other, options);
                var similarity = state.Centroid.Cosine(other.Centroid) * time;
                if (similarity >= options.MergeThreshold && state.Local.Cosine(other.Local) * time >= options.LocalJoinThreshold)
                {
                    var kept = Merge(story, candidate);
                    (merged ??= []).Add(kept == story ? candidate : story);
                    story = kept;
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                break;
            }
        }

        return story;
    }

    private int Merge(int a, int b)
    {
        // The older story (smaller id) survives, so ids and titles stay stable for readers.
        var (keep, gone) = a < b ? (a, b) : (b, a);
        var keepState = open[keep];
        var goneState = open[gone];
        keepState.Centroid.Add(goneState.Centroid);
        keepState.Centroid.Prune(options.MaxCentroidFeatures);
        keepState.Local.Add(goneState.Local);
        keepState.Local.Prune(options.MaxCentroidFeatures);
        keepState.Widen(goneState.Start);
        keepState.Widen(goneState.End);
        if (goneState.Embedding is not null)
        {
            keepState.Embedding?.Absorb(goneState.Embedding);
        }

        open.Close(gone);
        parent[gone] = keep;
        reportCount[keep] += reportCount[gone];
        keepState.Absorb(goneState, options.MaxSplitMembers);
        if (firstReport[gone] < firstReport[keep])
        {
            firstReport[keep] = firstReport[gone];
        }

        open.Reindex(keep);
        open.Touch(keep);
        return keep;
    }

    /// <summary>
    /// A story that turns out to be two is split: at a few sizes the members are bisected (2-means on their
    /// vectors) and, when the halves are less alike than <see cref="StoryOptions.SplitThreshold"/> (below the merge
    /// threshold, so the halves are not merged straight back), the half without the story's first report becomes a
    /// new story. Early mistakes, made while a topic's first reports look alike, are undone this way. Stories larger
    /// than <see cref="StoryOptions.MaxSplitMembers"/> are settled and keep no member vectors.
    /// </summary>
    /// <returns>The report's story after any split, and the story split off (-1 when none).</returns>
    private (int Story, int SplitOff) SplitIfTwo(int story, int article)
    {
        var state = open[story];
        var members = state.Members;
        if (members is null || members.Count < 4 || (members.Count > 16 && members.Count % 2 != 0)
            || members.Count(m => m.Short) * 2 >= members.Count)
        {
            // A story of mostly short reports joined on their embeddings: their few words would split it wrongly.
            return (story, -1);
        }

        var (left, right, similarity) = StoryBisection.Bisect(members, state.Centroid);
        if (left.Count < 2 || right.Count < 2
            || similarity >= options.SplitThreshold)
        {
            return (story, -1);
        }

        var first = firstReport[story];
        var (stay, leave) = left.Exists(m => m.Article == first) ? (left, right) : (right, left);
        var created = parent.Count;
        parent.Add(created);
        var leaveFirst = int.MaxValue;
        foreach (var member in leave)
        {
            articleStory[member.Article] = created;
            leaveFirst = Math.Min(leaveFirst, member.Article);
        }

        firstReport.Add(leaveFirst);
        reportCount.Add(leave.Count);
        reportCount[story] -= leave.Count;

        var moved = new OpenStory();
        moved.Rebuild(leave, state, leaveFirst, null, null);
        state.Rebuild(stay, state, first, state.Embedding?.FirstPassage, state.Embedding?.FirstStored);
        open[created] = moved;
        open.Reindex(story);
        open.Reindex(created);
        open.Touch(story);
        open.Touch(created);
        return (StoryOf(article), created);
    }
}
