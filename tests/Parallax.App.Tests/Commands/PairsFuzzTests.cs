using System.Text;
using Parallax.App.Commands;

namespace Parallax.App.Tests.Commands;

/// <summary>Seeded fuzzing of `pairs` input: random and mutated lines never throw, and the line reader never loses or invents bytes.</summary>
public sealed class PairsFuzzTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Random_and_mutated_lines_give_a_pair_or_a_plain_reason(int seed)
    {
        var random = new Random(seed);
        var good = Encoding.UTF8.GetBytes("""{"id":"x","a":"Fire in Oakfield\nThe mill burned.","b":"\u00e9t\u00e9 \ud83d\ude00"}""");
        for (var i = 0; i < 3000; i++)
        {
            var line = good.ToList();
            for (var m = random.Next(0, 5); m > 0 && line.Count > 0; m--)
            {
                var at = random.Next(line.Count);
                switch (random.Next(3))
                {
                    case 0:
                        line[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        line.RemoveAt(at);
                        break;
                    default:
                        line.InsertRange(at, Encoding.ASCII.GetBytes(new[] { "\\ud800", "\\", "\"", "{", "]", "\\u00", "1e999" }[random.Next(7)]));
                        break;
                }
            }

            var (pair, problem, _) = PairLines.Parse(line.ToArray(), i + 1);

            Assert.True(pair is null != (problem is null));
            Assert.True(problem is null || (problem.EndsWith("skipped", StringComparison.Ordinal) && !problem.Contains("Exception", StringComparison.Ordinal)), problem);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task The_line_reader_gives_back_every_line_or_its_length(int seed)
    {
        var random = new Random(seed);
        var lines = Enumerable.Range(0, 500).Select(_ => new string('a', random.Next(0, random.Next(2) == 0 ? 50 : 3000))).ToList();
        var max = 1000;
        using var input = new MemoryStream(Encoding.ASCII.GetBytes(string.Join("\n", lines)));

        var read = new List<InputLine>();
        await foreach (var line in LineReader.ReadAsync(input, max, CancellationToken.None))
        {
            read.Add(line);
        }

        Assert.Equal(lines.Count - (lines[^1].Length == 0 ? 1 : 0), read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            Assert.Equal(i + 1, read[i].Number);
            Assert.Equal(lines[i].Length, read[i].Length);
            Assert.Equal(lines[i].Length <= max, read[i].Bytes is not null);
            Assert.True(read[i].Bytes is null || read[i].Bytes!.Length == lines[i].Length);
        }
    }
}
