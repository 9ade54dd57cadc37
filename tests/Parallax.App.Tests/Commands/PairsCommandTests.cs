using System.Text.Json;
using Parallax.App.Commands;

namespace Parallax.App.Tests.Commands;

/// <summary>`parallax pairs`, run in-process on a real file with captured output.</summary>
public sealed class PairsCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parallax-pairs-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Scores_each_line_in_order_and_names_bad_lines_by_number()
    {
        var lines = new[]
        {
            Line("same", "Fire destroys Oakfield flour mill\nA fire destroyed the old flour mill in Oakfield on Tuesday night. Mill owner Greta Vasquez said nobody was inside.",
                "Blaze guts historic Oakfield mill\nThe historic flour mill in Oakfield burned down on Tuesday night; owner Greta Vasquez said it was empty."),
            "this is not json",
            "",
            """{"id": "missing-b", "a": "text"}""",
            Line("different", "Fire destroys Oakfield flour mill\nA fire destroyed the old flour mill in Oakfield on Tuesday night.",
                "Marlow wins Kestrel mayoral race\nIngrid Marlow was elected mayor of Kestrel with 54 percent of the vote."),
            """{"id": 7, "a": "", "b": "x"}""",
        };
        var path = Path.Combine(folder, "pairs.jsonl");
        await File.WriteAllLinesAsync(path, lines);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await PairsCommand.RunAsync(path, output, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("pairs.jsonl:2: not valid JSON", error.ToString());
        Assert.Contains("pairs.jsonl:4: missing \"b\"", error.ToString());
        var results = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, results.Count);
        Assert.Equal("same", results[0].GetProperty("id").GetString());
        Assert.True(results[0].GetProperty("sameStory").GetBoolean());
        Assert.Equal("different", results[1].GetProperty("id").GetString());
        Assert.False(results[1].GetProperty("sameStory").GetBoolean());
        Assert.True(results[0].GetProperty("similarity").GetDouble() > results[1].GetProperty("similarity").GetDouble());
        Assert.Equal(7, results[2].GetProperty("id").GetInt32());
        Assert.False(results[2].GetProperty("sameStory").GetBoolean());
        Assert.All(results, r => Assert.InRange(r.GetProperty("similarity").GetDouble(), 0, 1));
    }

    [Fact]
    public async Task A_clean_file_exits_zero_and_a_missing_file_is_an_error()
    {
        var path = Path.Combine(folder, "ok.jsonl");
        await File.WriteAllLinesAsync(path, [Line("p", "A b c", "A b c")]);
        var output = new StringWriter();
        Assert.Equal(0, await PairsCommand.RunAsync(path, output, new StringWriter(), CancellationToken.None));
        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var error = new StringWriter();
        Assert.Equal(1, await PairsCommand.RunAsync(Path.Combine(folder, "absent.jsonl"), new StringWriter(), error, CancellationToken.None));
        Assert.Contains("absent.jsonl", error.ToString());
    }

    [Fact]
    public async Task The_command_is_wired_into_the_parser()
    {
        var path = Path.Combine(folder, "one.jsonl");
        await File.WriteAllLinesAsync(path, [Line("x", "Storm hits coast", "Storm hits coast")]);
        var run = await ParallaxProcess.RunAsync("pairs", path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"sameStory\":true", run.StandardOutput);
    }

    private static string Line(string id, string a, string b) => JsonSerializer.Serialize(new { id, a, b });
}
