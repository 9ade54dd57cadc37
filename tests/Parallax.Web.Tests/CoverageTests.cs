using System.Net.Http.Json;
using System.Text.Json;
using Parallax.App.Web.Pages.Stories;

namespace Parallax.Web.Tests;

/// <summary>A story's stored coverage comparison is shown on its page and in the API, in the contract's shape.</summary>
[Collection(DemoCollection.Name)]
public sealed class CoverageTests(DemoStore demo)
{
    [Fact]
    public async Task Stored_coverage_is_shown_with_each_claim_linked_to_its_report()
    {
        var story = await demo.StoryAsync("Halvard");
        var articles = (await demo.Store.GetStoryAsync(story.Id))!.Articles;
        var gazette = articles.First(a => a.SourceName == "The Tarrow Gazette").Id;
        var post = articles.First(a => a.SourceName == "Eskerby Evening Post").Id;
        var coverage = new
        {
            shared = new[] { new { claim = "Halvard Foods will close its Tarrow bakery plant.", articles = new[] { gazette, post } } },
            exclusive = new[] { new { article = post, claims = new[] { "The union says the company gave no warning." } } },
            conflicts = new[] { new { topic = "jobs lost", variants = new[] { new { article = gazette, text = "240 jobs" }, new { article = post, text = "about 250 people" } } } },
            quotes = new[] { new { speaker = "Kwame Adjei", variants = new[] { new { article = gazette, text = "a hammer blow for the estate" } } } },
            terms = Array.Empty<object>(),
        };
        await demo.Store.SetStoryCoverageAsync(story.Id, JsonSerializer.Serialize(coverage));

        using var factory = new ParallaxFactory(demo);
        var html = await factory.Client().GetStringAsync($"/stories/{story.Id}");
        Assert.Contains("Coverage compared", html, StringComparison.Ordinal);
        Assert.Contains("Shared by The Tarrow Gazette, Eskerby Evening Post", html, StringComparison.Ordinal);
        Assert.Contains("Reports differ on jobs lost", html, StringComparison.Ordinal);
        Assert.Contains("about 250 people", html, StringComparison.Ordinal);
        Assert.Contains($"Only in <a href=\"/articles/{post}\">Eskerby Evening Post</a>", html, StringComparison.Ordinal);
        Assert.Contains("Kwame Adjei", html, StringComparison.Ordinal);

        var json = await factory.Client().GetFromJsonAsync<JsonElement>($"/api/stories/{story.Id}");
        Assert.Equal("jobs lost", json.GetProperty("coverage").GetProperty("conflicts")[0].GetProperty("topic").GetString());
    }

    [Fact]
    public async Task A_long_comparison_shows_the_first_lines_of_each_part_and_folds_the_rest_in_place()
    {
        var story = await demo.StoryAsync("Halvard");
        var articles = (await demo.Store.GetStoryAsync(story.Id))!.Articles;
        var (gazette, post) = (articles[0].Id, articles[^1].Id);
        var claims = Enumerable.Range(1, 7).Select(i => $"Claim number {i} of the bakery story.").ToArray();
        var coverage = new
        {
            shared = claims.Select(c => new { claim = c, articles = new[] { gazette, post } }).ToArray(),
            exclusive = new[] { new { article = post, claims = new[] { "Only the Post has this." } } },
        };
        await demo.Store.SetStoryCoverageAsync(story.Id, JsonSerializer.Serialize(coverage));

        using var factory = new ParallaxFactory(demo);
        var html = await factory.Client().GetStringAsync($"/stories/{story.Id}");
        var shared = html[html.IndexOf("id=\"coverage-shared\"", StringComparison.Ordinal)..html.IndexOf("id=\"coverage-exclusive\"", StringComparison.Ordinal)];
        var fold = shared.IndexOf("<details class=\"more\">", StringComparison.Ordinal);
        Assert.True(fold > 0, "the shared claims past the first four are folded");
        Assert.Contains("3 more lines", shared[fold..], StringComparison.Ordinal);
        Assert.All(claims[..4], c => Assert.InRange(shared.IndexOf(c, StringComparison.Ordinal), 0, fold));
        Assert.All(claims[4..], c => Assert.True(shared.IndexOf(c, StringComparison.Ordinal) > fold, $"{c} is under the fold"));
        Assert.Contains("<a href=\"#coverage-shared\">What the reports share <span class=\"count\">7</span></a>", html, StringComparison.Ordinal);

        // A part of four lines or fewer has nothing to fold, and a part with no lines has no heading.
        var exclusive = html[html.IndexOf("id=\"coverage-exclusive\"", StringComparison.Ordinal)..html.IndexOf("reports-title", StringComparison.Ordinal)];
        Assert.DoesNotContain("<details class=\"more\">", exclusive, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"coverage-differ\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_story_shows_the_coverage_its_import_computed_with_spans_in_each_article()
    {
        var story = await demo.StoryAsync("Marren Bridge closed");
        using var factory = new ParallaxFactory(demo);
        var client = factory.Client();
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/stories/{story.Id}");
        var coverage = json.GetProperty("coverage");
        var members = json.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToHashSet();
        var reports = coverage.GetProperty("reports").EnumerateArray().Select(r => r.GetInt64()).ToList();
        Assert.True(reports.Count >= 3, $"reports compared: {reports.Count}");
        Assert.All(reports, r => Assert.Contains(r, members));

        var shared = coverage.GetProperty("shared").EnumerateArray().ToList();
        Assert.NotEmpty(shared);
        // The Gazette found two cracks, Northfold Broadcasting three (samples/demo/README.md).
        var cracks = Assert.Single(coverage.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("kind").GetString() == "number");
        Assert.Equal(["three cracks", "two cracks"], cracks.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("value").GetString()).Order());

        // Every line names a stored article of the story, and its span is where its sentence sits in that article's text.
        var texts = new Dictionary<long, string>();
        foreach (var variant in shared.Concat([cracks]).SelectMany(l => l.GetProperty("variants").EnumerateArray()))
        {
            var article = variant.GetProperty("article").GetInt64();
            Assert.Contains(article, members);
            if (!texts.TryGetValue(article, out var text))
            {
                texts[article] = text = (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{article}")).GetProperty("text").GetString()!;
            }

            var span = variant.GetProperty("span").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.Equal(variant.GetProperty("text").GetString(), text[span[0]..span[1]]);
        }

        var html = await client.GetStringAsync($"/stories/{story.Id}");
        Assert.Contains("Coverage compared", html, StringComparison.Ordinal);
        Assert.Contains("Reports differ on number of cracks", html, StringComparison.Ordinal);
        foreach (var variant in cracks.GetProperty("variants").EnumerateArray())
        {
            Assert.Contains($"<a href=\"/articles/{variant.GetProperty("article").GetInt64()}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("Shared by ", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"shared\": \"not a list\", \"conflicts\": [{\"variants\": [{\"article\": {}, \"text\": 5}]}]}")]
    public void Coverage_that_cannot_be_read_is_left_out_or_read_in_part(string json)
    {
        var coverage = Coverage.Parse(json);
        Assert.True(coverage is null || coverage.Shared.Count == 0);
    }
}
