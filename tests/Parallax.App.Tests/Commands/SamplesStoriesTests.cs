using System.Text.Json;

namespace Parallax.App.Tests.Commands;

/// <summary>The README's main command over samples/: the stories samples/README.md says a reader should see.</summary>
public sealed class SamplesStoriesTests
{
    [Fact]
    public async Task The_flood_reports_share_a_story_and_the_flood_wall_vote_is_another()
    {
        var samples = Path.Combine(TestRepository.Root()!, "samples");
        var run = await ParallaxProcess.RunAsync("analyze", samples, "--json");
        using var json = JsonDocument.Parse(run.StandardOutput);

        var pageOf = new Dictionary<string, string>();
        foreach (var article in json.RootElement.GetProperty("articles").EnumerateArray())
        {
            pageOf[article.GetProperty("id").GetString()!] = Path.GetFileName(article.GetProperty("path").GetString()!);
        }

        var storyOfPage = new Dictionary<string, string>();
        foreach (var story in json.RootElement.GetProperty("stories").EnumerateArray())
        {
            foreach (var id in story.GetProperty("articles").EnumerateArray())
            {
                storyOfPage.TryAdd(pageOf[id.GetString()!], story.GetProperty("id").GetString()!);
            }
        }

        // The Ledger's flood report, its spun and verbatim copies and Valemont Daily's own report: one event.
        var flood = storyOfPage["harbourton-ledger-avel-flood.html"];
        Assert.Equal(flood, storyOfPage["coastline-courier-avel-flood-spun.html"]);
        Assert.Equal(flood, storyOfPage["northgate-wire-avel-flood-copy.html"]);
        Assert.Equal(flood, storyOfPage["valemont-daily-avel-flood.html"]);

        // The council's flood-wall vote a month later: another story, with both of its reports.
        var wall = storyOfPage["harbourton-ledger-flood-wall-vote.html"];
        Assert.NotEqual(flood, wall);
        Assert.Equal(wall, storyOfPage["valemont-daily-avel-flood-barrier.txt"]);
    }
}
