using Parallax.Core.Extraction.Text;

namespace Parallax.Core.Tests.Extraction.Text;

/// <summary>
/// The readable table of Fixtures/line-shapes.txt: one line of a page and the shape it must be read as.
/// A journalist can review and extend that file without reading any code.
/// </summary>
public sealed class LineShapeTableTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var raw in File.ReadAllLines(Path.Combine(TextTestFiles.FixturesFolder(), "line-shapes.txt")))
        {
            if (raw.StartsWith('#') || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var bar = raw.IndexOf('|');
            data.Add(raw[..bar].Trim(), raw[(bar + 1)..].Trim());
        }

        return data;
    }

    [Fact]
    public void The_table_covers_every_shape()
    {
        var shapes = Cases().Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(Enum.GetNames<LineShape>().Order(), shapes.Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Line_is_read_as_its_shape(string expected, string line)
    {
        Assert.Equal(Enum.Parse<LineShape>(expected), TextExtractor.ShapeOf(line));
    }
}
