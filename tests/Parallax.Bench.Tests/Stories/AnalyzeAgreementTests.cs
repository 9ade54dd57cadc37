using System.Diagnostics;
using System.Text.Json;
using Parallax.Bench.Stories;
using Parallax.Core.Pipeline;
using Parallax.Core.Stories;
using Xunit.Abstractions;

namespace Parallax.Bench.Tests.Stories;

/// <summary>`bench stories` measures what users get: the same ECB+ pages give the same stories as `parallax analyze`.</summary>
public sealed class AnalyzeAgreementTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Bench_clustering_and_parallax_analyze_give_the_same_stories()
    {
        var benchmarks = TestRepository.BenchmarksRoot();
        if (benchmarks is null)
        {
            output.WriteLine("../shared/benchmarks not found: nothing to compare.");
            return;
        }

        // Three topics, in the order `analyze` walks a folder (ordinal file names).
        var documents = (await BenchData.ReadEcbPlusAsync(benchmarks, CancellationToken.None))
            .Where(d => d.Topic <= 3).OrderBy(d => d.Id + ".txt", StringComparer.Ordinal).ToList();
        var pages = await BenchPages.FromTextsAsync(documents.Select(d => (d.Id, d.Text)).ToList(), ParallaxPipeline.CreateDefault(), CancellationToken.None);
        var bench = StoryRuns.Cluster(pages, StoryOptions.Default);

        var folder = Directory.CreateTempSubdirectory("parallax-agreement-").FullName;
        try
        {
            foreach (var d in documents)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, d.Id + ".txt"), d.Text);
            }

            var storyOfPage = await AnalyzeAsync(folder);
            var compared = 0;
            for (var i = 0; i < documents.Count; i++)
            {
                for (var j = i + 1; j < documents.Count; j++)
                {
                    if (storyOfPage.TryGetValue(documents[i].Id, out var a) && storyOfPage.TryGetValue(documents[j].Id, out var b))
                    {
                        Assert.True((bench[i] == bench[j]) == (a == b), $"{documents[i].Id} and {documents[j].Id}: bench {bench[i] == bench[j]}, analyze {a == b}");
                        compared++;
                    }
                }
            }

            Assert.Equal(documents.Count * (documents.Count - 1) / 2, compared);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs `parallax analyze FOLDER --json`; returns the story of each page's first article, by page name.</summary>
    private static async Task<Dictionary<string, string>> AnalyzeAsync(string folder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "parallax.dll"), "analyze", folder, "--json" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        using var json = JsonDocument.Parse(await stdout);
        var storyOfArticle = new Dictionary<string, string>();
        foreach (var story in json.RootElement.GetProperty("stories").EnumerateArray())
        {
            foreach (var id in story.GetProperty("articles").EnumerateArray())
            {
                storyOfArticle[id.GetString()!] = story.GetProperty("id").GetString()!;
            }
        }

        var storyOfPage = new Dictionary<string, string>();
        foreach (var article in json.RootElement.GetProperty("articles").EnumerateArray())
        {
            var page = Path.GetFileNameWithoutExtension(article.GetProperty("path").GetString()!);
            storyOfPage.TryAdd(page, storyOfArticle[article.GetProperty("id").GetString()!]);
        }

        return storyOfPage;
    }
}
