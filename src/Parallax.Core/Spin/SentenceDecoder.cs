namespace Parallax.Core.Spin;

/// <summary>One of a unit's best candidates, for the search over whole sentences.</summary>
/// <param name="K">The candidate's index in its unit.</param>
/// <param name="Local">Its evidence against the found wording without the trigram term (the search supplies that).</param>
/// <param name="Total">Its evidence with the trigram term.</param>
internal readonly record struct Shortlisted(int K, double Local, double Total);

/// <summary>
/// The search over whole sentences that restores neighbouring swaps together: a Viterbi search under the trigram
/// model over each unit's shortlist.
/// </summary>
internal sealed class SentenceDecoder(NgramFit fit, double ngramWeight)
{
    private readonly NgramModel ngrams = fit.Model;

    // The restoration of the whole text that is most probable under the trigram model and the units' own evidence
    // (a Viterbi search over each unit's shortlist, the found wording included; histories that end in the same two
    // words are merged), so that neighbouring swaps are restored together rather than each against the other's
    // spun wording. Returns each unit's chosen candidate, -1 where the found wording stays.
    public int[] Decode(SpinText text, Shortlisted[][] options, double swapPrior)
    {
        var (words, sentenceStarts, units) = (text.Words, text.SentenceStarts, text.Units);
        var states = new Dictionary<(int, int), Path>();
        var next = new Dictionary<(int, int), Path>();
        states[(NgramModel.Unknown, ngrams.SentenceStart)] = new Path(0, null, -1, -1);
        var weight = ngramWeight * Math.Log(10);
        var u = 0;
        for (var t = 0; t < words.Length;)
        {
            if (t > 0 && sentenceStarts[t])
            {
                next.Clear();
                foreach (var ((first, second), path) in states)
                {
                    Keep(next, (NgramModel.Unknown, ngrams.SentenceStart),
                        path with { Score = path.Score + weight * ngrams.Log10(first, second, ngrams.SentenceEnd) });
                }

                (states, next) = (next, states);
            }

            next.Clear();
            if (u < units.Count && units[u].First == t)
            {
                var unit = units[u];
                foreach (var ((first, second), path) in states)
                {
                    Extend(next, first, second, path, fit.IdsOf(unit.Surface.Text), 0, u, -1, weight);
                    foreach (var (k, local, _) in options[u] ?? [])
                    {
                        Extend(next, first, second, path, fit.IdsOf(unit.Candidates[k].Text), local + swapPrior, u, k, weight);
                    }
                }

                t = unit.End;
                u++;
            }
            else
            {
                var id = fit.Id(words[t]);
                foreach (var ((first, second), path) in states)
                {
                    Keep(next, (second, id), path with { Score = path.Score + weight * ngrams.Log10(first, second, id) });
                }

                t++;
            }

            (states, next) = (next, states);
        }

        Path? best = null;
        foreach (var ((first, second), path) in states)
        {
            var score = path.Score + weight * ngrams.Log10(first, second, ngrams.SentenceEnd);
            if (best is null || score > best.Score)
            {
                best = path with { Score = score };
            }
        }

        var picks = new int[units.Count];
        Array.Fill(picks, -1);
        for (var path = best; path is not null; path = path.Parent)
        {
            if (path.Unit >= 0)
            {
                picks[path.Unit] = path.Candidate;
            }
        }

        return picks;
    }

    // Appends a wording to a path: its local evidence and each of its words' trigram probability.
    private void Extend(
        Dictionary<(int, int), Path> next, int first, int second, Path path, int[] wording, double local, int unit,
        int candidate, double weight)
    {
        var score = path.Score + local;
        foreach (var id in wording)
        {
            score += weight * ngrams.Log10(first, second, id);
            (first, second) = (second, id);
        }

        Keep(next, (first, second), new Path(score, path, unit, candidate));
    }

    // Keeps the better of two paths that end in the same two words: the trigram model cannot tell them apart later.
    private static void Keep(Dictionary<(int, int), Path> states, (int, int) key, Path path)
    {
        if (!states.TryGetValue(key, out var known) || path.Score > known.Score)
        {
            states[key] = path;
        }
    }

    /// <summary>One search path: its score, the path it extends, and the unit and candidate it chose (-1: none).</summary>
    private sealed record Path(double Score, Path? Parent, int Unit, int Candidate);
}
