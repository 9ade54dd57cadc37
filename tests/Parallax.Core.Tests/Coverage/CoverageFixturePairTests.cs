using Parallax.Core.Analysis;
using Parallax.Core.Coverage;
using Parallax.Core.Language;
using Parallax.Tests;

namespace Parallax.Core.Tests.Coverage;

/// <summary>
/// The "done when" check on one pair of independently written reports of one event
/// (bench/coverage/events/e01-bridges.txt): shared claims, exclusive ones, the conflict, the aligned quote with its
/// speaker and the term variants, each with a span that points at its words in the article's text.
/// </summary>
public sealed class CoverageFixturePairTests
{
    private static readonly LanguageAnalyzer Language = new();

    internal static (StoryCoverage Coverage, Dictionary<string, string> Texts) Run(string file)
    {
        var root = TestRepository.Root() ?? throw new InvalidOperationException("run the tests inside the checkout");
        var content = File.ReadAllText(Path.Combine(root, "bench", "coverage", "events", file));
        var texts = new Dictionary<string, string>();
        var reports = new List<CoverageReport>();
        foreach (var block in content.Split("== ", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n');
            var id = lines[0].Split('|')[0].Trim();
            var text = string.Join('\n', lines.Skip(2)).Trim();
            texts[id] = text;
            reports.Add(new CoverageReport(id, Language.Analyze(lines[1], text)));
        }

        return (new CoverageBuilder().Build(reports), texts);
    }

    [Fact]
    public void The_pair_shows_shared_exclusive_conflict_quote_and_terms_each_with_its_span()
    {
        var (coverage, texts) = Run("e01-bridges.txt");
        Assert.Equal(["a1", "a2"], coverage.Reports);

        // Shared: the pledge in other words, and a background sentence both copy verbatim (one claim, not two).
        Assert.Contains(coverage.Shared, s => s.Variants.Any(v => v.Text.Contains("promised on Tuesday to rebuild")) && s.Variants.Any(v => v.Text.Contains("pledged on Tuesday")));
        var money = Assert.Single(coverage.Shared, s => s.Claim.Contains("$40 million"));
        Assert.Equal(["a1", "a2"], money.Articles);
        foreach (var shared in coverage.Shared)
        {
            foreach (var v in shared.Variants)
            {
                Assert.Equal(v.Text, At(texts[v.Article], v.Span));
                Assert.Equal(v.Span, shared.Spans[v.Article]);
            }
        }

        // Exclusive: what only one report carries.
        var onlyA1 = Assert.Single(coverage.Exclusive, e => e.Article == "a1");
        Assert.Contains(onlyA1.Claims, c => c.Contains("Local farmers"));
        var onlyA2 = Assert.Single(coverage.Exclusive, e => e.Article == "a2");
        Assert.Contains(onlyA2.Claims, c => c.Contains("Engineers from the army"));
        foreach (var e in coverage.Exclusive)
        {
            Assert.Equal(e.Claims.Count, e.Spans.Count);
            for (var i = 0; i < e.Claims.Count; i++)
            {
                Assert.Equal(e.Claims[i], At(texts[e.Article], e.Spans[i]));
            }
        }

        // The conflict: 14 bridges against 12, each variant with its sentence.
        var conflict = Assert.Single(coverage.Conflicts);
        Assert.Equal("number", conflict.Kind);
        Assert.Equal(["14 bridges", "12 bridges"], conflict.Variants.Select(v => v.Value));
        Assert.All(conflict.Variants, v => Assert.Equal(v.Text, At(texts[v.Article], v.Span)));

        // The quote: two renderings of one statement, from one minister, named by surname in one and by title in the other.
        var quote = Assert.Single(coverage.Quotes, q => q.Variants.Count == 2);
        Assert.Equal("Ana Lind", quote.Speaker);
        Assert.Contains(quote.Variants, v => v.Article == "a1" && v.Text == "Our aim is to rebuild every bridge before winter");
        Assert.Contains(quote.Variants, v => v.Article == "a2" && v.Text == "The goal is to restore all the bridges before the cold season");
        Assert.All(quote.Variants, v => Assert.Contains(v.Text, At(texts[v.Article], v.Span)));

        // The terms: one city spelt two ways, each where its sentence is.
        var term = Assert.Single(coverage.Terms);
        Assert.Equal(["Kiev", "Kyiv"], term.Variants.Select(v => v.Text));
        Assert.All(term.Variants, v => Assert.Contains(v.Text, At(texts[v.Article], v.Span)));
    }

    [Fact]
    public void Swapped_roles_are_a_conflict_not_a_shared_claim()
    {
        var (coverage, _) = Run("e04-mayor-accuses.txt");
        var roles = Assert.Single(coverage.Conflicts, c => c.Kind == "roles");
        Assert.Contains("accused", roles.Topic);
        Assert.DoesNotContain(coverage.Shared, s => s.Claim.Contains("accused"));
    }

    private static string At(string text, int[] span) => text[span[0]..span[1]];
}
