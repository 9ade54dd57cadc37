using System.Text.Json;
using Parallax.App.Commands;

namespace Parallax.App.Tests.Commands;

/// <summary>`parallax align`, run in-process on a real file with captured output: the shared-claim decision per pair of sentences.</summary>
public sealed class AlignCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parallax-align-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Line(object id, string a, string b) => JsonSerializer.Serialize(new { id, a, b });

    [Fact]
    public async Task Scores_each_line_in_order_with_the_slot_checks_and_names_bad_lines()
    {
        var lines = new[]
        {
            Line("paraphrase", "A fire destroyed the historic flour mill in Oakfield on Tuesday night.", "The historic flour mill in Oakfield was destroyed by fire on Tuesday night."),
            Line("number", "The floods destroyed 14 bridges in the Orrin valley.", "The floods destroyed 12 bridges in the Orrin valley."),
            "not json",
            Line("roles", "Ilse Marlow accused Peter Denholm of hiding the budget gap.", "Peter Denholm accused Ilse Marlow of hiding the budget gap."),
            """{"id": 4, "a": "only a"}""",
            Line(5, "The council approved the budget.", "Heavy rain flooded streets across the city on Wednesday."),
        };
        var path = Path.Combine(folder, "align.jsonl");
        await File.WriteAllLinesAsync(path, lines);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await AlignCommand.RunAsync(path, output, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("align.jsonl:3: not valid JSON", error.ToString());
        Assert.Contains("align.jsonl:5: missing \"b\"", error.ToString());
        var results = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["paraphrase", "number", "roles"], results.Take(3).Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(5, results[3].GetProperty("id").GetInt32());
        Assert.Equal([true, false, false, false], results.Select(r => r.GetProperty("sameClaim").GetBoolean()));

        // A changed number and swapped roles score as near-identical: only the checks keep them apart.
        Assert.True(results[1].GetProperty("similarity").GetDouble() > 0.8);
        Assert.True(results[2].GetProperty("similarity").GetDouble() > 0.8);
        Assert.All(results, r => Assert.InRange(r.GetProperty("similarity").GetDouble(), 0, 1));
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var error = new StringWriter();
        Assert.Equal(1, await AlignCommand.RunAsync(Path.Combine(folder, "absent.jsonl"), new StringWriter(), error, CancellationToken.None));
        Assert.Contains("absent.jsonl: no such file", error.ToString());
    }
}
