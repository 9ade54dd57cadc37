using Parallax.Core.Analysis;

namespace Parallax.Core.Coverage;

/// <summary>
/// Finds one referent named differently by different outlets, from the texts: in two aligned claims of two reports
/// (one statement), the one name each carries that the other report never uses fills the same role, so the two names
/// are variants when they are spellings of each other, listed variants, or paired so in two statements or more.
/// Labels (a title, a loaded word) come from the seed list, when two aligned claims use two of its words for one
/// thing. Stateless.
/// </summary>
public sealed class TermFinder
{
    private readonly TermVariantsTable variants;

    public TermFinder(TermVariantsTable variants)
    {
        this.variants = variants ?? throw new ArgumentNullException(nameof(variants));
    }

    private sealed record Found(string Kind, Claim A, string TextA, Claim B, string TextB);

    /// <param name="statements">Aligned claims (shared claims, conflicts), each group one statement.</param>
    /// <param name="claims">Every claim of the story, to know which names each report uses.</param>
    public List<TermVariants> Find(IEnumerable<IReadOnlyList<Claim>> statements, IEnumerable<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentNullException.ThrowIfNull(claims);
        var groups = statements.Where(g => g.Count > 1).ToList();
        var namesOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var all = claims.ToList();
        claims = all;
        foreach (var claim in all.Concat(groups.SelectMany(g => g)))
        {
            if (!namesOf.TryGetValue(claim.Article, out var set))
            {
                namesOf[claim.Article] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(claim.Names);
        }

        var found = new List<Found>();
        var evidence = new Dictionary<(string, string), int>();
        foreach (var group in groups)
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    Pair(group[i], group[j], namesOf, found, evidence);
                }
            }
        }

        // Listed name variants need no aligned statement: "Mumbai" in one report and "Bombay" in another name one city.
        var listed = claims.SelectMany(c => c.Names.Select((key, n) => (Claim: c, Key: key, Text: c.NameTexts[n])))
            .Where(x => variants.IsListed(x.Key, out var label) && !label).ToList();
        foreach (var x in listed)
        {
            foreach (var y in listed)
            {
                if (string.CompareOrdinal(x.Claim.Article, y.Claim.Article) < 0 && variants.Listed(x.Key, y.Key, out _)
                    && !namesOf[x.Claim.Article].Contains(y.Key) && !namesOf[y.Claim.Article].Contains(x.Key)
                    && !found.Exists(f => f.A.Article == x.Claim.Article && f.B.Article == y.Claim.Article && Key(f.TextA) == x.Key && Key(f.TextB) == y.Key))
                {
                    found.Add(new Found("name", x.Claim, x.Text, y.Claim, y.Text));
                }
            }
        }

        var kept = found.Where(f => f.Kind == "label" || variants.Variant(Key(f.TextA), Key(f.TextB))
            || evidence.GetValueOrDefault(Ordered(Key(f.TextA), Key(f.TextB))) >= 2).ToList();
        return Merge(kept);
    }

    private void Pair(Claim a, Claim b, Dictionary<string, HashSet<string>> namesOf, List<Found> found, Dictionary<(string, string), int> evidence)
    {
        var onlyA = Unmatched(a, namesOf[b.Article]);
        var onlyB = Unmatched(b, namesOf[a.Article]);
        if (onlyA.Count == 1 && onlyB.Count == 1)
        {
            var key = Ordered(onlyA[0].Key, onlyB[0].Key);
            evidence[key] = evidence.GetValueOrDefault(key) + 1;
            found.Add(new Found("name", a, onlyA[0].Text, b, onlyB[0].Text));
        }

        // Labels: a word of the list in one claim, another word of its group in the other, neither in both.
        var wordsA = a.Terms.Select(t => t.Word).ToHashSet(StringComparer.Ordinal);
        var wordsB = b.Terms.Select(t => t.Word).ToHashSet(StringComparer.Ordinal);
        foreach (var x in wordsA)
        {
            if (wordsB.Contains(x) || !variants.IsListed(x, out _))
            {
                continue;
            }

            foreach (var y in wordsB)
            {
                if (!wordsA.Contains(y) && variants.Listed(x, y, out var label))
                {
                    found.Add(new Found(label ? "label" : "name", a, x, b, y));
                }
            }
        }
    }

    private List<(string Key, string Text)> Unmatched(Claim claim, HashSet<string> otherArticle)
    {
        var unmatched = new List<(string, string)>();
        for (var n = 0; n < claim.Names.Length; n++)
        {
            var key = claim.Names[n];
            if (!otherArticle.Any(o => variants.SameReferent(o, key) && !variants.Variant(o, key)))
            {
                unmatched.Add((key, claim.NameTexts[n]));
            }
        }

        return unmatched;
    }

    private static string Key(string text) => ClaimReader.Lower(text);

    private static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    /// <summary>Pairs that share a form become one referent with all its forms, one line per article and form.</summary>
    private static List<TermVariants> Merge(List<Found> pairs)
    {
        var root = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (root.TryGetValue(x, out var r) && r != x)
            {
                x = r;
            }

            return x;
        }

        foreach (var p in pairs)
        {
            var a = Key(p.TextA);
            var b = Key(p.TextB);
            root.TryAdd(a, a);
            root.TryAdd(b, b);
            var ra = Find(a);
            var rb = Find(b);
            if (ra != rb)
            {
                root[rb] = ra;
            }
        }

        var result = new List<TermVariants>();
        foreach (var group in pairs.GroupBy(p => Find(Key(p.TextA))))
        {
            var lines = new List<CoverageVariant>();
            foreach (var p in group)
            {
                foreach (var (claim, text) in new[] { (p.A, p.TextA), (p.B, p.TextB) })
                {
                    if (!lines.Exists(l => l.Article == claim.Article && Key(l.Text) == Key(text)))
                    {
                        lines.Add(new CoverageVariant(claim.Article, text, claim.SpanArray));
                    }
                }
            }

            if (lines.Select(l => Key(l.Text)).Distinct().Count() > 1)
            {
                result.Add(new TermVariants(group.First().Kind, lines));
            }
        }

        return result;
    }
}
