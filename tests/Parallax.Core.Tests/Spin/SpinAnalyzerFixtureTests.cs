using System.Runtime.CompilerServices;
using Parallax.Core.Spin;

namespace Parallax.Core.Tests.Spin;

/// <summary>The readable cases of Fixtures/spin-cases.md and the flood article, natural and spun.</summary>
public sealed class SpinAnalyzerFixtureTests
{
    private static readonly SpinAnalyzer Analyzer = SpinAnalyzer.CreateDefault();

    public static TheoryData<string, string> SpunCases() => Table("Spun wording and the wording restored");

    public static TheoryData<string, string> NaturalCases() => Table("Natural sentences: not spun, key wording kept");

    [Theory]
    [MemberData(nameof(SpunCases))]
    public void Spun_wording_is_restored(string spun, string expected)
    {
        var restored = Analyzer.Restore(spun);
        Assert.Contains(expected, restored, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NaturalCases))]
    public void Natural_sentences_are_not_spun_and_keep_their_wording(string natural, string kept)
    {
        var result = Analyzer.Analyze(natural);
        Assert.False(result.Spun, $"score {result.Score}");
        Assert.Null(result.Restored);
        Assert.Contains(kept, Analyzer.Restore(natural), StringComparison.Ordinal);
    }

    [Fact]
    public void The_flood_article_is_natural_and_its_spun_copy_is_spun_and_restored()
    {
        var natural = Fixture("flood-natural.txt");
        var spun = Fixture("flood-spun.txt");

        var naturalResult = Analyzer.Analyze(natural);
        Assert.False(naturalResult.Spun, $"natural score {naturalResult.Score}");

        var spunResult = Analyzer.Analyze(spun);
        Assert.True(spunResult.Spun, $"spun score {spunResult.Score}");
        Assert.True(spunResult.Score > naturalResult.Score * 2);
        Assert.NotNull(spunResult.Restored);

        // The spinner swapped these (see flood-natural.txt); the restoration must bring most of them back.
        string[] originals =
        [
            "their homes", "heavy rain", "water reached", "small boats", "local school", "The mayor",
            "said reporters", "Farmers in the valley", "regional government", "Weather", "this week", "valley roads",
        ];
        var back = originals.Count(o => spunResult.Restored.Contains(o, StringComparison.Ordinal));
        Assert.True(back >= 8, $"{back} of {originals.Length} restored:\n{spunResult.Restored}");
    }

    [Fact]
    public void Restore_keeps_capitalisation_and_everything_but_the_swapped_words()
    {
        var restored = Analyzer.Restore("HUSBANDMEN in the valley said the harvest was lost.");
        Assert.Equal("FARMERS in the valley said the harvest was lost.", restored);
    }

    private static TheoryData<string, string> Table(string heading)
    {
        var data = new TheoryData<string, string>();
        var inTable = false;
        foreach (var line in File.ReadLines(Path.Combine(FixtureFolder(), "spin-cases.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inTable = line[3..].Trim() == heading;
                continue;
            }

            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (!inTable || cells.Length != 4 || cells[1].StartsWith("---", StringComparison.Ordinal)
                || cells[1] is "spun text" or "natural text")
            {
                continue;
            }

            data.Add(cells[1], cells[2]);
        }

        Assert.True(data.Count > 0, $"no rows under '{heading}'");
        return data;
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(FixtureFolder(), name)).Trim();

    private static string FixtureFolder([CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "Fixtures");
}
