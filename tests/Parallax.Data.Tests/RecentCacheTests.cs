using Parallax.Data.Ingest;

namespace Parallax.Data.Tests;

public sealed class RecentCacheTests
{
    [Fact]
    public void It_keeps_the_most_recently_added_keys_up_to_its_count()
    {
        var cache = new RecentCache<int, string>(2);
        cache.Set(1, "a");
        cache.Set(2, "b");
        cache.Set(1, "a again");
        Assert.True(cache.TryGet(1, out var replaced));
        Assert.Equal("a again", replaced);

        cache.Set(3, "c");
        Assert.False(cache.TryGet(1, out _));
        Assert.True(cache.TryGet(2, out _));
        Assert.True(cache.TryGet(3, out _));

        cache.Remove(2);
        Assert.False(cache.TryGet(2, out _));
    }
}
