using System.Text.Json;
using Xunit.Abstractions;

namespace Parallax.App.Tests.Commands;

/// <summary>`parallax analyze --json` fills each story's coverage, with spans that point into each article's text.</summary>
public sealed class AnalyzeCoverageTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parallax-coverage-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Two_reports_of_one_event_give_shared_exclusive_conflicting_quoted_and_term_lines_with_spans()
    {
        var root = Parallax.Tests.TestRepository.Root()!;
        var content = await File.ReadAllTextAsync(Path.Combine(root, "bench", "coverage", "events", "e01-bridges.txt"));
        foreach (var block in content.Split("== ", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n');
            await File.WriteAllTextAsync(Path.Combine(folder, lines[0].Split('|')[0].Trim() + ".txt"), string.Join('\n', lines.Skip(1)));
        }

        var run = await ParallaxProcess.RunAsync("analyze", folder, "--json");
        output.WriteLine(run.StandardError);
        Assert.Equal(0, run.ExitCode);

        using var json = JsonDocument.Parse(run.StandardOutput);
        var texts = json.RootElement.GetProperty("articles").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("text").GetString()!);
        var story = Assert.Single(json.RootElement.GetProperty("stories").EnumerateArray());
        var coverage = story.GetProperty("coverage");
        string At(string article, JsonElement span) => texts[article][span[0].GetInt32()..span[1].GetInt32()];

        var shared = coverage.GetProperty("shared").EnumerateArray().ToList();
        Assert.Contains(shared, s => s.GetProperty("claim").GetString()!.Contains("$40 million"));
        foreach (var s in shared)
        {
            foreach (var span in s.GetProperty("spans").EnumerateObject())
            {
                Assert.NotEmpty(At(span.Name, span.Value));
            }
        }

        foreach (var e in coverage.GetProperty("exclusive").EnumerateArray())
        {
            var claims = e.GetProperty("claims").EnumerateArray().ToList();
            var spans = e.GetProperty("spans").EnumerateArray().ToList();
            Assert.Equal(claims.Count, spans.Count);
            Assert.Equal(claims[0].GetString(), At(e.GetProperty("article").GetString()!, spans[0]));
        }

        var conflict = Assert.Single(coverage.GetProperty("conflicts").EnumerateArray());
        Assert.All(conflict.GetProperty("variants").EnumerateArray(), v => Assert.Equal(v.GetProperty("text").GetString(), At(v.GetProperty("article").GetString()!, v.GetProperty("span"))));
        var quote = Assert.Single(coverage.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("variants").GetArrayLength() == 2);
        Assert.Equal("Ana Lind", quote.GetProperty("speaker").GetString());
        var term = Assert.Single(coverage.GetProperty("terms").EnumerateArray());
        Assert.Equal(["Kiev", "Kyiv"], term.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("text").GetString()));

        // The report for people shows the same comparison side by side.
        var report = await ParallaxProcess.RunAsync("analyze", folder);
        Assert.Contains("differ: number of bridges", report.StandardOutput);
        Assert.Contains("quote Ana Lind", report.StandardOutput);
        Assert.Contains("only a1:", report.StandardOutput);
    }
}
