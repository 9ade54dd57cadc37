using Parallax.App.Service;
using Parallax.Ingest.Archives;
using Parallax.Ingest.Feeds;
using Parallax.Ingest.Fetch;
using Parallax.Ingest.Polling;

namespace Parallax.Data.Tests;

/// <summary>The store's side of polling, on every database: sources claimed under a lease, checks saved with their entries.</summary>
public abstract partial class StoreContract
{
    private static readonly TimeSpan PollLease = TimeSpan.FromMinutes(5);

    [SkippableFact]
    public async Task A_due_source_is_claimed_by_one_poller_until_its_check_is_saved_or_its_lease_runs_out()
    {
        var store = await FreshAsync();
        var now = TestNews.Start;
        var due = await store.AddSourceAsync(new NewSource("Kestrel Gazette", null, "https://gazette.example/feed.xml", now));
        await store.AddSourceAsync(new NewSource("Later", null, "https://later.example/feed.xml", now.AddHours(1)));
        await store.AddSourceAsync(new NewSource("No feed"));

        Assert.Equal([due], (await store.ClaimDueSourcesAsync("p1", 10, PollLease, now)).Select(s => s.Id));
        Assert.Empty(await store.ClaimDueSourcesAsync("p2", 10, PollLease, now.AddMinutes(1)));

        // The first poller died: once its lease is over, another takes the source.
        Assert.Equal([due], (await store.ClaimDueSourcesAsync("p2", 10, PollLease, now.AddMinutes(6))).Select(s => s.Id));

        // Saving ends the lease; the source comes back when it is due again, not before.
        await store.SaveSourceCheckAsync(due, new SourceCheck(now.AddMinutes(6), now.AddMinutes(36), "\"v1\"", null, null), []);
        Assert.Empty(await store.ClaimDueSourcesAsync("p3", 10, PollLease, now.AddMinutes(7)));
        var again = Assert.Single(await store.ClaimDueSourcesAsync("p3", 10, PollLease, now.AddMinutes(37)));
        Assert.Equal((due, "\"v1\""), (again.Id, again.ETag));
    }

    [SkippableFact]
    public async Task Pollers_claiming_at_once_never_share_a_source()
    {
        var store = await FreshAsync();
        var now = TestNews.Start;
        var ids = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await store.AddSourceAsync(new NewSource($"Feed {i}", null, $"https://feeds.example/{i}.xml", now)));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var round = 0; round < 10; round++)
            {
                mine.AddRange((await store.ClaimDueSourcesAsync($"p{p}", 3, PollLease, now)).Select(s => s.Id));
            }

            return mine;
        })));
        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(ids.Order(), all.Order());
    }

    [SkippableFact]
    public async Task A_saved_check_queues_each_entry_once_and_keeps_its_error()
    {
        var store = await FreshAsync();
        var now = TestNews.Start;
        var source = await store.AddSourceAsync(new NewSource("Harbourton Record", null, "https://record.example/rss", now));
        NewIngestItem Item(string id) => new(FeedEntryItems.Key(source, id), source, Url: $"https://record.example/{id}");

        Assert.Equal(2, await store.SaveSourceCheckAsync(source, new SourceCheck(now, now.AddMinutes(30), "\"a\"", null, null), [Item("1"), Item("2")]));
        Assert.Equal(1, await store.SaveSourceCheckAsync(source, new SourceCheck(now.AddMinutes(30), now.AddMinutes(60), "\"b\"", null, null), [Item("2"), Item("3")]));
        await store.SaveSourceCheckAsync(source, new SourceCheck(now.AddMinutes(60), now.AddMinutes(65), "\"b\"", null, "500 Internal Server Error"), []);

        var queue = await store.ListIngestItemsAsync(IngestState.Queued);
        Assert.Equal(["https://record.example/1", "https://record.example/2", "https://record.example/3"], queue.Items.Select(i => i.Url).Order());
        Assert.All(queue.Items, i => Assert.Equal(source, i.SourceId));
        var record = (await store.GetSourceAsync(source))!;
        Assert.Equal(("500 Internal Server Error", 1, now.AddMinutes(65)), (record.LastError, record.ErrorCount, record.NextCheck));
    }

    [SkippableFact]
    public async Task The_poll_store_turns_full_entries_into_articles_and_teasers_into_urls_to_fetch()
    {
        var store = await FreshAsync();
        var now = TestNews.Start;
        var source = await store.AddSourceAsync(new NewSource("Northgate Wire", null, "https://wire.example/atom", now));
        var polls = new StorePollStore(store, "p1");
        var state = Assert.Single(await polls.LoadDueAsync(now, 10, CancellationToken.None));
        Assert.Equal(new Uri("https://wire.example/atom"), state.FeedUrl);

        var body = string.Join("\n", Enumerable.Repeat("The Wendmouth ferry sailed again on Friday after repairs to its engine kept it in port for a week.", 6));
        var feed = new Feed(FeedFormat.Atom, "Wire", null, null,
        [
            new FeedEntry("tag:wire,1", "Ferry resumes", "https://wire.example/ferry", now, null, null, "A teaser.", body),
            new FeedEntry("tag:wire,2", "Bridge closes", "https://wire.example/bridge", now, null, null, "Only a teaser.", null),
            new FeedEntry("tag:wire,3", "Nothing at all", null, now, null, null, null, null),
        ]);
        var fetch = new FetchResult(state.FeedUrl, FetchStatus.Ok, 200, ETag: "\"e1\"");
        var next = PollSchedule.Next(state, PollOutcome.From(fetch, FeedParseResult.Ok(feed)), now, 0.5);
        await polls.SaveAsync(new PollResult(next, feed, fetch), CancellationToken.None);
        await polls.SaveAsync(new PollResult(next, feed, fetch), CancellationToken.None);
        Assert.Equal(2, polls.Queued);

        var items = (await store.ListIngestItemsAsync()).Items.OrderBy(i => i.Url, StringComparer.Ordinal).ToList();
        Assert.Equal(["https://wire.example/bridge", "https://wire.example/ferry"], items.Select(i => i.Url));
        Assert.Null(items[0].Payload);
        var article = ArchiveFiles.ParseJsonArticle(items[1].Payload!, "payload").Article!;
        Assert.Equal(("Ferry resumes", 6, now), (article.Title, article.Paragraphs.Count, article.Published));

        var saved = (await store.GetSourceAsync(source))!;
        Assert.Equal(("\"e1\"", (string?)null, next.NextCheck), (saved.ETag, saved.LastError, saved.NextCheck));

        // A failed check keeps the schedule's reason and backoff; it queues nothing.
        var due = Assert.Single(await polls.LoadDueAsync(next.NextCheck, 10, CancellationToken.None));
        var error = new FetchResult(due.FeedUrl, FetchStatus.HttpError, 500, Error: "the server answered 500 Internal Server Error");
        var failed = PollSchedule.Next(due, PollOutcome.From(error, null), next.NextCheck, 0.5);
        await polls.SaveAsync(new PollResult(failed, null, error), CancellationToken.None);
        saved = (await store.GetSourceAsync(source))!;
        Assert.Equal(("the server answered 500 Internal Server Error", 1), (saved.LastError, saved.ErrorCount));
        Assert.Equal(2, (await store.ListIngestItemsAsync()).Items.Count);
    }

    [SkippableFact]
    public async Task A_feed_that_moved_for_good_is_polled_at_its_new_address_and_its_ttl_outlives_a_304()
    {
        var store = await FreshAsync();
        var now = TestNews.Start;
        var source = await store.AddSourceAsync(new NewSource("Wendmouth Courier", null, "http://courier.example/rss", now));
        var taken = await store.AddSourceAsync(new NewSource("Taken", null, "https://taken.example/rss", now.AddDays(5)));
        var polls = new StorePollStore(store, "p1");
        var state = Assert.Single(await polls.LoadDueAsync(now, 10, CancellationToken.None));

        // A 301 to https, and a feed whose <ttl> asks for three hours.
        var feed = new Feed(FeedFormat.Rss2, "Courier", null, null, [], RefreshHint: TimeSpan.FromHours(3));
        var moved = new FetchResult(state.FeedUrl, FetchStatus.Ok, 200, FinalUrl: new Uri("https://courier.example/rss"))
        {
            MovedTo = new Uri("https://courier.example/rss"),
        };
        var next = PollSchedule.Next(state, PollOutcome.From(moved, FeedParseResult.Ok(feed)), now, 0.5);
        await polls.SaveAsync(new PollResult(next, feed, moved), CancellationToken.None);
        var saved = (await store.GetSourceAsync(source))!;
        Assert.Equal(("https://courier.example/rss", (TimeSpan?)TimeSpan.FromHours(3)), (saved.FeedUrl, saved.RefreshHint));

        // The next check asks the new address; its 304 has no feed, yet the schedule still follows the feed's TTL.
        var due = Assert.Single(await polls.LoadDueAsync(next.NextCheck, 10, CancellationToken.None));
        Assert.Equal((new Uri("https://courier.example/rss"), (TimeSpan?)TimeSpan.FromHours(3)), (due.FeedUrl, due.RefreshHint));
        var unchanged = new FetchResult(due.FeedUrl, FetchStatus.NotModified, 304);
        var after = PollSchedule.Next(due, PollOutcome.From(unchanged, null), next.NextCheck, 0.5);
        Assert.Equal(next.NextCheck + TimeSpan.FromHours(3), after.NextCheck);

        // A redirect onto the address another source polls is not taken: the two would be one feed polled twice.
        var clash = after with { FeedUrl = new Uri("https://taken.example/rss") };
        await polls.SaveAsync(new PollResult(clash, null, unchanged), CancellationToken.None);
        Assert.Equal("https://courier.example/rss", (await store.GetSourceAsync(source))!.FeedUrl);
        Assert.Equal("https://taken.example/rss", (await store.GetSourceAsync(taken))!.FeedUrl);
    }

    [SkippableFact]
    public async Task Failed_items_are_requeued_one_or_all_with_fresh_tries_and_nothing_else_moves()
    {
        var store = await FreshAsync();
        var now = TestNews.Start;
        foreach (var n in new[] { "1", "2", "3" })
        {
            await store.EnqueueAsync(new NewIngestItem($"feed:1:{n}", Url: $"https://record.example/{n}"));
        }

        var leased = await store.LeaseAsync("w1", 10, PollLease, now);
        foreach (var item in leased.Where(i => i.Url != "https://record.example/3"))
        {
            await store.RecordItemFailedAsync(new ItemWrite(item.Key, item.SourceId, item.Url, item.Path), "the server answered 404 Not Found");
        }

        var failed = (await store.ListIngestItemsAsync(IngestState.Failed)).Items.OrderBy(i => i.Id).ToList();
        Assert.Equal(2, failed.Count);
        Assert.Equal(1, await store.RequeueFailedAsync(failed[0].Id));
        Assert.Equal(0, await store.RequeueFailedAsync(failed[0].Id));
        Assert.Equal(1, await store.RequeueFailedAsync());
        Assert.Equal(0, await store.RequeueFailedAsync());

        var queued = (await store.ListIngestItemsAsync(IngestState.Queued)).Items;
        Assert.Equal(["https://record.example/1", "https://record.example/2"], queued.Select(i => i.Url).Order());
        Assert.All(queued, i => Assert.Equal((0, (string?)null, (string?)null), (i.Attempts, i.Error, i.LeasedBy)));
        Assert.Equal("w1", Assert.Single((await store.ListIngestItemsAsync(IngestState.Leased)).Items).LeasedBy);
    }

    [SkippableFact]
    public async Task An_item_given_back_for_a_retry_waits_with_its_reason_then_comes_back()
    {
        var store = await FreshAsync();
        var now = TestNews.Start;
        await store.EnqueueAsync(new NewIngestItem("feed:1:abc", Url: "https://record.example/1"));
        var item = Assert.Single(await store.LeaseAsync("w1", 10, PollLease, now));
        await store.RetryItemLaterAsync(item.Id, now.AddMinutes(10), "the server answered 503 Service Unavailable");

        Assert.Empty(await store.LeaseAsync("w2", 10, PollLease, now.AddMinutes(9)));
        var waiting = Assert.Single((await store.ListIngestItemsAsync()).Items);
        Assert.Equal((IngestState.Leased, "the server answered 503 Service Unavailable", (string?)null), (waiting.State, waiting.Error, waiting.LeasedBy));
        var again = Assert.Single(await store.LeaseAsync("w2", 10, PollLease, now.AddMinutes(11)));
        Assert.Equal((item.Id, 2, "w2"), (again.Id, again.Attempts, again.LeasedBy));
    }
}
