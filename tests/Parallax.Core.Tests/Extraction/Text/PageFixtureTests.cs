using System.Globalization;
using System.Text;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Text;

namespace Parallax.Core.Tests.Extraction.Text;

/// <summary>
/// Whole pages written as readable fixtures (Fixtures/*.page.txt): every line carries the class it must end up in
/// ("title", "body", "meta", "boiler"), and "##" lines state the expected source, date or author of an article.
/// The test rebuilds the page from the lines, extracts it, and checks classes, titles, bodies and metadata.
/// </summary>
public sealed class PageFixtureTests
{
    private sealed record Fixture(string Page, IReadOnlyList<(string Class, string Line)> Lines, IReadOnlyDictionary<string, string> Expect);

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TextTestFiles.FixturesFolder(), "*.page.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static Fixture Load(string name)
    {
        var page = new StringBuilder();
        var lines = new List<(string, string)>();
        var expect = new Dictionary<string, string>();
        foreach (var raw in File.ReadAllLines(Path.Combine(TextTestFiles.FixturesFolder(), name)))
        {
            if (raw.StartsWith("##", StringComparison.Ordinal))
            {
                var colon = raw.IndexOf(':');
                if (colon > 0 && raw[2..colon].Trim() is { Length: > 0 } key && key.Contains(' '))
                {
                    expect[key] = raw[(colon + 1)..].Trim();
                }

                continue;
            }

            var bar = raw.IndexOf('|');
            var cls = bar < 0 ? string.Empty : raw[..bar].Trim();
            var line = bar < 0 ? string.Empty : raw[(bar + 1)..].Trim();
            page.Append(line).Append('\n');
            if (line.Length > 0)
            {
                lines.Add((cls, line));
            }
        }

        return new Fixture(page.ToString(), lines, expect);
    }

    [Fact]
    public void There_are_page_fixtures() => Assert.True(((IEnumerable<object[]>)Pages()).Count() >= 4);

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_line_gets_its_class(string name)
    {
        var fixture = Load(name);
        var classified = new TextExtractor().ClassifyLines(fixture.Page);

        var expected = fixture.Lines.Select(l => $"{l.Class,-6} | {l.Line}").ToList();
        var actual = classified.Select(l => $"{Tag(l.Class),-6} | {l.Text}").ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Articles_have_the_titles_bodies_and_metadata_of_the_fixture(string name)
    {
        var fixture = Load(name);
        var result = new TextExtractor().Extract(new PageInput(name, PageFormat.Text, Encoding.UTF8.GetBytes(fixture.Page)));

        // The expected articles: each title line opens one, body lines belong to the last title (or to an untitled one).
        var expected = new List<(string? Title, List<string> Body)>();
        foreach (var (cls, line) in fixture.Lines)
        {
            if (cls == "title")
            {
                expected.Add((line, []));
            }
            else if (cls == "body")
            {
                if (expected.Count == 0)
                {
                    expected.Add((null, []));
                }

                expected[^1].Body.Add(line);
            }
        }

        Assert.Null(result.Error);
        Assert.Equal(expected.Count, result.Articles.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var article = result.Articles[i];
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            Assert.Equal(expected[i].Title ?? fixture.Expect.GetValueOrDefault($"title {n}"), article.Title);
            Assert.Equal(expected[i].Body, article.Paragraphs);
            if (fixture.Expect.TryGetValue($"source {n}", out var source))
            {
                Assert.Equal(source == "none" ? null : source, article.Source);
            }

            if (fixture.Expect.TryGetValue($"author {n}", out var author))
            {
                Assert.Equal(author, article.Author);
            }

            if (fixture.Expect.TryGetValue($"published {n}", out var published))
            {
                Assert.Equal(published, article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        var removed = fixture.Lines.Where(l => l.Class is "meta" or "boiler").Select(l => l.Line).ToList();
        Assert.Equal(removed, result.Boilerplate);
    }

    private static string Tag(TextLineClass cls) => cls switch
    {
        TextLineClass.Title => "title",
        TextLineClass.Body => "body",
        TextLineClass.Metadata => "meta",
        _ => "boiler",
    };
}
