using Parallax.Data.Ingest;

namespace Parallax.Data.Tests;

/// <summary>Reads the pages make in one query where they used to make several.</summary>
public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task Several_articles_come_whole_in_the_order_asked_without_the_missing()
    {
        var store = await StreamStoredAsync();

        var asked = new long[] { 5, 2, 987654, 5, 1 };
        var got = await store.GetArticlesAsync(asked);
        Assert.Equal([5L, 2, 5, 1], got.Select(a => a.Id));
        foreach (var article in got)
        {
            Assert.Equal(await store.GetArticleAsync(article.Id), article, ArticleRecordComparer.Instance);
        }

        Assert.Empty(await store.GetArticlesAsync([]));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetArticlesAsync([.. Enumerable.Range(1, 501).Select(i => (long)i)]));
    }

    [SkippableFact]
    public async Task Search_pages_are_slices_of_one_ranking_each_with_its_snippet()
    {
        var store = await StreamStoredAsync();

        var all = await store.SearchAsync("the", 0, 200);
        Assert.True(all.Items.Count >= 4, $"only {all.Items.Count} articles have 'the'");
        var paged = new List<SearchHit>();
        for (var offset = 0; offset < all.Items.Count; offset += 2)
        {
            var page = await store.SearchAsync("the", offset, 2);
            Assert.Equal(offset + 2 < all.Items.Count, page.HasMore);
            paged.AddRange(page.Items);
        }

        Assert.Equal(all.Items.Select(h => h.Article.Id), paged.Select(h => h.Article.Id));
        Assert.Equal(all.Items.Select(h => h.Snippet), paged.Select(h => h.Snippet));
        Assert.All(paged, h => Assert.False(string.IsNullOrWhiteSpace(h.Snippet)));
        Assert.True(paged.Zip(paged.Skip(1)).All(p => p.First.Rank >= p.Second.Rank), "best first");
    }

    [SkippableFact]
    public async Task A_search_ranks_only_its_most_recent_matches()
    {
        var store = await StreamStoredAsync();

        var all = await store.SearchAsync("the", 0, 200);
        Assert.True(all.Items.Count >= 4, $"only {all.Items.Count} articles have 'the'");
        ((Parallax.Data.Sql.SqlStore)store).SearchWindow = 3;
        var recent = await store.SearchAsync("the", 0, 200);
        Assert.Equal(all.Items.Select(h => h.Article.Id).OrderDescending().Take(3).Order(), recent.Items.Select(h => h.Article.Id).Order());
        Assert.False(recent.HasMore);
        Assert.True(recent.Items.Zip(recent.Items.Skip(1)).All(p => p.First.Rank >= p.Second.Rank), "best first");
        Assert.Equal(2, (await store.SearchAsync("the", 1, 5)).Items.Count);
    }

    /// <summary>Records hold lists (boilerplate), which records compare by reference: compare what they say.</summary>
    private sealed class ArticleRecordComparer : IEqualityComparer<ArticleRecord?>
    {
        public static ArticleRecordComparer Instance { get; } = new();

        public bool Equals(ArticleRecord? x, ArticleRecord? y) =>
            x is not null && y is not null && x with { Boilerplate = [] } == y with { Boilerplate = [] } && x.Boilerplate.SequenceEqual(y.Boilerplate);

        public int GetHashCode(ArticleRecord? obj) => obj?.Id.GetHashCode() ?? 0;
    }
}
