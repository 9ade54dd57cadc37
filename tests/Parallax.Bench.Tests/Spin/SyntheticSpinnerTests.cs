using Parallax.Bench.Spin;
using Parallax.Core.Language;
using Parallax.Core.Spin;
using Xunit.Abstractions;

namespace Parallax.Bench.Tests.Spin;

public sealed class SyntheticSpinnerTests(ITestOutputHelper output)
{
    private const string Article =
        "The death toll from the flood rose to 42 on Tuesday, officials told reporters in the capital. " +
        "The Wall Street Journal said rescue teams were still searching the damaged houses near the river, " +
        "and the government promised quick help for the families who lost their homes.";

    [Fact]
    public void Spin_replaces_about_the_requested_share_of_content_words_and_records_each_swap()
    {
        var spun = new SyntheticSpinner(Thesaurus.Default, seed: 7).Spin(Article, 0.3);
        output.WriteLine(spun.Text);
        foreach (var swap in spun.Swaps)
        {
            output.WriteLine($"{swap.Original} -> {swap.Replacement}");
        }

        Assert.NotEqual(Article, spun.Text);
        Assert.InRange(spun.Swaps.Count, (int)(0.2 * spun.ContentWords), (int)Math.Ceiling(0.31 * spun.ContentWords));
        foreach (var swap in spun.Swaps)
        {
            Assert.Equal(swap.Original, Article.Substring(swap.OriginalStart, swap.Original.Length));
            Assert.Equal(swap.Replacement, spun.Text.Substring(swap.SpunStart, swap.Replacement.Length));
            Assert.False(StopLists.English.Contains(swap.Original));
            Assert.Equal(char.IsUpper(swap.Original[0]), char.IsUpper(swap.Replacement[0]));
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_spin_and_rate_zero_changes_nothing()
    {
        Assert.Equal(new SyntheticSpinner(Thesaurus.Default, 3).Spin(Article, 0.5).Text,
            new SyntheticSpinner(Thesaurus.Default, 3).Spin(Article, 0.5).Text);
        Assert.Equal(Article, new SyntheticSpinner(Thesaurus.Default, 3).Spin(Article, 0).Text);
    }

    [Fact]
    public void Spins_inside_names_when_enough_words_are_swapped()
    {
        var spun = new SyntheticSpinner(Thesaurus.Default, 1).Spin("The Wall Street Journal reported it.", 1.0);
        output.WriteLine(spun.Text);
        Assert.Contains(spun.Swaps, s => s.Original is "Wall" or "Street" or "Journal" or "Wall Street");
    }
}
