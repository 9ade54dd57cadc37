namespace Parallax.Bench.Coverage;

/// <summary>
/// The best pairwise F1 a partition of ECB+ sentences can reach, found with the gold instances: shared claims are
/// groups, so the pairs they imply are transitive, while the gold pairs are not (a sentence that mentions two
/// instances pairs with sentences that do not pair with each other). A local search from two starts (every
/// event's sentences in one group; each sentence with its event's most mentioned instance of its own) moves one
/// sentence at a time, then merges whole groups, while the F1 over all events rises. It is a bound to read the
/// alignment figures against, found by search (so a lower bound on the true optimum), never a run-time feature.
/// </summary>
internal static class EcbCeiling
{
    /// <summary>Passes over every sentence; the search settles in a handful, this only bounds the time.</summary>
    private const int MaxPasses = 50;

    public static PairScore Best(IReadOnlyList<EcbSentence> sentences)
    {
        var events = sentences.GroupBy(s => s.Event).Select(g => new Event(g.ToList())).ToList();
        var gold = events.Sum(e => e.Gold());
        PairScore? best = null;
        foreach (var start in new Func<Event, int[]>[] { e => new int[e.Count], e => e.ByMainInstance() })
        {
            var groups = events.Select(start).ToList();
            var score = Search(events, groups, gold);
            if (best is null || score.F1 > best.F1)
            {
                best = score;
            }
        }

        return best!;
    }

    private static PairScore Search(List<Event> events, List<int[]> groups, int gold)
    {
        int predicted = 0, correct = 0;
        for (var e = 0; e < events.Count; e++)
        {
            var (p, c) = events[e].Pairs(groups[e]);
            predicted += p;
            correct += c;
        }

        double F1(int p, int c) => p == 0 || c == 0 ? 0 : 2.0 * c / (p + gold);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var improved = false;
            for (var e = 0; e < events.Count; e++)
            {
                var ev = events[e];
                var g = groups[e];
                for (var i = 0; i < ev.Count; i++)
                {
                    // What sentence i brings to each group it could sit in; group ev.Count is a new one of its own.
                    var p = new int[ev.Count + 1];
                    var c = new int[ev.Count + 1];
                    for (var j = 0; j < ev.Count; j++)
                    {
                        if (ev.Cross[i, j])
                        {
                            p[g[j]]++;
                            c[g[j]] += ev.Good[i, j] ? 1 : 0;
                        }
                    }

                    var fresh = Enumerable.Range(0, ev.Count + 1).First(k => k == ev.Count || Array.IndexOf(g, k) < 0);
                    int baseP = predicted - p[g[i]], baseC = correct - c[g[i]];
                    var (bestGroup, bestF1) = (g[i], F1(predicted, correct));
                    for (var k = 0; k <= ev.Count; k++)
                    {
                        if ((k == fresh || Array.IndexOf(g, k) >= 0) && F1(baseP + p[k], baseC + c[k]) > bestF1 + 1e-12)
                        {
                            (bestGroup, bestF1) = (k, F1(baseP + p[k], baseC + c[k]));
                        }
                    }

                    if (bestGroup != g[i])
                    {
                        predicted = baseP + p[bestGroup];
                        correct = baseC + c[bestGroup];
                        g[i] = bestGroup;
                        improved = true;
                    }
                }

                foreach (var (a, b) in ev.GroupPairs(g))
                {
                    var (p, c) = ev.Between(g, a, b);
                    if (F1(predicted + p, correct + c) > F1(predicted, correct) + 1e-12)
                    {
                        for (var i = 0; i < ev.Count; i++)
                        {
                            g[i] = g[i] == b ? a : g[i];
                        }

                        predicted += p;
                        correct += c;
                        improved = true;
                    }
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return new PairScore(0, predicted, correct, gold);
    }

    /// <summary>One event's sentences: which pairs are of different documents, and which of those share an instance.</summary>
    private sealed class Event
    {
        private readonly List<EcbSentence> sentences;

        public Event(List<EcbSentence> sentences)
        {
            this.sentences = sentences;
            Cross = new bool[Count, Count];
            Good = new bool[Count, Count];
            for (var i = 0; i < Count; i++)
            {
                for (var j = 0; j < Count; j++)
                {
                    Cross[i, j] = i != j && sentences[i].Document != sentences[j].Document;
                    Good[i, j] = Cross[i, j] && sentences[i].Instances.Overlaps(sentences[j].Instances);
                }
            }
        }

        public int Count => sentences.Count;

        public bool[,] Cross { get; }

        public bool[,] Good { get; }

        public int Gold()
        {
            var n = 0;
            for (var i = 0; i < Count; i++)
            {
                for (var j = i + 1; j < Count; j++)
                {
                    n += Good[i, j] ? 1 : 0;
                }
            }

            return n;
        }

        /// <summary>Each sentence in the group of the instance of its that the event's sentences mention most (ties by id).</summary>
        public int[] ByMainInstance()
        {
            var mentions = sentences.SelectMany(s => s.Instances).GroupBy(x => x, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.Count(), StringComparer.Ordinal);
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var groups = new int[Count];
            for (var i = 0; i < Count; i++)
            {
                var main = sentences[i].Instances.OrderByDescending(x => mentions[x]).ThenBy(x => x, StringComparer.Ordinal).FirstOrDefault();
                groups[i] = main is null ? -1 : ids.TryGetValue(main, out var id) ? id : ids[main] = ids.Count;
            }

            // A sentence without an instance is a group of its own.
            var used = ids.Count;
            for (var i = 0; i < Count; i++)
            {
                if (groups[i] < 0)
                {
                    groups[i] = used++;
                }
            }

            return groups;
        }

        public (int Predicted, int Correct) Pairs(int[] groups)
        {
            int p = 0, c = 0;
            for (var i = 0; i < Count; i++)
            {
                for (var j = i + 1; j < Count; j++)
                {
                    if (groups[i] == groups[j] && Cross[i, j])
                    {
                        p++;
                        c += Good[i, j] ? 1 : 0;
                    }
                }
            }

            return (p, c);
        }

        public IEnumerable<(int A, int B)> GroupPairs(int[] groups)
        {
            var labels = groups.Distinct().Order().ToList();
            for (var x = 0; x < labels.Count; x++)
            {
                for (var y = x + 1; y < labels.Count; y++)
                {
                    yield return (labels[x], labels[y]);
                }
            }
        }

        /// <summary>The pairs a merge of groups a and b would add.</summary>
        public (int Predicted, int Correct) Between(int[] groups, int a, int b)
        {
            int p = 0, c = 0;
            for (var i = 0; i < Count; i++)
            {
                for (var j = 0; j < Count; j++)
                {
                    if (groups[i] == a && groups[j] == b && Cross[i, j])
                    {
                        p++;
                        c += Good[i, j] ? 1 : 0;
                    }
                }
            }

            return (p, c);
        }
    }
}
