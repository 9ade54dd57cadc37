using Parallax.Core.Pipeline;
using Parallax.Core.Stories;
using Parallax.Data.Ingest;
using Parallax.Embeddings;

namespace Parallax.Data.Tests;

/// <summary>
/// The embeddings the story cascade computed are kept with their articles, so that opening a store does not run the
/// model again for them, and the replay decides as the ingest did.
/// </summary>
public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task A_reopened_store_gives_the_cascade_its_stored_embeddings_and_calls_no_model()
    {
        using var model = new ArcticEmbedder();
        var counting = new CountingModel(model);
        var pipeline = new ParallaxPipelineBuilder().UseEmbedder(counting).Configure(Doubtful).Build();
        var pages = await DemoPagesAsync();
        var store = await FreshAsync();
        var stories = new Dictionary<long, (long Story, long? CopyOf)>();
        using (var coordinator = await IngestCoordinator.OpenAsync(store, pipeline))
        {
            // The first half item by item, the rest through the bulk path: both write what the model computed.
            foreach (var page in pages.Take(pages.Count / 2))
            {
                Assert.Equal(IngestResult.Stored, (await coordinator.IngestAsync(new IngestSubmission(page.Path, page.Path, page))).Result);
            }

            var rest = pages.Skip(pages.Count / 2).Select(p => new IngestSubmission(p.Path, p.Path, p));
            await coordinator.CommitAllAsync(Prepared(coordinator, rest), o => Assert.Equal(IngestResult.Stored, o.Result));
        }

        // The model ran at ingest (the cascade and coverage share it).
        Assert.True(counting.Calls > 0);
        var articles = (await store.CountsAsync()).Articles;
        for (var id = 1L; id <= articles; id++)
        {
            var article = (await store.GetArticleAsync(id))!;
            stories[id] = (article.StoryId, article.CopyOf);
        }

        counting.Reset();
        var again = await AgainAsync();
        using var reopened = await IngestCoordinator.OpenAsync(again, pipeline);
        var replay = reopened.LastReplay;
        Assert.Equal((articles, 0L, 0L), (replay.Articles, replay.StoryMismatches, replay.LinkMismatches));
        Assert.True(replay.StoredEmbeddings > 0, "no embedding was stored");
        Assert.True(replay.EmbeddingsFromStore >= replay.StoredEmbeddings, "a stored embedding was not used");
        Assert.Equal((0L, 0), (replay.ModelCalls, counting.Calls));
        foreach (var (id, (story, copyOf)) in stories)
        {
            Assert.Equal(story, reopened.Session.StoryOf(IngestCoordinator.Key(id)) + 1L);
            Assert.Equal(copyOf, reopened.Session.LinkOf(IngestCoordinator.Key(id)) is { } link ? IngestCoordinator.IdOf(link.OriginalId) : null);
        }

        // A store without them (written before they were kept, or by another model) replays as before: the model embeds.
        var lacking = new ParallaxPipelineBuilder().UseEmbedder(new OtherModel(counting)).Configure(Doubtful).Build();
        using var older = await IngestCoordinator.OpenAsync(again, lacking);
        Assert.Equal((articles, 0L, 0L, 0L), (older.LastReplay.Articles, older.LastReplay.StoryMismatches, older.LastReplay.LinkMismatches, older.LastReplay.EmbeddingsFromStore));
        Assert.Equal(replay.EmbeddingsFromStore, older.LastReplay.ModelCalls);
        Assert.True(counting.Calls > 0);
    }

    /// <summary>
    /// The cascade with its band of doubt widened to nearly every lexical probability: the demo's 13 pages are all clear
    /// cases for the default band (no model call), and this test needs reports the model decides.
    /// </summary>
    private static ParallaxOptions Doubtful(ParallaxOptions options) =>
        options with { Stories = options.Stories with { AmbiguousLow = 0.001, AmbiguousHigh = 0.999 } };

    private static async Task<List<Core.Extraction.PageInput>> DemoPagesAsync()
    {
        var folder = Path.Combine(TestRepository.Root() ?? throw new InvalidOperationException("no checkout"), "samples", "demo", "pages");
        var loader = new Parallax.Ingest.Files.PageFiles();
        var pages = new List<Core.Extraction.PageInput>();
        foreach (var file in Parallax.Ingest.Files.PageFiles.Expand([folder]).Files)
        {
            pages.Add((await loader.LoadAsync(file, CancellationToken.None)).Page!);
        }

        return pages;
    }

    /// <summary>The real model, with its calls counted.</summary>
    private sealed class CountingModel(ITextEmbedder model) : ITextEmbedder
    {
        private int calls;

        public int Calls => calls;

        public int Dimensions => model.Dimensions;

        public float[] Embed(string passage)
        {
            Interlocked.Increment(ref calls);
            return model.Embed(passage);
        }

        public void Reset() => calls = 0;
    }

    /// <summary>
    /// The same vectors padded by one zero: the store's embeddings have another length than this model's, as those of
    /// another model would, so none is used (the cosines, and so the decisions, are the same model's).
    /// </summary>
    private sealed class OtherModel(ITextEmbedder model) : ITextEmbedder
    {
        public int Dimensions => model.Dimensions + 1;

        public float[] Embed(string passage) => [.. model.Embed(passage), 0f];
    }
}
