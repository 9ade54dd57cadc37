using Parallax.Data.Ingest;

namespace Parallax.Data.Tests;

/// <summary>The store's change counter, which the web process's cache of rendered reads trusts.</summary>
public abstract partial class StoreContract
{
    [SkippableFact]
    public async Task The_generation_grows_with_every_write_readers_see_even_from_another_instance()
    {
        var reader = await FreshAsync();
        var writer = await AgainAsync();
        var seen = await reader.GenerationAsync();

        async Task Grew(string what)
        {
            var now = await reader.GenerationAsync();
            Assert.True(now > seen, $"{what}: the generation stayed at {seen}");
            seen = now;
        }

        async Task Stayed(string what) => Assert.True(await reader.GenerationAsync() == seen, $"{what} changed the generation");

        var source = await writer.AddSourceAsync(new NewSource("Kestrel Gazette", FeedUrl: "https://gazette.example/feed"));
        await Grew("adding a source");
        Assert.Equal(source, await writer.AddSourceAsync(new NewSource("Kestrel Gazette", FeedUrl: "https://gazette.example/feed")));
        await Stayed("adding a source already stored");

        await writer.SaveSourceCheckAsync(source, new SourceCheck(TestNews.Start, TestNews.Start.AddMinutes(30), null, null, "timed out"), []);
        await Grew("a feed check (its error shows on the source's page)");

        using (var coordinator = await IngestCoordinator.OpenAsync(writer, TestNews.Pipeline))
        {
            foreach (var article in TestNews.Stream().Take(2))
            {
                Assert.Equal(IngestResult.Stored, (await coordinator.IngestAsync(TestNews.Submission(article))).Result);
                await Grew("an ingested article");
            }
        }

        var story = (await reader.GetArticleAsync(1))!.StoryId;
        await writer.SetStoryCoverageAsync(story, "{}");
        await Grew("a story's coverage");

        var spare = await writer.AddSourceAsync(new NewSource("Spare Source"));
        await Grew("another source");
        Assert.True(await writer.RemoveSourceAsync(spare));
        await Grew("removing a source");
        Assert.False(await writer.RemoveSourceAsync(spare));
        await Stayed("removing a source that is gone");

        // Reads leave it as it is.
        await writer.ListStoriesAsync(new StoryQuery());
        await writer.SearchAsync("floods");
        await Stayed("reading");
    }
}
