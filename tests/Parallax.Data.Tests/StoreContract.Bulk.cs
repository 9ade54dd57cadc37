using System.Reflection;
using System.Runtime.ExceptionServices;
using Parallax.Data.Ingest;

namespace Parallax.Data.Tests;

/// <summary>The bulk path of `parallax import` (<see cref="IngestCoordinator.CommitAllAsync"/>): decisions ahead of writes.</summary>
public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task Bulk_commit_stores_what_the_session_decides_in_order_and_skips_a_key_already_in_flight()
    {
        var store = await FreshAsync();
        using var coordinator = await IngestCoordinator.OpenAsync(store, TestNews.Pipeline);
        var stream = TestNews.Stream();
        var submissions = stream.Select(TestNews.Submission).ToList();
        // The same item twice in one run (a file given twice), and an item that failed in preparation.
        submissions.Insert(2, submissions[0]);
        submissions.Add(new IngestSubmission("test:empty", "empty.jsonl:1", Articles: []));
        var outcomes = new List<IngestOutcome>();
        await coordinator.CommitAllAsync(Prepared(coordinator, submissions), outcomes.Add);

        Assert.Equal(submissions.Select(s => s.Key), outcomes.Select(o => o.Key));
        Assert.Equal(
            [IngestResult.Stored, IngestResult.Stored, IngestResult.AlreadyStored, IngestResult.Stored, IngestResult.Stored, IngestResult.Stored, IngestResult.Stored, IngestResult.Failed],
            outcomes.Select(o => o.Result));
        Assert.Equal([1L, 2, 3, 4, 5, 6], outcomes.SelectMany(o => o.ArticleIds));
        Assert.Empty(await store.CheckIntegrityAsync());

        // The same links as item by item (Ingest_stores_articles_copy_links_and_stories_as_the_session_decides).
        Assert.Equal([5L, null, 5, null, null, 4], await Task.WhenAll(Enumerable.Range(1, 6).Select(async id => (await store.GetArticleAsync(id))!.CopyOf)));
        foreach (var id in Enumerable.Range(1, 6))
        {
            Assert.Equal(coordinator.Session.StoryOf(IngestCoordinator.Key(id)) + 1L, (await store.GetArticleAsync(id))!.StoryId);
        }

        var flood = (await store.GetStoryAsync((await store.GetArticleAsync(5))!.StoryId))!;
        Assert.Equal("Avel floods Harbourton: insurers count the cost", flood.Story.Title);
        var counts = await store.CountsAsync();
        Assert.Equal((6, 6, 1), (counts.Articles, counts.Done, counts.Failed));
    }

    [SkippableFact]
    public async Task Bulk_commit_after_a_failed_write_rebuilds_the_session_and_decides_the_later_items_again()
    {
        var inner = await FreshAsync();
        var store = FailingWrites.Wrap(inner, failAt: 3);
        using var coordinator = await IngestCoordinator.OpenAsync(store, TestNews.Pipeline);
        var outcomes = new List<IngestOutcome>();
        await coordinator.CommitAllAsync(Prepared(coordinator, TestNews.Stream().Select(TestNews.Submission)), outcomes.Add);

        Assert.Equal(
            [IngestResult.Stored, IngestResult.Stored, IngestResult.Failed, IngestResult.Stored, IngestResult.Stored, IngestResult.Stored],
            outcomes.Select(o => o.Result));
        Assert.Contains("disk full", outcomes[2].Error, StringComparison.Ordinal);
        Assert.Equal(2, coordinator.LastReplay.Articles);
        Assert.Empty(await inner.CheckIntegrityAsync());
        var stored = outcomes.SelectMany(o => o.ArticleIds).ToList();
        Assert.Equal(5, stored.Count);
        foreach (var id in stored)
        {
            var article = (await inner.GetArticleAsync(id))!;
            Assert.Equal(coordinator.Session.StoryOf(IngestCoordinator.Key(id)) + 1L, article.StoryId);
            var link = coordinator.Session.LinkOf(IngestCoordinator.Key(id));
            Assert.Equal(link is null ? null : IngestCoordinator.IdOf(link.OriginalId), article.CopyOf);
        }

        // Reopened, the engine replays exactly what was stored.
        using var reopened = await IngestCoordinator.OpenAsync(inner, TestNews.Pipeline);
        Assert.Equal((5L, 0L, 0L), (reopened.LastReplay.Articles, reopened.LastReplay.StoryMismatches, reopened.LastReplay.LinkMismatches));
        var counts = await inner.CountsAsync();
        Assert.Equal((5, 5, 1), (counts.Articles, counts.Done, counts.Failed));
    }

    private static async IAsyncEnumerable<PreparedSubmission> Prepared(IngestCoordinator coordinator, IEnumerable<IngestSubmission> submissions)
    {
        foreach (var submission in submissions)
        {
            await Task.Yield();
            yield return coordinator.Prepare(submission);
        }
    }
}

/// <summary>A store whose n-th page write fails (a full disk), every other call passed to the real store.</summary>
public class FailingWrites : DispatchProxy
{
    private IParallaxStore inner = null!;
    private int failAt;
    private int writes;

    public static IParallaxStore Wrap(IParallaxStore store, int failAt)
    {
        var proxy = Create<IParallaxStore, FailingWrites>();
        var self = (FailingWrites)(object)proxy;
        self.inner = store;
        self.failAt = failAt;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IParallaxStore.WritePageAsync) && Interlocked.Increment(ref writes) == failAt)
        {
            return Task.FromException(new IOException("disk full."));
        }

        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
