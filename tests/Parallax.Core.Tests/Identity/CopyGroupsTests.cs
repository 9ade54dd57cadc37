using Parallax.Core.Identity;

namespace Parallax.Core.Tests.Identity;

/// <summary>
/// The group bookkeeping of the copy index (<see cref="CopyGroups"/>): joining, re-rooting a whole group through its
/// circular member list, and the weaker kind of two relations winning for members linked through the old root.
/// </summary>
public sealed class CopyGroupsTests
{
    private static (ChunkedList<StoredArticle> Articles, CopyGroups Groups) NewGroups(int count)
    {
        var articles = new ChunkedList<StoredArticle>(4);
        for (var i = 0; i < count; i++)
        {
            articles.Add(new StoredArticle
            {
                Id = $"a{i}",
                Source = $"Outlet {i}",
                Published = StoredArticle.NoDate,
                Root = i,
                NextMember = i,
                Kind = CopyKind.Duplicate,
                Similarity = 1,
                WordSketch = -1,
                SkeletonSketch = -1,
                SequenceSketch = -1,
                AnchorStart = -1,
            });
        }

        return (articles, new CopyGroups(articles));
    }

    [Fact]
    public void An_original_has_no_link_and_a_joined_copy_links_to_it_with_the_originals_source()
    {
        var (_, groups) = NewGroups(2);
        groups.Join(1, 0, CopyKind.NearDuplicate, 0.91234);

        Assert.Null(groups.LinkOf(0));
        Assert.Equal(new CopyLink("a1", "a0", CopyKind.NearDuplicate, 0.912, "Outlet 0"), groups.LinkOf(1));
    }

    [Fact]
    public void Rerooting_moves_every_member_to_the_new_root_and_keeps_the_weaker_kind()
    {
        var (articles, groups) = NewGroups(4);
        groups.Join(1, 0, CopyKind.Duplicate, 1);
        groups.Join(2, 0, CopyKind.SpunCopy, 0.5);

        var changed = groups.Reroot(0, 3, new CopyRelation(CopyKind.Republication, 0.8, 1.8, 0.4, 0.97, 0.4));

        Assert.Equal(["a0", "a1", "a2"], changed.Select(l => l.CopyId).Order(StringComparer.Ordinal));
        Assert.All(changed, link => Assert.Equal("a3", link.OriginalId));
        var kinds = changed.ToDictionary(l => l.CopyId, l => (l.Kind, l.Similarity));
        Assert.Equal((CopyKind.Republication, 0.8), kinds["a0"]);
        Assert.Equal((CopyKind.Republication, 0.8), kinds["a1"]);
        Assert.Equal((CopyKind.SpunCopy, 0.5), kinds["a2"]);
        Assert.Null(groups.LinkOf(3));

        // One circular list of all four: walking it from the root visits each member once.
        var seen = new List<int>();
        for (var m = articles[3].NextMember; m != 3; m = articles[m].NextMember)
        {
            seen.Add(m);
        }

        Assert.Equal([0, 1, 2], seen.Order());
    }
}
