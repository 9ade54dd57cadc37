using System.Diagnostics;
using Parallax.Core.Extraction;
using Parallax.Core.Language;
using Parallax.Core.Pipeline;
using Parallax.Core.Spin;
using Parallax.Core.Stories;

namespace Parallax.Data.Ingest;

/// <summary>
/// Rebuilds a session's indexes (copy index, open stories) from the store: every stored article is added again, in
/// arrival order, with its stored title, text, publisher, date and spin result, so the session makes the same decisions
/// it made when the articles first came (the engine is deterministic in arrival order). Extraction, spin and the
/// language layer are not run again: the session reads only those fields (the language reading is left empty). Nor is
/// the embedding model, for an article the store holds an embedding of (written when the model first computed it): the
/// stored vector is given back, bit for bit, so only articles without one cost a model call, as they did at ingest.
/// Afterwards every article's story and copy link are compared with the stored ones; the counts of differences are
/// reported (0 when store and engine agree). Cost: one pass over the articles table and the session's own work per
/// article (copy detection and clustering), the same as ingesting them minus extraction, spin and language.
/// </summary>
internal static class SessionReplay
{
    /// <summary>
    /// The replay runs on a thread of its own at a lower scheduling priority (<see cref="LowPriorityThread"/>): `serve`
    /// answers readers while it replays, and the readers come first when the processor is busy.
    /// </summary>
    /// <returns>The session, the highest stored id, the report, and the stored story of every article by id.</returns>
    public static async Task<(ParallaxSession Session, long MaxId, ReplayReport Report, Dictionary<long, long> Stories)> RebuildAsync(
        IParallaxStore store, ParallaxPipeline pipeline, CancellationToken cancellationToken)
    {
        var ((session, maxId, report, stories), left) = await LowPriorityThread.RunAsync("session replay", () => Rebuild(store, pipeline, cancellationToken));
        return (session, maxId, report with { ThreadsLeftLowered = left }, stories);
    }

    private static (ParallaxSession Session, long MaxId, ReplayReport Report, Dictionary<long, long> Stories) Rebuild(
        IParallaxStore store, ParallaxPipeline pipeline, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var stories = new StoryClusterer(pipeline.Options.Stories, pipeline.Embedder);
        var session = pipeline.CreateSession(stories: stories);
        var dimensions = pipeline.Embedder?.Dimensions ?? 0;
        var stored = new List<(long Id, long Story, long? CopyOf)>();
        var withEmbedding = 0L;
        foreach (var article in store.ReadForReplayAsync(cancellationToken).ToBlockingEnumerable(cancellationToken))
        {
            var prepared = ToPrepared(article, dimensions);
            withEmbedding += prepared.Embedding is null ? 0 : 1;
            session.Add(prepared, IngestCoordinator.Key(article.Id));
            stored.Add((article.Id, article.StoryId, article.CopyOf));
        }

        long storyMismatches = 0, linkMismatches = 0;
        var placed = new Dictionary<long, long>(stored.Count);
        foreach (var (id, story, copyOf) in stored)
        {
            var key = IngestCoordinator.Key(id);
            placed[id] = story;
            if (session.StoryOf(key) + 1L != story)
            {
                storyMismatches++;
            }

            var link = session.LinkOf(key);
            if ((link is null ? (long?)null : IngestCoordinator.IdOf(link.OriginalId)) != copyOf)
            {
                linkMismatches++;
            }
        }

        var maxId = stored.Count > 0 ? stored[^1].Id : 0;
        var report = new ReplayReport(stored.Count, clock.Elapsed, storyMismatches, linkMismatches)
        {
            StoredEmbeddings = withEmbedding,
            EmbeddingsFromStore = stories.EmbeddedFromStore,
            ModelCalls = stories.ModelCalls,
        };
        return (session, maxId, report, placed);
    }

    /// <param name="dimensions">The embedder's dimensions: a stored embedding of another length (another model's) is left out.</param>
    internal static PreparedArticle ToPrepared(ReplayArticle article, int dimensions)
    {
        var extracted = new ExtractedArticle(
            article.Title, article.ExtractedSource, null, article.Published, null, null, article.Text.Split("\n\n"));
        var language = new TextAnalysis(article.Title, article.Text, TextAnalysis.Undetermined, Script.Other, [], [], [], [], [], [], []);

        // The session reads whether it was spun and the restored wording, not the score.
        var spin = new SpinResult(article.Spun ? 1 : 0, article.Spun, article.RestoredText);
        return new PreparedArticle(string.Empty, extracted, article.Text, [], spin, language)
        {
            Embedding = EmbeddingBlob.FromBytes(article.Embedding, dimensions),
        };
    }
}
