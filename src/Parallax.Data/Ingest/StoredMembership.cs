namespace Parallax.Data.Ingest;

/// <summary>
/// The story the store holds for every stored article, by id, and its inverse (a story's members), kept in step
/// with the writes the coordinator makes. The coverage plan reads members here instead of asking the store, so that it
/// can run before the previous item's write has committed; both views change only through <see cref="Set"/>.
/// </summary>
internal sealed class StoredMembership
{
    private readonly Dictionary<long, long> storyOf;
    private readonly Dictionary<long, HashSet<long>> members = [];

    public StoredMembership(Dictionary<long, long> stored)
    {
        storyOf = stored;
        foreach (var (id, story) in stored)
        {
            Members(story).Add(id);
        }
    }

    /// <summary>The story the store holds article <paramref name="id"/> in.</summary>
    public long StoryOf(long id) => storyOf[id];

    /// <summary>The articles the store holds in a story (empty when none).</summary>
    public IReadOnlyCollection<long> MembersOf(long story) => members.TryGetValue(story, out var set) ? set : [];

    /// <summary>Records that the store holds article <paramref name="id"/> in <paramref name="story"/>.</summary>
    public void Set(long id, long story)
    {
        if (storyOf.TryGetValue(id, out var old))
        {
            if (old == story)
            {
                return;
            }

            members[old].Remove(id);
        }

        storyOf[id] = story;
        Members(story).Add(id);
    }

    private HashSet<long> Members(long story)
    {
        if (!members.TryGetValue(story, out var set))
        {
            set = [];
            members[story] = set;
        }

        return set;
    }
}
