using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Parallax.App.Commands;

namespace Parallax.App.Tests.Commands;

/// <summary>The `parallax pairs` cases of issue 13: lone surrogates, huge lines, verdicts that depend on one pair only, floods of bad lines.</summary>
public sealed class PairsHostileTests : IDisposable
{
    private const string TitleA = "Fire destroys Oakfield flour mill\nA fire destroyed the old flour mill in Oakfield on Tuesday night. Mill owner Greta Vasquez said nobody was inside.";
    private const string TitleB = "Blaze guts historic Oakfield mill\nThe historic flour mill in Oakfield burned down on Tuesday night; owner Greta Vasquez said it was empty.";

    private readonly string folder = Directory.CreateTempSubdirectory("parallax-pairs-hostile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Line(string id, string a, string b) => JsonSerializer.Serialize(new { id, a, b });

    private async Task<(int Exit, string Output, string Error)> RunAsync(IEnumerable<string> lines, int maxLineBytes = PairLines.DefaultMaxLineBytes)
    {
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(path, lines);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await PairsCommand.RunAsync(path, output, error, CancellationToken.None, maxLineBytes: maxLineBytes);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_lone_surrogate_line_is_skipped_and_the_others_are_scored()
    {
        var run = await RunAsync([Line("ok1", TitleA, TitleB), """{"id":"s","a":"ok","b":"\ud800"}""", """{"id":"\udc00","a":"ok","b":"ok"}""", Line("ok2", TitleA, TitleA)]);

        Assert.Equal(1, run.Exit);
        Assert.Contains(":2: \"b\" holds a lone surrogate escape", run.Error);
        Assert.Contains(":3: \"id\" holds a lone surrogate escape", run.Error);
        var ids = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString());
        Assert.Equal(["ok1", "ok2"], ids);
    }

    [Fact]
    public async Task A_pair_scores_the_same_whatever_the_other_lines()
    {
        var alone = await RunAsync([Line("p", TitleA, TitleB)]);
        var withOthers = await RunAsync([Line("e1", "", ""), Line("p", TitleA, TitleB), Line("q", "Marlow wins Kestrel mayoral race\nIngrid Marlow was elected.", "Storm hits coast")]);

        var first = JsonDocument.Parse(alone.Output.Trim()).RootElement;
        var second = withOthers.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("id").GetString() == "p");
        Assert.Equal(first.GetProperty("similarity").GetDouble(), second.GetProperty("similarity").GetDouble());
        Assert.Equal(first.GetProperty("sameStory").GetBoolean(), second.GetProperty("sameStory").GetBoolean());
    }

    [Fact]
    public async Task A_line_over_the_limit_is_refused_with_a_reason_and_the_next_is_scored()
    {
        var huge = Line("huge", new string('x', 50_000), "y");
        var run = await RunAsync([huge, Line("after", TitleA, TitleB)], maxLineBytes: 10_000);

        Assert.Equal(1, run.Exit);
        Assert.Contains(":1: the line is 50,", run.Error);
        Assert.Contains("over the 10,000-byte limit; skipped", run.Error);
        Assert.Contains("\"id\":\"after\"", run.Output);
    }

    [Fact]
    public async Task A_line_of_hundreds_of_megabytes_runs_in_bounded_memory()
    {
        // A line of 1 GB (the was 1.1 GB): streamed, so the child's peak memory stays far below the line, though
        // it holds the sentence-embedding model (about 370 MB) that scores the pair after it.
        var path = Path.Combine(folder, "huge.jsonl");
        await using (var file = File.Create(path))
        {
            await file.WriteAsync("{\"id\":\"h\",\"a\":\""u8.ToArray());
            var chunk = Encoding.ASCII.GetBytes(new string('w', 1 << 20));
            for (var i = 0; i < 1000; i++)
            {
                await file.WriteAsync(chunk);
            }

            await file.WriteAsync("\",\"b\":\"x\"}\n"u8.ToArray());
            await file.WriteAsync(Encoding.UTF8.GetBytes(Line("after", TitleA, TitleB) + "\n"));
        }

        using var process = Process.Start(ParallaxProcess.StartInfo(folder, "pairs", path))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResidentBytes(process.Id));
            await Task.Delay(20);
        }

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("huge.jsonl:1: the line is 1,048,", await error);
        Assert.Contains("\"id\":\"after\"", await output);
        Assert.InRange(peak, 0, 700L << 20);
        File.Delete(path);
    }

    [Fact]
    public async Task Floods_of_bad_lines_are_summarised_in_plain_words()
    {
        var lines = Enumerable.Range(0, 5000).Select(i => i % 2 == 0 ? "{\"id\": 1, \"a\": \"x\", " : "not json").Append(Line("ok", TitleA, TitleB));
        var run = await RunAsync(lines);

        Assert.Equal(1, run.Exit);
        var errorLines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(errorLines.Length, 21, 25);
        Assert.Contains(errorLines, l => l.Contains("4,980 more lines failed with \"not valid JSON\"", StringComparison.Ordinal));
        Assert.Contains("5,000 of 5,001 lines failed", run.Error);
        Assert.DoesNotContain("LineNumber", run.Error);
        Assert.DoesNotContain("BytePositionInLine", run.Error);
        Assert.DoesNotContain("reader options", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
    }

    [Fact]
    public async Task Invalid_utf8_and_other_shapes_are_named_plainly()
    {
        var path = Path.Combine(folder, "mixed.jsonl");
        var bytes = new List<byte>();
        bytes.AddRange("\uFEFF"u8.ToArray());
        bytes.AddRange(Encoding.UTF8.GetBytes(Line("bom", TitleA, TitleB) + "\r\n"));
        bytes.AddRange("{\"id\":\"u\",\"a\":\"\xff\",\"b\":\"x\"}\n"u8.ToArray().Select(b => b == (byte)'?' ? (byte)0xFF : b));
        bytes.AddRange([(byte)'{', (byte)'"', 0xC3, (byte)'"', (byte)'}', (byte)'\n']);
        bytes.AddRange("[1,2]\n{\"id\":true,\"a\":\"\",\"b\":\"\"}\n{\"id\":\"n\",\"a\":1,\"b\":\"\"}\n"u8.ToArray());
        await File.WriteAllBytesAsync(path, [.. bytes]);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await PairsCommand.RunAsync(path, output, error, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("\"id\":\"bom\"", output.ToString());
        Assert.Contains("mixed.jsonl:3: the line is not valid UTF-8 text", error.ToString());
        Assert.Contains("mixed.jsonl:4: not a JSON object", error.ToString());
        Assert.Contains("mixed.jsonl:5: missing \"id\"", error.ToString());
        Assert.Contains("mixed.jsonl:6: missing \"a\"", error.ToString());
    }

    [Fact]
    public async Task A_folder_or_missing_file_is_named_plainly()
    {
        var error = new StringWriter();
        Assert.Equal(1, await PairsCommand.RunAsync(folder, new StringWriter(), error, CancellationToken.None));
        Assert.Contains("a folder, not a file", error.ToString());
        Assert.DoesNotContain("Exception", error.ToString());
    }

    /// <summary>VmHWM of a live process, in bytes; 0 once it is gone.</summary>
    internal static long PeakResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
