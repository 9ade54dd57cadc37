using System.Runtime.CompilerServices;
using Parallax.Core.Spin;

namespace Parallax.Core.Tests.Spin;

/// <summary>The cheap screen in front of the full reading: what it sends on, and what Analyze makes of the rest.</summary>
public sealed class SpinScreenTests
{
    private static readonly SpinAnalyzer Analyzer = SpinAnalyzer.CreateDefault();

    [Fact]
    public void The_natural_flood_article_stops_at_the_screen_and_Analyze_gives_the_screens_score()
    {
        var natural = Fixture("flood-natural.txt");
        var screen = Analyzer.Screen(natural);
        Assert.False(screen.Passes, $"screen score {screen.Score}");
        Assert.True(screen.JudgedWords > 40);

        var result = Analyzer.Analyze(natural);
        Assert.Equal(new SpinResult(screen.Score, false, null), result);
    }

    [Fact]
    public void The_spun_flood_article_passes_the_screen_and_is_restored()
    {
        var spun = Fixture("flood-spun.txt");
        var screen = Analyzer.Screen(spun);
        Assert.True(screen.Passes, $"screen score {screen.Score}");

        var result = Analyzer.Analyze(spun);
        Assert.True(result.Spun);
        Assert.Equal(Analyzer.Read(spun).Score, result.Score);
        Assert.NotNull(result.Restored);
    }

    [Fact]
    public void The_screen_reads_the_same_score_as_the_full_reading_up_to_the_neighbours_restorations()
    {
        // The screen judges each word beside its neighbours as found; the full reading's second pass beside their
        // restorations, which moves a spun text's score a little and a natural one's hardly at all.
        var natural = Fixture("flood-natural.txt");
        Assert.Equal(Analyzer.Read(natural).Score, Analyzer.Screen(natural).Score, 0.05);
        var spun = Fixture("flood-spun.txt");
        Assert.Equal(Analyzer.Read(spun).Score, Analyzer.Screen(spun).Score, 0.15);
    }

    [Fact]
    public void A_zero_screen_threshold_sends_every_text_on()
    {
        var analyzer = new SpinAnalyzer(Thesaurus.Default, SpinOptions.Default with { ScreenThreshold = 0 });
        var natural = Fixture("flood-natural.txt");
        Assert.True(analyzer.Screen(natural).Passes);
        Assert.Equal(analyzer.Read(natural).Score, analyzer.Analyze(natural).Score);
        Assert.True(analyzer.Screen("").Passes);
    }

    [Fact]
    public void Empty_and_unjudgeable_texts_score_zero()
    {
        Assert.Equal(new SpinScreen(0, 0, false, 0, false), Analyzer.Screen(""));
        Assert.Equal(0, Analyzer.Screen("Пожар в центре города.").LanguageTerm);
        Assert.Equal(0, Analyzer.Screen("Пожар в центре города.").Score);
        Assert.Equal(SpinResult.Natural, Analyzer.Analyze("   "));
    }

    [Theory]
    [InlineData("flood-natural.txt", 0.029818659069556275, -0.15663793485464783, 80)]
    [InlineData("flood-spun.txt", 0.5757814360971941, 0.8722617967409939, 81)]
    public void The_screen_scores_exactly_as_before_its_speed_work(string name, double thesaurus, double language, int judged)
    {
        // The thesaurus evidence was recorded with the screen as it was before its look-ups were made faster (commit
        // 16482aa; the same with the trigram model's terms added, which read closed-class words as well), the trigram
        // model's part when it came in: the faster paths must read the same evidence, not an approximation of it. The
        // score itself is their sum within 0..1, which for these two texts is 0 and 1.
        var text = Fixture(name);
        var alone = new SpinAnalyzer(
            Thesaurus.Default, SpinOptions.Default with { FluencyWeight = 0, OddPairWeight = 0, PreferenceWeight = 0 });
        Assert.Equal(thesaurus, alone.Screen(text).Score, 1e-12);
        var screen = Analyzer.Screen(text);
        Assert.Equal(language, screen.LanguageTerm, 1e-12);
        Assert.Equal(Math.Clamp(thesaurus + language, 0, 1), screen.Score, 1e-12);
        Assert.Equal(judged, screen.JudgedWords);
    }

    [Fact]
    public void The_trigram_model_raises_a_swapped_texts_score_and_lowers_its_originals()
    {
        // Each of the three terms on its own, on the flood article and its spun copy: the copy reads less fluently,
        // stands more words in odd pairs, and the model prefers more of its units' likeliest candidates.
        var natural = Fixture("flood-natural.txt");
        var spun = Fixture("flood-spun.txt");
        foreach (var only in new[]
        {
            SpinOptions.Default with { OddPairWeight = 0, PreferenceWeight = 0 },
            SpinOptions.Default with { FluencyWeight = 0, PreferenceWeight = 0 },
            SpinOptions.Default with { FluencyWeight = 0, OddPairWeight = 0 },
        })
        {
            var analyzer = new SpinAnalyzer(Thesaurus.Default, only);
            var (a, b) = (analyzer.Screen(natural).LanguageTerm, analyzer.Screen(spun).LanguageTerm);
            Assert.True(b > a + 0.05, $"natural {a}, spun {b} ({only})");
        }
    }

    private static string Fixture(string name, [CallerFilePath] string path = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "Fixtures", name));
}
