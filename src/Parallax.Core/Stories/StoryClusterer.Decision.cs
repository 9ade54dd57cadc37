namespace Parallax.Core.Stories;

/// <summary>
/// Where a report goes: its candidate stories (by shared heavy features, and for a short report by embedding), their
/// calibrated probabilities, the embedding cascade's gate, and the decision over them.
/// </summary>
public sealed partial class StoryClusterer
{
    /// <summary>
    /// The most probable open story that passes the whole decision (overall and event-level); when none does, the
    /// most probable one, reported but not joined. The cascade: every candidate gets the lexical probability; when
    /// the best of them is in doubt (<see cref="StoryScoring.Ambiguous"/>) and an embedder is at hand, the report is
    /// embedded and every candidate not clearly out is scored again with the embeddings.
    /// </summary>
    /// <param name="reportPassage">The report's article and passage when the model would embed it (no stored embedding), else null.</param>
    private (int Story, double Similarity, bool Joins) BestStory(
        FeatureVector vector, FeatureVector local, long ticks, Func<float[]> embedding, (int Article, string Passage)? reportPassage)
    {
        if (vector.Count == 0)
        {
            return (-1, 0.0, false);
        }

        var (candidates, cosines, probabilities) = Score(vector);
        if (!WouldEmbed(candidates, cosines, probabilities, local, ticks))
        {
            return Decide(candidates, probabilities, local, ticks, options);
        }

        var words = Decide(candidates, probabilities, local, ticks, options);
        EmbeddedReports++;
        PrefetchEmbeddings(reportPassage, candidates.Where((_, c) => probabilities[c] >= options.AmbiguousLow));
        var report = embedding();
        for (var c = 0; c < candidates.Count; c++)
        {
            if (probabilities[c] >= options.AmbiguousLow
                && open[candidates[c]].Embedding?.Cosine(report, Embed) is { } semantic)
            {
                probabilities[c] = StoryScoring.Probability(cosines[c], semantic, options);
            }
        }

        var decided = Decide(candidates, probabilities, local, ticks, options);
        if (decided.Story != words.Story || decided.Joins != words.Joins)
        {
            ChangedByEmbedding++;
        }

        return decided;
    }

    /// <summary>
    /// Embeds at once, in parallel, the passages a decision is about to ask the model for one after another: the
    /// report's (when not embedded yet), and the first report's of each candidate story it will score with embeddings
    /// whose story has none yet (two thirds of a long stream's model calls). Each passage is embedded alone, as it would be on its own, so the vectors
    /// and every decision are the same as without; the model calls overlap on the cores, the session's thread being
    /// the one that would wait. Nothing happens on one core, for fewer than two passages, or with
    /// <see cref="StoryOptions.ParallelEmbeddings"/> off.
    /// </summary>
    private void PrefetchEmbeddings((int Article, string Passage)? reportPassage, IEnumerable<int> rescored)
    {
        if (!options.ParallelEmbeddings || Environment.ProcessorCount < 2)
        {
            return;
        }

        var wanted = new List<(int Article, string Passage)>();
        if (reportPassage is { } own)
        {
            wanted.Add(own);
        }

        foreach (var candidate in rescored)
        {
            if (open[candidate].Embedding is { } story && story.NeedsFirstFromModel(embedder!.Dimensions))
            {
                wanted.Add((story.FirstArticle, story.FirstPassage!));
            }
        }

        if (wanted.Count < 2)
        {
            return;
        }

        var vectors = new float[wanted.Count][];
        Parallel.For(0, wanted.Count, i => vectors[i] = embedder!.Embed(wanted[i].Passage));
        prefetched = [];
        for (var i = 0; i < wanted.Count; i++)
        {
            prefetched[wanted[i].Article] = vectors[i];
        }
    }

    /// <summary>
    /// The decision for a short report (<see cref="StoryOptions.ShortReportWords"/>), already embedded: the candidates
    /// sharing its heavy words and the open stories nearest to it by embedding, each scored with words and embedding.
    /// </summary>
    private (int Story, double Similarity, bool Joins) BestStoryOfShort(FeatureVector vector, FeatureVector local, long ticks, float[] report)
    {
        EmbeddedReports++;
        // Retrieval only: each candidate's lexical cosine is taken once, below, with the embedding's.
        var candidates = vector.Count == 0 ? [] : Retrieve(vector);
        foreach (var story in open.NearestByEmbedding(report, options.SemanticCandidates))
        {
            if (!candidates.Contains(story))
            {
                candidates.Add(story);
            }
        }

        PrefetchEmbeddings(null, candidates);
        var probabilities = new double[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            var state = open[candidates[c]];
            var cosine = vector.Count == 0 ? 0 : state.Centroid.Cosine(vector);
            probabilities[c] = state.Embedding?.Cosine(report, Embed) is { } semantic
                ? StoryScoring.Probability(cosine, semantic, shortOptions)
                : StoryScoring.Probability(cosine, shortOptions);
        }

        return Decide(candidates, probabilities, local, ticks, shortOptions);
    }

    /// <summary>Whether an embedding passage is short (<see cref="StoryOptions.ShortReportWords"/>); it is whitespace-collapsed.</summary>
    private bool IsShort(string passage)
    {
        if (options.ShortReportWords <= 0)
        {
            return false;
        }

        var words = 1;
        foreach (var c in passage)
        {
            if (c == ' ' && ++words > options.ShortReportWords)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The most probable candidate that passes the whole decision under the given rules (the options, or a short
    /// report's), else the most probable one (not joined).
    /// </summary>
    private (int Story, double Similarity, bool Joins) Decide(List<int> candidates, double[] probabilities, FeatureVector local, long ticks, StoryOptions rules)
    {
        var best = -1;
        var bestSimilarity = 0.0;
        var joins = false;
        for (var c = 0; c < candidates.Count; c++)
        {
            var state = open[candidates[c]];
            var time = probabilities[c] >= rules.SureProbability ? 1 : state.TimeFactor(ticks, rules);
            var similarity = StoryScoring.Timed(probabilities[c], time, rules);
            var passes = StoryScoring.SameStory(similarity, StoryScoring.Similarity(local, state.Local, time), rules);
            if (passes ? !joins || similarity > bestSimilarity : !joins && similarity > bestSimilarity)
            {
                (best, bestSimilarity, joins) = (candidates[c], similarity, passes);
            }
        }

        return (best, bestSimilarity, joins);
    }

    /// <summary>The open stories sharing a report's heaviest features (a non-empty vector), best first.</summary>
    private List<int> Retrieve(FeatureVector vector)
    {
        var order = vector.ByWeight();
        var query = new ulong[Math.Min(order.Length, options.QueryTerms)];
        for (var i = 0; i < query.Length; i++)
        {
            query[i] = vector.Keys[order[i]];
        }

        return open.Candidates(query, null, -1);
    }

    /// <summary>The candidate stories of a report (a non-empty vector) with their lexical cosines and probabilities.</summary>
    private (List<int> Candidates, double[] Cosines, double[] Probabilities) Score(FeatureVector vector)
    {
        var candidates = Retrieve(vector);
        var cosines = new double[candidates.Count];
        var probabilities = new double[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            cosines[c] = open[candidates[c]].Centroid.Cosine(vector);
            probabilities[c] = StoryScoring.Probability(cosines[c], options);
        }

        return (candidates, cosines, probabilities);
    }

    /// <summary>
    /// The cascade's gate: an embedder is at hand, the best lexical probability is in doubt
    /// (<see cref="StoryScoring.Ambiguous"/>), the stream is within its embedding allowance, and an embedding could
    /// still make the report join a candidate.
    /// </summary>
    private bool WouldEmbed(List<int> candidates, double[] cosines, double[] probabilities, FeatureVector local, long ticks) =>
        embedder is not null && StoryScoring.Ambiguous(probabilities.Length == 0 ? 0 : probabilities.Max(), options)
        && Embedded < options.EmbeddingAllowance + (options.MaxEmbeddedShare * articleStory.Count)
        && EmbeddingCouldJoin(candidates, cosines, probabilities, local, ticks);

    /// <summary>
    /// Whether the embedding could make the report join any candidate: each candidate the cascade would score again is
    /// judged at the most probable its embedding could make it (a cosine of 1, with a margin for rounding). Joining
    /// only grows with the probability, so when even that leaves every candidate out, the report starts a story
    /// whatever the model says, and a model call (tens of milliseconds) would change nothing: it is not embedded then,
    /// and its story's first passage is embedded on first need, as that of a story started on clear lexical evidence is.
    /// </summary>
    private bool EmbeddingCouldJoin(List<int> candidates, double[] cosines, double[] probabilities, FeatureVector local, long ticks)
    {
        if (options.EmbeddingSlope <= 0)
        {
            return true; // the bound assumes a higher embedding cosine never lowers the probability
        }

        for (var c = 0; c < candidates.Count; c++)
        {
            var probability = probabilities[c];
            if (probability >= options.AmbiguousLow)
            {
                probability = Math.Max(probability, StoryScoring.Probability(cosines[c], MostEmbeddingCosine, options));
            }

            var state = open[candidates[c]];
            var time = probability >= options.SureProbability ? 1 : state.TimeFactor(ticks, options);
            if (StoryScoring.SameStory(StoryScoring.Timed(probability, time, options), StoryScoring.Similarity(local, state.Local, time), options))
            {
                return true;
            }
        }

        return false;
    }
}
