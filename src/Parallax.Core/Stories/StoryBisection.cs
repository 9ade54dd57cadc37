namespace Parallax.Core.Stories;

/// <summary>Splits a story's members in two (2-means on their vectors), to see whether it is really two stories.</summary>
internal static class StoryBisection
{
    public static (List<OpenStory.Member> Left, List<OpenStory.Member> Right, double Similarity) Bisect(
        List<OpenStory.Member> members, StoryCentroid centroid)
    {
        // Seeds: the member least like the story, then the member least like that one.
        var a = 0;
        var lowest = double.MaxValue;
        for (var i = 0; i < members.Count; i++)
        {
            var c = centroid.Cosine(members[i].Vector);
            if (c < lowest)
            {
                (a, lowest) = (i, c);
            }
        }

        var b = a == 0 ? 1 : 0;
        lowest = double.MaxValue;
        for (var i = 0; i < members.Count; i++)
        {
            var c = members[i].Vector.Dot(members[a].Vector);
            if (i != a && c < lowest)
            {
                (b, lowest) = (i, c);
            }
        }

        var side = new bool[members.Count];
        var leftCentroid = new StoryCentroid();
        var rightCentroid = new StoryCentroid();
        leftCentroid.Add(members[a].Vector);
        rightCentroid.Add(members[b].Vector);
        for (var round = 0; round < 5; round++)
        {
            var changed = false;
            for (var i = 0; i < members.Count; i++)
            {
                var right = rightCentroid.Cosine(members[i].Vector) > leftCentroid.Cosine(members[i].Vector);
                changed |= right != side[i] || round == 0;
                side[i] = right;
            }

            leftCentroid = new StoryCentroid();
            rightCentroid = new StoryCentroid();
            for (var i = 0; i < members.Count; i++)
            {
                (side[i] ? rightCentroid : leftCentroid).Add(members[i].Vector);
            }

            if (!changed)
            {
                break;
            }
        }

        var left = new List<OpenStory.Member>();
        var rightMembers = new List<OpenStory.Member>();
        for (var i = 0; i < members.Count; i++)
        {
            (side[i] ? rightMembers : left).Add(members[i]);
        }

        return (left, rightMembers, leftCentroid.Cosine(rightCentroid));
    }
}
