namespace Parallax.Core.Identity;

/// <summary>
/// The copy groups threaded through the stored articles: every copy points at its group's root original, and each group's
/// members form a circular list, so that re-rooting a group visits its members only, never the whole index.
/// </summary>
internal sealed class CopyGroups(ChunkedList<StoredArticle> articles)
{
    /// <summary>Makes <paramref name="member"/> a copy in the group of <paramref name="root"/>.</summary>
    public void Join(int member, int root, CopyKind kind, double similarity)
    {
        ref var article = ref articles[member];
        article.Root = root;
        article.Kind = kind;
        article.Similarity = (float)similarity;
        Splice(root, member);
    }

    /// <summary>Makes <paramref name="newRoot"/> the original of the whole group of <paramref name="oldRoot"/>; returns every member's new link.</summary>
    public List<CopyLink> Reroot(int oldRoot, int newRoot, CopyRelation relation)
    {
        var changed = new List<CopyLink>();
        var kind = relation.Kind!.Value;
        var member = oldRoot;
        do
        {
            ref var article = ref articles[member];
            if (member == oldRoot)
            {
                article.Kind = kind;
                article.Similarity = (float)relation.Similarity;
            }
            else
            {
                article.Kind = Combine(article.Kind, kind);
                article.Similarity = Math.Min(article.Similarity, (float)relation.Similarity);
            }

            article.Root = newRoot;
            member = article.NextMember;
        }
        while (member != oldRoot);

        Splice(newRoot, oldRoot);
        for (member = articles[newRoot].NextMember; member != newRoot; member = articles[member].NextMember)
        {
            changed.Add(LinkOf(member)!);
        }

        return changed;
    }

    /// <summary>The link of an article to its root original; null when it is an original itself.</summary>
    public CopyLink? LinkOf(int index)
    {
        var article = articles[index];
        if (article.Root == index)
        {
            return null;
        }

        // The original's own credit names the first publisher; then the copy's credit line, unless the copy is spun
        // (spinners rewrite names too: "Ledger" becomes "Record"), where the original's source is surer.
        var root = articles[article.Root];
        var spun = article.Kind == CopyKind.SpunCopy || article.Spun;
        var publisher = root.Credit ?? (spun ? root.Source ?? article.Credit : article.Credit ?? root.Source);
        return new CopyLink(article.Id, root.Id, article.Kind, Math.Round(article.Similarity, 3), publisher);
    }

    /// <summary>Joins two circular member lists (each article starts as a list of itself).</summary>
    private void Splice(int a, int b)
    {
        var afterA = articles[a].NextMember;
        var afterB = articles[b].NextMember;
        articles[a].NextMember = afterB;
        articles[b].NextMember = afterA;
    }

    /// <summary>The weaker of two relations: a duplicate of a spun copy is a spun copy of the original.</summary>
    private static CopyKind Combine(CopyKind a, CopyKind b) =>
        a == CopyKind.SpunCopy || b == CopyKind.SpunCopy ? CopyKind.SpunCopy
        : a == CopyKind.Republication || b == CopyKind.Republication ? CopyKind.Republication
        : a == CopyKind.NearDuplicate || b == CopyKind.NearDuplicate ? CopyKind.NearDuplicate
        : CopyKind.Duplicate;
}
