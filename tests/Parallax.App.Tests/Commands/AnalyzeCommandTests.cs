using System.Text.Json;
using Xunit.Abstractions;

namespace Parallax.App.Tests.Commands;

/// <summary>`parallax analyze` end to end: the real executable, real files, the JSON contract of docs/contracts.md.</summary>
public sealed class AnalyzeCommandTests(ITestOutputHelper output) : IDisposable
{
    private const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Bridge reopens after flood repairs | The Harbourton Ledger</title>
        <meta property="og:site_name" content="The Harbourton Ledger">
        <meta property="article:published_time" content="2026-03-14T09:30:00Z">
        </head><body>
        <nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
        <article>
        <h1>Bridge reopens after flood repairs</h1>
        <p>The Mill Street bridge in Harbourton reopened to traffic on Friday, five months after spring floods tore away part of its eastern pier, the town's works department said.</p>
        <p>Crews replaced the damaged pier and resurfaced the deck at a cost of 2.4 million crowns, about 300,000 less than the first estimate, according to figures released by the council.</p>
        <p>"People can finally cross the river without the long detour through Oakfield," said works director Mara Lindqvist, who thanked residents for their patience during the repairs.</p>
        <p>Heavy vehicles will remain barred from the bridge until a final load test in April, the department added.</p>
        </article>
        <aside><h2>Most read</h2><ul><li><a href="/a">Council votes on budget</a></li><li><a href="/b">Harbour festival dates set</a></li></ul></aside>
        <footer>Subscribe to our newsletter. © The Harbourton Ledger</footer>
        </body></html>
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("parallax-analyze-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Bad_files_are_named_with_their_reason_and_the_rest_is_analyzed()
    {
        File.WriteAllText(Path.Combine(folder, "bridge.html"), Page);
        File.WriteAllBytes(Path.Combine(folder, "empty.html"), []);
        File.WriteAllBytes(Path.Combine(folder, "image.html"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A]);

        var run = await ParallaxProcess.RunAsync("analyze", folder, "--json");
        output.WriteLine(run.StandardError);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("empty.html: empty file", run.StandardError);
        Assert.Contains("image.html: binary content", run.StandardError);

        using var json = JsonDocument.Parse(run.StandardOutput);
        var article = Assert.Single(json.RootElement.GetProperty("articles").EnumerateArray());
        Assert.Equal("a1", article.GetProperty("id").GetString());
        Assert.EndsWith("bridge.html", article.GetProperty("path").GetString());
        Assert.Equal("Bridge reopens after flood repairs", article.GetProperty("title").GetString());
        Assert.Equal("The Harbourton Ledger", article.GetProperty("source").GetString());
        Assert.StartsWith("2026-03-14T09:30:00", article.GetProperty("published").GetString());
        var text = article.GetProperty("text").GetString()!;
        Assert.Contains("five months after spring floods", text);
        Assert.Contains("\n\n", text);
        Assert.DoesNotContain("Most read", text);
        Assert.DoesNotContain("Subscribe", text);
        Assert.Equal(JsonValueKind.Array, article.GetProperty("boilerplate").ValueKind);
        var spin = article.GetProperty("spin");
        Assert.False(spin.GetProperty("spun").GetBoolean());
        Assert.Equal(JsonValueKind.Null, spin.GetProperty("restored").ValueKind);
        Assert.Equal(JsonValueKind.Null, article.GetProperty("copyOf").ValueKind);
        Assert.True(article.TryGetProperty("url", out _));
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("stories").ValueKind);
    }

    [Fact]
    public async Task Timings_name_each_phase_on_standard_error_and_leave_the_output_alone()
    {
        File.WriteAllText(Path.Combine(folder, "bridge.html"), Page);

        var plain = await ParallaxProcess.RunAsync("analyze", folder, "--json");
        var timed = await ParallaxProcess.RunAsync("analyze", folder, "--json", "--timings");
        output.WriteLine(timed.StandardError);

        Assert.Equal(0, timed.ExitCode);
        Assert.Equal(plain.StandardOutput, timed.StandardOutput);
        Assert.DoesNotContain("timing:", plain.StandardError);
        var phases = timed.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("timing: ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]).ToList();
        Assert.Equal(["start-up", "extraction", "analysis", "output", "total", "model", "gc"], phases);
        Assert.Contains("timing: extraction ", timed.StandardError);
        Assert.Contains("ms (1 page)", timed.StandardError);
    }

    [Fact]
    public async Task A_missing_path_fails_with_its_name()
    {
        var run = await ParallaxProcess.RunAsync("analyze", Path.Combine(folder, "nowhere"), "--json");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nowhere: no such file or folder", run.StandardError);
    }

    [Fact]
    public async Task Help_explains_the_command()
    {
        var run = await ParallaxProcess.RunAsync("analyze", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--json", run.StandardOutput);
        Assert.Contains("Folders are walked", run.StandardOutput);
    }

    [SharedDataFact("reference/daily8-rt-prisoner-swap.txt")]
    public async Task The_reference_page_gives_four_articles_one_copy_and_three_stories()
    {
        var root = ParallaxProcess.RepositoryRoot();
        var reference = root is null ? null : Path.GetFullPath(Path.Combine(root, "../shared/reference/daily8-rt-prisoner-swap.txt"));
        if (reference is null || !File.Exists(reference))
        {
            output.WriteLine("skipped: ../shared/reference/daily8-rt-prisoner-swap.txt is not beside this checkout");
            return;
        }

        var run = await ParallaxProcess.RunAsync("analyze", reference, "--json");
        output.WriteLine(run.StandardError);
        Assert.Equal(0, run.ExitCode);

        using var json = JsonDocument.Parse(run.StandardOutput);
        var articles = json.RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(4, articles.Count);
        var copies = articles.Where(a => a.GetProperty("copyOf").ValueKind == JsonValueKind.String).ToList();
        var copy = Assert.Single(copies);
        var original = articles.Single(a => a.GetProperty("id").GetString() == copy.GetProperty("copyOf").GetString());
        Assert.True(original.GetProperty("text").GetString()!.Length > copy.GetProperty("text").GetString()!.Length);
        Assert.Contains("Russia Today", original.GetProperty("source").GetString());

        string[] chrome = ["Hashtags", "Try Our AI Features", "No comments yet", "Related Articles", "DETAILS TO FOLLOW", "hours ago"];
        foreach (var article in articles)
        {
            var text = article.GetProperty("text").GetString()!;
            Assert.DoesNotContain(chrome, text.Contains);
        }

        Assert.Equal(3, json.RootElement.GetProperty("stories").GetArrayLength());
    }
}
