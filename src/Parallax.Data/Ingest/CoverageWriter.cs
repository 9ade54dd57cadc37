using Parallax.Core.Coverage;
using Parallax.Core.Pipeline;

namespace Parallax.Data.Ingest;

/// <summary>
/// The coverage comparison of every story an item changed, as the story stands once the item is written: its distinct
/// reports (copies add nothing; a spun report in its restored wording) through the pipeline's own coverage stage, the
/// one `analyze` uses. Only stories whose distinct reports may have changed are compared again (a report joined or
/// started it, articles moved in or out by a merge or a split, a stored article was relinked); a copy joining leaves
/// the comparison as it was. A stored report is read again from the store and given the language layer's reading of
/// its stored text, so that spans are offsets into the `text` the store serves.
/// </summary>
internal sealed class CoverageWriter(IParallaxStore store, ParallaxPipeline pipeline)
{
    /// <param name="created">The item's new articles, as prepared, in the order of <see cref="PageWrite.Articles"/>.</param>
    public async Task<IReadOnlyList<StoryCoverageWrite>> BuildAsync(
        ParallaxSession session, PageWrite write, IReadOnlyList<PreparedArticle> created, CancellationToken cancellationToken)
    {
        var fresh = new Dictionary<long, PreparedArticle>();
        for (var i = 0; i < write.Articles.Count; i++)
        {
            fresh[write.Articles[i].Id] = created[i];
        }

        var movedTo = write.Moves.ToDictionary(m => m.ArticleId, m => m.StoryId);
        var relinked = write.Links.Select(l => l.ArticleId).Where(id => !fresh.ContainsKey(id)).ToHashSet();
        var merged = write.Merges.Select(m => m.Into).ToHashSet();
        var result = new List<StoryCoverageWrite>();

        // Related lists every story the item touched (ChangeWriter), merged-away stories left out.
        foreach (var story in write.Related.Select(r => r.StoryId))
        {
            var before = await store.StoryMembersAsync(story, cancellationToken);
            var members = new SortedSet<long>(before.Where(id => !movedTo.TryGetValue(id, out var to) || to == story));
            members.UnionWith(write.Moves.Where(m => m.StoryId == story).Select(m => m.ArticleId));
            members.UnionWith(write.Articles.Where(a => a.StoryId == story).Select(a => a.Id));
            var changed = merged.Contains(story)
                || before.Any(id => movedTo.ContainsKey(id) || relinked.Contains(id))
                || write.Moves.Any(m => m.StoryId == story)
                || write.Articles.Any(a => a.StoryId == story && session.LinkOf(IngestCoordinator.Key(a.Id)) is null);
            if (!changed)
            {
                continue;
            }

            var reports = new List<CoverageReport>();
            foreach (var id in members)
            {
                var key = IngestCoordinator.Key(id);
                if (session.LinkOf(key) is not null)
                {
                    continue;
                }

                var prepared = fresh.TryGetValue(id, out var made) ? made : await StoredAsync(id, cancellationToken);
                if (prepared is not null)
                {
                    reports.Add(prepared.CoverageReport(key, pipeline.Language));
                }
            }

            try
            {
                result.Add(new StoryCoverageWrite(story, CoverageJson.Write(pipeline.Coverage.Build(reports, cancellationToken))));
            }
            catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
            {
                // A fault in the comparison must not cost the item its articles: the story keeps the comparison it had
                // and is compared again at its next change.
                _ = e;
            }
        }

        return result;
    }

    /// <summary>A stored article as coverage reads it: what replay gives the session, with the language layer's reading of its text.</summary>
    private async Task<PreparedArticle?> StoredAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.GetArticleAsync(id, cancellationToken) is not { } a)
        {
            return null;
        }

        var prepared = SessionReplay.ToPrepared(new ReplayArticle(a.Id, a.Title, a.Text, a.ExtractedSource, a.Published, a.Spun, a.RestoredText, a.StoryId, a.CopyOf));
        return prepared with { Language = pipeline.Language.Analyze(a.Title, a.Text, a.Published) };
    }
}
