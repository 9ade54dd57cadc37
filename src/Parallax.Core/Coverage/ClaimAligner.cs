namespace Parallax.Core.Coverage;

/// <summary>Two claims of different reports that state one thing with one slot filled differently.</summary>
public sealed record ConflictPair(Claim A, Claim B, ClaimConflict Conflict, double Similarity);

/// <summary>The claims of a story grouped: each group one statement, at most one sentence per article.</summary>
public sealed record ClaimAlignment(IReadOnlyList<IReadOnlyList<Claim>> Groups, IReadOnlyList<ConflictPair> Conflicts);

/// <summary>
/// Aligns the claims of a story's reports. The word overlap of every pair of claims that share a word or a synonym
/// is summed through an inverted index (a claim meets only the claims it has words in common with), each pair that
/// clears the conflict threshold goes through <see cref="ClaimMatcher"/>'s decision, and the pairs it calls the same
/// claim join groups from the most similar down, never two sentences of one article in a group (a shared claim has
/// one sentence per article). Stateless.
/// </summary>
public sealed class ClaimAligner
{
    /// <summary>A word in more claims than this says nothing about which claims match (a story of hundreds of reports).</summary>
    private const int MaxPosting = 4000;

    /// <summary>Words lighter than this are too common to bring candidates (they still count in the similarity).</summary>
    private const double MinIndexedWeight = 0.8;

    private readonly ClaimMatcher matcher;


    public ClaimAligner(ClaimMatcher matcher)
    {
        this.matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
    }

    public ClaimAlignment Align(IReadOnlyList<Claim> claims, Func<Claim, float[]?>? embed = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var covered = CoveredPairs(claims, cancellationToken);
        var floor = embed is null ? matcher.Options.ConflictThreshold : Math.Min(matcher.Options.ConflictThreshold, matcher.Options.AmbiguousLow);
        var same = new List<(double Similarity, int A, int B)>();
        var conflicts = new List<ConflictPair>();
        foreach (var ((i, j), coverIJ) in covered)
        {
            if (i > j)
            {
                continue;
            }

            covered.TryGetValue((j, i), out var coverJI);
            var a = claims[i];
            var b = claims[j];
            // The index leaves out common words (and words in too many claims), so its sum is a lower bound; with
            // their weight added it is an upper bound, and only a pair whose upper bound clears the floor is scored
            // exactly, with the very function `parallax align` uses.
            var upper = (coverIJ + coverJI + Light(a) + Light(b)) / (a.Mass + b.Mass);
            if (upper < floor)
            {
                continue;
            }

            var lexical = ClaimMatcher.Lexical(a, b);
            var verdict = matcher.Compare(a, b, lexical, embed);
            if (verdict.SameClaim)
            {
                same.Add((verdict.Similarity, i, j));
            }
            else if (verdict.Conflict is { } conflict && verdict.Similarity >= matcher.Options.ConflictThreshold)
            {
                conflicts.Add(new ConflictPair(a, b, conflict, verdict.Similarity));
            }
        }

        // Most similar first, ties in reading order, so the grouping is the same on every run.
        same.Sort((x, y) => y.Similarity != x.Similarity ? y.Similarity.CompareTo(x.Similarity) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var group = new int[claims.Count];
        var members = new List<List<int>>(claims.Count);
        for (var i = 0; i < claims.Count; i++)
        {
            group[i] = i;
            members.Add([i]);
        }

        var similarity = new Dictionary<(int, int), double>(same.Count);
        foreach (var (sim, i, j) in same)
        {
            similarity[(i, j)] = sim;
        }

        var oneEach = matcher.Options.OneSentencePerArticle;
        foreach (var (_, i, j) in same)
        {
            var gi = group[i];
            var gj = group[j];
            if (gi == gj || oneEach && members[gi].Exists(x => members[gj].Exists(y => claims[x].Article == claims[y].Article))
                || !oneEach && !AverageLinked(members[gi], members[gj], similarity, claims))
            {
                continue;
            }

            var (keep, drop) = members[gi].Count >= members[gj].Count ? (gi, gj) : (gj, gi);
            foreach (var m in members[drop])
            {
                group[m] = keep;
            }

            members[keep].AddRange(members[drop]);
            members[drop].Clear();
        }

        var groups = new List<IReadOnlyList<Claim>>();
        for (var g = 0; g < members.Count; g++)
        {
            if (members[g].Count > 0)
            {
                members[g].Sort();
                groups.Add(members[g].ConvertAll(i => claims[i]));
            }
        }

        groups.Sort((x, y) => Order(claims, x[0]).CompareTo(Order(claims, y[0])));

        // A sentence that shares its claim with a sentence of the other report has found its match there; a near-match
        // with yet another sentence of that report is two statements, not a conflict. Two sentences in conflict that
        // one shared claim holds together (each matches a third that gives no figure: "two cracks", "cracks",
        // "three cracks") are each other's match: the reports share the statement and differ on the slot, so the
        // conflict is kept beside the shared claim.
        var index = new Dictionary<Claim, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < claims.Count; i++)
        {
            index[claims[i]] = i;
        }

        bool Matched(Claim claim, string article) => members[group[index[claim]]].Exists(m => claims[m].Article == article);
        conflicts.RemoveAll(c => group[index[c.A]] != group[index[c.B]] && (Matched(c.A, c.B.Article) || Matched(c.B, c.A.Article)));
        conflicts.Sort((x, y) => y.Similarity.CompareTo(x.Similarity));
        return new ClaimAlignment(groups, conflicts);
    }

    /// <summary>Largest pair of groups weighed for a merge: past it the groups stay apart (a bound on the time, not a rule of meaning).</summary>
    private const int MaxLinkPairs = 20_000;

    /// <summary>
    /// Average linkage: the mean similarity of the two groups' cross-article pairs, a pair the decision did not call
    /// the same claim counting 0, reaches <see cref="CoverageOptions.AverageLink"/>; two sentences of one article in a
    /// group are then a report that states the claim twice.
    /// </summary>
    private bool AverageLinked(List<int> a, List<int> b, Dictionary<(int, int), double> similarity, IReadOnlyList<Claim> claims)
    {
        if ((long)a.Count * b.Count > MaxLinkPairs)
        {
            return false;
        }

        double sum = 0;
        var pairs = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (claims[x].Article == claims[y].Article)
                {
                    continue;
                }

                pairs++;
                sum += similarity.GetValueOrDefault(x < y ? (x, y) : (y, x));
            }
        }

        return pairs > 0 && sum / pairs >= matcher.Options.AverageLink;
    }

    /// <summary>The weight of a claim's words that the index leaves out.</summary>
    private static double Light(Claim claim)
    {
        double sum = 0;
        foreach (var term in claim.Terms)
        {
            if (term.Weight < MinIndexedWeight)
            {
                sum += term.Weight;
            }
        }

        return sum;
    }

    private static int Order(IReadOnlyList<Claim> claims, Claim first)
    {
        for (var i = 0; i < claims.Count; i++)
        {
            if (ReferenceEquals(claims[i], first))
            {
                return i;
            }
        }

        return claims.Count;
    }

    /// <summary>
    /// For every ordered pair (i, j) of claims of different articles that share a word or a synonym: the weight of
    /// i's words that j carries (a lemma in common counts 1, a synonym <see cref="ClaimMatcher.SynonymCredit"/>),
    /// the half of <see cref="ClaimMatcher.Lexical"/> that i contributes.
    /// </summary>
    private static Dictionary<(int, int), double> CoveredPairs(IReadOnlyList<Claim> claims, CancellationToken cancellationToken)
    {
        var byLemma = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var bySynset = new Dictionary<int, List<int>>();
        for (var i = 0; i < claims.Count; i++)
        {
            foreach (var term in claims[i].Terms)
            {
                if (term.Weight < MinIndexedWeight)
                {
                    continue;
                }

                foreach (var lemma in term.Lemmas)
                {
                    Post(byLemma, lemma, i);
                }

                foreach (var synset in term.Synsets)
                {
                    Post(bySynset, synset, i);
                }
            }
        }

        var covered = new Dictionary<(int, int), double>();
        var exactStamp = new int[claims.Count];
        var synonymStamp = new int[claims.Count];
        var stamp = 0;
        for (var i = 0; i < claims.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var term in claims[i].Terms)
            {
                if (term.Weight < MinIndexedWeight)
                {
                    continue;
                }

                stamp++;
                foreach (var lemma in term.Lemmas)
                {
                    if (byLemma.TryGetValue(lemma, out var posting) && posting.Count <= MaxPosting)
                    {
                        foreach (var j in posting)
                        {
                            if (exactStamp[j] != stamp && claims[j].Article != claims[i].Article)
                            {
                                exactStamp[j] = stamp;
                                Add(covered, i, j, term.Weight);
                            }
                        }
                    }
                }

                foreach (var synset in term.Synsets)
                {
                    if (bySynset.TryGetValue(synset, out var posting) && posting.Count <= MaxPosting)
                    {
                        foreach (var j in posting)
                        {
                            if (exactStamp[j] != stamp && synonymStamp[j] != stamp && claims[j].Article != claims[i].Article)
                            {
                                synonymStamp[j] = stamp;
                                Add(covered, i, j, term.Weight * ClaimMatcher.SynonymCredit);
                            }
                        }
                    }
                }
            }
        }

        // A pair that only common words join never reaches the threshold; it is dropped early by the caller.
        return covered;
    }

    private static void Add(Dictionary<(int, int), double> covered, int i, int j, double weight)
    {
        ref var value = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(covered, (i, j), out _);
        value += weight;
    }

    private static void Post<TKey>(Dictionary<TKey, List<int>> index, TKey key, int claim)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (list.Count == 0 || list[^1] != claim)
        {
            list.Add(claim);
        }
    }
}
