using Parallax.Core.Spin;

namespace Parallax.Core.Tests.Spin;

public sealed class BoundedMemoTests
{
    [Fact]
    public void It_remembers_up_to_its_limit_and_keeps_the_first_value_of_a_key()
    {
        var memo = new BoundedMemo<int>(2);
        memo.Remember("a", 1);
        memo.Remember("a", 5);
        memo.Remember("b", 2);
        memo.Remember("c", 3);

        Assert.Equal(2, memo.Count);
        Assert.True(memo.TryGetValue("a", out var a));
        Assert.Equal(1, a);
        Assert.True(memo.Spans.TryGetValue("b".AsSpan(), out var b));
        Assert.Equal(2, b);
        Assert.False(memo.TryGetValue("c", out _));
    }

    [Fact]
    public void Threads_adding_at_once_count_each_key_once()
    {
        var memo = new BoundedMemo<int>(1_000_000);
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 2000; i++)
            {
                memo.Remember(i.ToString(System.Globalization.CultureInfo.InvariantCulture), i);
            }
        });

        Assert.Equal(2000, memo.Count);
    }
}
