using Parallax.Core.Language;
using Parallax.Core.Pipeline;

namespace Parallax.Data.Ingest;

/// <summary>
/// Turns what the session did for one item into the store's write: the new articles with their final story, the
/// copy link (as the session resolves it now) of every article a change named, the stored articles that merges and
/// splits moved, the related stories of every story touched, and the embeddings the model computed on the way.
/// Stories are the session's numbers + 1.
/// </summary>
/// <param name="stored">The story the store holds for every stored article, and every story's members. After a merge
/// or a split the members of the stories the change names are compared with where the session has them now: no
/// database read, and a pass that grows with those stories, not with the store.</param>
internal sealed class ChangeWriter(ParallaxSession session, StoredMembership stored)
{
    public PageWrite Build(
        ItemWrite item, IngestSubmission submission, IReadOnlyList<PreparedArticle> articles, IReadOnlyList<long> ids,
        IReadOnlyList<SessionUpdate> updates, DateTimeOffset fetched)
    {
        var created = new List<NewArticle>(articles.Count);
        for (var i = 0; i < articles.Count; i++)
        {
            var prepared = articles[i];
            var extracted = prepared.Article;
            var language = extracted.Language
                ?? (prepared.Language.Language is { } found && found != TextAnalysis.Undetermined ? found : null);
            created.Add(new NewArticle(
                ids[i], submission.SourceId, IngestCoordinator.SourceName(extracted, submission.Url), extracted.Source,
                extracted.Url ?? submission.Url ?? submission.Page?.Url, submission.Path, extracted.Title ?? string.Empty, extracted.Author,
                extracted.Published, fetched, prepared.Text, prepared.Boilerplate, language, prepared.Spin.Score, prepared.Spin.Spun,
                prepared.Spin.Spun ? prepared.Spin.Restored : null, StoryOf(ids[i]), submission.PartialReason is not null));
        }

        var relinked = new SortedSet<long>(ids);
        var affected = new SortedSet<int>();
        var merges = new List<StoryMerge>();
        var absorbed = new HashSet<int>();
        foreach (var change in updates.SelectMany(u => u.Changes))
        {
            switch (change)
            {
                case CopyLinked linked:
                    relinked.Add(IngestCoordinator.IdOf(linked.ArticleId));
                    relinked.Add(IngestCoordinator.IdOf(linked.OriginalId));
                    break;
                case OriginalRerooted rerooted:
                    relinked.Add(IngestCoordinator.IdOf(rerooted.ArticleId));
                    relinked.Add(IngestCoordinator.IdOf(rerooted.FormerOriginalId));
                    break;
                case ReportBecameCopy became:
                    relinked.Add(IngestCoordinator.IdOf(became.ArticleId));
                    relinked.Add(IngestCoordinator.IdOf(became.OriginalId));
                    break;
                case StoriesMerged merged:
                    affected.Add(merged.Story);
                    affected.Add(merged.Absorbed);
                    absorbed.Add(merged.Absorbed);
                    merges.Add(new StoryMerge(merged.Absorbed + 1, merged.Story + 1));
                    break;
                case StorySplit split:
                    affected.Add(split.Story);
                    affected.Add(split.NewStory);
                    break;
            }
        }

        var links = relinked.Select(id =>
        {
            var key = IngestCoordinator.Key(id);
            var link = session.LinkOf(key);
            return new ArticleLink(
                id, link is null ? null : IngestCoordinator.IdOf(link.OriginalId), link?.Kind, link?.Similarity,
                link?.OriginalPublisher ?? session.PublisherOf(key));
        }).ToList();

        // After a merge or a split, every stored article that the session placed elsewhere moves with it: only an
        // article the store holds in a story the change names can have moved, so only those are compared.
        var moves = new List<ArticleMove>();
        if (affected.Count > 0)
        {
            var candidates = new SortedSet<long>();
            foreach (var story in affected)
            {
                candidates.UnionWith(stored.MembersOf(story + 1L));
            }

            foreach (var id in candidates)
            {
                var now = session.StoryOf(IngestCoordinator.Key(id)) + 1L;
                if (now != stored.StoryOf(id))
                {
                    moves.Add(new ArticleMove(id, now));
                }
            }
        }

        var touched = new SortedSet<long>(created.Select(a => a.StoryId).Concat(moves.Select(m => m.StoryId)));
        foreach (var story in affected.Where(s => !absorbed.Contains(s)))
        {
            touched.Add(story + 1);
        }

        var related = touched.Select(story => new StoryRelations(
            story, [.. session.Related((int)(story - 1)).Select(r => ((long)r.Story + 1, r.Similarity))])).ToList();
        var embeddings = updates.SelectMany(u => u.Embedded)
            .Select(e => new ArticleEmbeddingWrite(IngestCoordinator.IdOf(e.ArticleId), e.Vector)).ToList();
        return new PageWrite(item, created, links, moves, merges, related) { Embeddings = embeddings };
    }

    private long StoryOf(long articleId) => session.StoryOf(IngestCoordinator.Key(articleId)) + 1L;
}
