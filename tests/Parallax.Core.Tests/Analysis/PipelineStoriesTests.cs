using System.Text;
using Parallax.Core.Analysis;
using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;

namespace Parallax.Core.Tests.Analysis;

/// <summary>The story part of the pipeline on hand-made text pages (fictional content).</summary>
public sealed class PipelineStoriesTests
{
    private const string Fire = """
        Fire destroys Oakfield flour mill
        A fire destroyed the old flour mill in Oakfield on Tuesday night, the town's fire service said. Firefighters from three stations fought the blaze for six hours before bringing it under control.
        Mill owner Greta Vasquez said nobody was inside when the fire started. The building, which dates from 1884, had been due to reopen as a bakery museum in the spring.
        Fire chief Tomas Rilke said the cause was not yet known, but investigators were looking at the electrical wiring in the old drying room.
        """;

    private const string Vote = """
        Marlow wins Kestrel mayoral race
        Ingrid Marlow was elected mayor of Kestrel with 54 percent of the vote on Sunday, defeating incumbent Paul Dressler after a campaign dominated by housing costs.
        Marlow, a former school principal, promised to build 2,000 affordable homes within four years and to reopen the closed branch library in the harbour district.
        Dressler conceded on Sunday night and congratulated his rival, saying the city needed unity after a bitter campaign.
        """;

    [Fact]
    public void Copies_share_their_originals_story_and_distinct_events_get_their_own()
    {
        var pipeline = ParallaxPipeline.CreateDefault();
        var pages = new[]
        {
            Page("fire.txt", Fire),
            Page("vote.txt", Vote),
            Page("fire-copy.txt", Fire),
        };
        var result = pipeline.Analyze(pages);
        Assert.Equal(3, result.Articles.Count);
        var (fire, vote, copy) = (result.Articles[0], result.Articles[1], result.Articles[2]);
        Assert.Equal(fire.Id, copy.CopyOf);
        Assert.Equal(2, result.Stories.Count);
        var fireStory = result.Stories.Single(s => s.Articles.Contains(fire.Id));
        Assert.Equal([fire.Id, copy.Id], fireStory.Articles);
        Assert.Equal("Fire destroys Oakfield flour mill", fireStory.Title);
        Assert.Equal([vote.Id], result.Stories.Single(s => s.Articles.Contains(vote.Id)).Articles);
    }

    [Fact]
    public void No_pages_give_no_stories()
    {
        var result = ParallaxPipeline.CreateDefault().Analyze([]);
        Assert.Empty(result.Articles);
        Assert.Empty(result.Stories);
    }

    private static PageExtraction Page(string path, string text) =>
        new TextExtractorHost().Extract(new PageInput(path, PageFormat.Text, Encoding.UTF8.GetBytes(text)));

    private sealed class TextExtractorHost
    {
        private readonly PageExtractor extractor = new();

        public PageExtraction Extract(PageInput page) => extractor.Extract(page);
    }
}
