using Parallax.Core.Analysis;
using Parallax.Core.Coverage;
using Parallax.Core.Pipeline;

namespace Parallax.Data.Ingest;

/// <summary>One story to compare again: its distinct reports in id order, each with its prepared form when it is new.</summary>
internal sealed record CoverageStory(long StoryId, IReadOnlyList<(long Id, PreparedArticle? Fresh)> Reports);

/// <summary>
/// The coverage comparison of every story an item changed, as the story stands once the item is written: its distinct
/// reports (copies add nothing; a spun report in its restored wording) through the pipeline's own coverage stage, the
/// one `analyze` uses. Only stories whose distinct reports may have changed are compared again (a report joined or
/// started it, articles moved in or out by a merge or a split, a stored article was relinked); a copy joining leaves
/// the comparison as it was. A stored report is read again from the store and given the language layer's reading of
/// its stored text, so that spans are offsets into the `text` the store serves.
/// The work is in two steps, so that the session can go on with the next item while this one is written:
/// <see cref="Plan"/> (which stories, which reports) reads the session right after the item's decisions, and
/// <see cref="BuildAsync"/> reads the stored reports and compares them, once every earlier item is written.
/// A story is compared again at every report that joins it until it reaches the comparison's bound on reports, so the
/// stored reports' readings are kept for the most recent <see cref="StoredReportsKept"/> of them: a stored article's
/// title, text and restored wording never change, and an id is never reused once stored (a failed write's articles
/// were never read from the store).
/// </summary>
internal sealed class CoverageWriter(IParallaxStore store, ParallaxPipeline pipeline)
{
    /// <summary>
    /// Stored reports whose readings are kept. A story's reports arrive close together in time, so the most recent
    /// few thousand hold nearly every story still growing; each costs tens of KB.
    /// </summary>
    internal const int StoredReportsKept = 4096;

    /// <summary>
    /// Stories past the comparison's bound whose last comparison is kept. Few stories grow that big (5 of 355,000 at
    /// 1,000,000 articles of the bench's stream); each comparison is some hundreds of KB.
    /// </summary>
    internal const int BoundedStoriesKept = 64;

    private readonly RecentCache<long, CoverageReport> stored = new(StoredReportsKept);
    private readonly RecentCache<long, BoundedStory> bounded = new(BoundedStoriesKept);

    /// <param name="members">The articles the store holds in each story before this item (every earlier item counted).</param>
    /// <param name="created">The item's new articles, as prepared, in the order of <see cref="PageWrite.Articles"/>.</param>
    public static IReadOnlyList<CoverageStory> Plan(
        ParallaxSession session, PageWrite write, IReadOnlyList<PreparedArticle> created, StoredMembership members)
    {
        var fresh = new Dictionary<long, PreparedArticle>();
        for (var i = 0; i < write.Articles.Count; i++)
        {
            fresh[write.Articles[i].Id] = created[i];
        }

        var movedTo = write.Moves.ToDictionary(m => m.ArticleId, m => m.StoryId);
        var relinked = write.Links.Select(l => l.ArticleId).Where(id => !fresh.ContainsKey(id)).ToHashSet();
        var merged = write.Merges.Select(m => m.Into).ToHashSet();
        var result = new List<CoverageStory>();

        // Related lists every story the item touched (ChangeWriter), merged-away stories left out.
        foreach (var story in write.Related.Select(r => r.StoryId))
        {
            var before = members.MembersOf(story);
            var now = new SortedSet<long>(before.Where(id => !movedTo.TryGetValue(id, out var to) || to == story));
            now.UnionWith(write.Moves.Where(m => m.StoryId == story).Select(m => m.ArticleId));
            now.UnionWith(write.Articles.Where(a => a.StoryId == story).Select(a => a.Id));
            var changed = merged.Contains(story)
                || before.Any(id => movedTo.ContainsKey(id) || relinked.Contains(id))
                || write.Moves.Any(m => m.StoryId == story)
                || write.Articles.Any(a => a.StoryId == story && session.LinkOf(IngestCoordinator.Key(a.Id)) is null);
            if (!changed)
            {
                continue;
            }

            var reports = new List<(long, PreparedArticle?)>();
            foreach (var id in now)
            {
                if (session.LinkOf(IngestCoordinator.Key(id)) is null)
                {
                    reports.Add((id, fresh.GetValueOrDefault(id)));
                }
            }

            result.Add(new CoverageStory(story, reports));
        }

        return result;
    }

    /// <summary>The comparisons of the planned stories; every stored report it names must be written by now.</summary>
    public async Task<IReadOnlyList<StoryCoverageWrite>> BuildAsync(IReadOnlyList<CoverageStory> plan, CancellationToken cancellationToken)
    {
        var result = new List<StoryCoverageWrite>(plan.Count);
        foreach (var story in plan)
        {
            try
            {
                result.Add(new StoryCoverageWrite(story.StoryId, CoverageJson.Write(await CompareAsync(story, cancellationToken))));
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

    /// <summary>
    /// One story's comparison. Reports are read in story order only until the comparison's bound is reached; the rest
    /// are left out unread. A story past the bound whose reports so far are still the ones its last comparison read
    /// (it only gained reports at its end) keeps that comparison, with the new reports left out: a big story costs
    /// nothing more per report, where comparing its first reports again at each one made an import slow down as its
    /// stories grew (measured at 1,000,000 articles: the comparison took half of the import's CPU).
    /// </summary>
    private async Task<StoryCoverage> CompareAsync(CoverageStory story, CancellationToken cancellationToken)
    {
        var builder = pipeline.Coverage;
        var later = (int read) => story.Reports.Skip(read).Select(r => IngestCoordinator.Key(r.Id));
        if (bounded.TryGet(story.StoryId, out var last)
            && last.Read.Count <= story.Reports.Count
            && last.Read.SequenceEqual(story.Reports.Take(last.Read.Count).Select(r => r.Id)))
        {
            return builder.LeaveOut(last.Coverage, later(last.Read.Count));
        }

        var reports = new List<CoverageReport>();
        var comparable = 0;
        var next = 0;
        for (; next < story.Reports.Count && comparable < builder.MaxReports; next++)
        {
            var (id, fresh) = story.Reports[next];
            if ((fresh is null ? await StoredReportAsync(id, cancellationToken) : fresh.CoverageReport(IngestCoordinator.Key(id), pipeline.Language)) is { } report)
            {
                reports.Add(report);
                comparable += CoverageBuilder.IsComparable(report) ? 1 : 0;
            }
        }

        var built = builder.Build(reports, cancellationToken);
        if (built.Reports.Count >= builder.MaxReports)
        {
            bounded.Set(story.StoryId, new BoundedStory([.. story.Reports.Take(next).Select(r => r.Id)], built));
        }
        else
        {
            bounded.Remove(story.StoryId);
        }

        return builder.LeaveOut(built, later(next));
    }

    /// <summary>
    /// A stored article as coverage reads it: what replay gives the session, with the language layer's reading of its
    /// text; kept for the next comparison of its story.
    /// </summary>
    private async Task<CoverageReport?> StoredReportAsync(long id, CancellationToken cancellationToken)
    {
        if (stored.TryGet(id, out var kept))
        {
            return kept;
        }

        if (await store.GetArticleAsync(id, cancellationToken) is not { } a)
        {
            return null;
        }

        var prepared = SessionReplay.ToPrepared(new ReplayArticle(a.Id, a.Title, a.Text, a.ExtractedSource, a.Published, a.Spun, a.RestoredText, a.StoryId, a.CopyOf), 0);
        var report = (prepared with { Language = pipeline.Language.Analyze(a.Title, a.Text, a.Published) }).CoverageReport(IngestCoordinator.Key(id), pipeline.Language);
        stored.Set(id, report);
        return report;
    }

    /// <summary>A comparison that reached the bound, and the reports it read (story order), which decide whether it still stands.</summary>
    private sealed record BoundedStory(IReadOnlyList<long> Read, StoryCoverage Coverage);
}
