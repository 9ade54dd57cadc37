using Parallax.Core.Analysis;

namespace Parallax.Bench.Coverage;

/// <summary>Precision and recall of one kind of coverage line against the annotation table.</summary>
internal sealed record KindScore(string Kind, int Predicted, int PredictedCorrect, int Expected, int Found)
{
    public double Precision => Predicted == 0 ? 1 : (double)PredictedCorrect / Predicted;

    public double Recall => Expected == 0 ? 1 : (double)Found / Expected;
}

/// <summary>The fixture figures: per kind, and quotes given to someone the table says did not say them.</summary>
internal sealed record FixtureScores(IReadOnlyList<KindScore> Kinds, int WrongSpeakers, IReadOnlyList<string> Misses);

/// <summary>
/// Scores coverage lines against the annotation table. A line matches an expected one when, for each article the
/// table names, it has a variant of that article whose text holds the table's words (case-insensitive); a quote
/// also needs the table's speaker, a conflict the table's slot kind. Predicted lines are those with two articles or
/// more. Every kind's precision is over all predicted lines of that kind; the table lists every shared claim,
/// conflict, multi-outlet quote and term pair the fixture reports were written to hold.
/// </summary>
internal static class FixtureEvaluation
{
    public static FixtureScores Score(IReadOnlyList<(string Event, StoryCoverage Coverage)> runs, IReadOnlyList<Expected> table)
    {
        var kinds = new List<KindScore>();
        var misses = new List<string>();
        var wrong = 0;
        foreach (var kind in new[] { "shared", "conflict", "quote", "term" })
        {
            int predicted = 0, correct = 0, expected = 0, found = 0;
            foreach (var (id, coverage) in runs)
            {
                var gold = table.Where(t => t.Event == id && t.Kind == kind).ToList();
                var lines = Lines(coverage, kind);
                expected += gold.Count;
                var used = new HashSet<int>();
                foreach (var g in gold)
                {
                    var hit = lines.FindIndex(l => !used.Contains(lines.IndexOf(l)) && Matches(l, g));
                    if (hit >= 0)
                    {
                        used.Add(hit);
                        found++;
                    }
                    else
                    {
                        misses.Add($"{id} {kind} not found: {g.Detail} {string.Join("; ", g.Variants.Select(v => $"{v.Article}={v.Words}"))}");
                    }
                }

                foreach (var l in lines)
                {
                    predicted++;
                    if (gold.Exists(g => Matches(l, g)))
                    {
                        correct++;
                    }
                    else
                    {
                        misses.Add($"{id} {kind} not in the table: {l.Detail} {string.Join(" | ", l.Variants.Select(v => $"{v.Article}: {Short(v.Text)}"))}");
                    }
                }

                if (kind == "quote")
                {
                    wrong += WrongSpeakers(coverage, gold, misses, id);
                }
            }

            kinds.Add(new KindScore(kind, predicted, correct, expected, found));
        }

        return new FixtureScores(kinds, wrong, misses);
    }

    private sealed record Line(string Detail, IReadOnlyList<CoverageVariant> Variants);

    private static List<Line> Lines(StoryCoverage c, string kind) => kind switch
    {
        "shared" => c.Shared.Select(s => new Line("", s.Variants)).ToList(),
        "conflict" => c.Conflicts.Select(x => new Line(x.Kind, x.Variants)).ToList(),
        "quote" => c.Quotes.Where(q => q.Variants.Select(v => v.Article).Distinct().Count() > 1).Select(q => new Line(q.Speaker ?? "", q.Variants)).ToList(),
        _ => c.Terms.Select(t => new Line("", t.Variants)).ToList(),
    };

    private static bool Matches(Line line, Expected g)
    {
        if (g.Kind is "quote" && !SameSpeaker(line.Detail, g.Detail) || g.Kind is "conflict" && !line.Detail.Equals(g.Detail, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return g.Variants.All(v => line.Variants.Any(l => l.Article == v.Article && Holds(l, v.Words, g.Kind)));
    }

    private static bool Holds(CoverageVariant variant, string words, string kind) => kind == "term"
        ? variant.Text.Equals(words, StringComparison.OrdinalIgnoreCase)
        : variant.Text.Contains(words, StringComparison.OrdinalIgnoreCase);

    /// <summary>Renderings (alone or grouped) of an annotated quote whose named speaker is not the table's.</summary>
    private static int WrongSpeakers(StoryCoverage coverage, List<Expected> gold, List<string> misses, string id)
    {
        var wrong = 0;
        foreach (var q in coverage.Quotes)
        {
            if (q.Speaker is null)
            {
                continue;
            }

            foreach (var g in gold)
            {
                if (q.Variants.Any(v => g.Variants.Any(x => x.Article == v.Article && v.Text.Contains(x.Words, StringComparison.OrdinalIgnoreCase)))
                    && !SameSpeaker(q.Speaker, g.Detail))
                {
                    wrong++;
                    misses.Add($"{id} quote WRONG SPEAKER: {q.Speaker} for {g.Detail}: {Short(q.Variants[0].Text)}");
                }
            }
        }

        return wrong;
    }

    /// <summary>The table's speaker, however the outlet spells the name (a transliteration is the same person).</summary>
    private static bool SameSpeaker(string predicted, string expected) =>
        Parallax.Core.Coverage.TermVariantsTable.Default.SameReferent(predicted.ToLowerInvariant(), expected.ToLowerInvariant())
        && predicted.Split(' ').Length == expected.Split(' ').Length;

    private static string Short(string text) => text.Length <= 90 ? text : text[..87] + "...";
}
