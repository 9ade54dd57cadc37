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
    public async Task A_search_puts_titles_with_every_word_first_then_the_newest()
    {
        var store = await StreamStoredAsync();

        // A word that some matches have in their title and newer ones only in their text, so that the ranking is
        // neither plain newest-first nor title-only.
        var titles = (await store.SearchAsync("the", 0, 200)).Items.Select(h => h.Article.Title);
        List<SearchHit>? hits = null;
        string? word = null;
        foreach (var candidate in titles.SelectMany(Sql.SqlStore.SearchWords).Where(w => w.Length >= 5).Distinct())
        {
            var found = (await store.SearchAsync(candidate, 0, 200)).Items.ToList();
            var titled = found.Where(h => InTitle(h, candidate)).Select(h => h.Article.Id).ToList();
            if (titled.Count > 0 && found.Any(h => !InTitle(h, candidate) && h.Article.Id > titled.Min()))
            {
                (hits, word) = (found, candidate);
                break;
            }
        }

        Assert.True(hits is not null, "no word of the test stream is in some titles and only in the text of newer articles");
        var expected = hits.OrderByDescending(h => InTitle(h, word!)).ThenByDescending(h => h.Article.Id).Select(h => h.Article.Id);
        Assert.Equal(expected, hits.Select(h => h.Article.Id));
        Assert.All(hits, h => Assert.Equal(InTitle(h, word!) ? 1.0 : 0.0, h.Rank));

        static bool InTitle(SearchHit hit, string word) => Sql.SqlStore.SearchWords(hit.Article.Title).Contains(word);
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
