namespace Parallax.Bench.Coverage;

/// <summary>One fictional report of a fixture event.</summary>
internal sealed record FixtureReport(string Id, string Outlet, string Title, string Text);

/// <summary>One fictional event with its independently worded reports (bench/coverage/events/*.txt).</summary>
internal sealed record FixtureEvent(string Id, IReadOnlyList<FixtureReport> Reports);

/// <summary>One line of the annotation table: something a journalist expects the comparison to show.</summary>
/// <param name="Kind">shared, conflict, quote or term.</param>
/// <param name="Detail">The speaker (quote), the slot kind (conflict), else empty.</param>
/// <param name="Variants">Per article, words its line must contain (a term: the term itself).</param>
internal sealed record Expected(string Event, string Kind, string Detail, IReadOnlyList<(string Article, string Words)> Variants);

/// <summary>
/// Reads the coverage fixture set: events as text files ("== a1 | Outlet" opens a report, then its title line and its
/// body, paragraphs separated by blank lines) and the annotation table bench/coverage/annotations.tsv
/// (event, kind, detail, variants as "a1=words; a2=words").
/// </summary>
internal static class CoverageFixtures
{
    public static IReadOnlyList<FixtureEvent> LoadEvents(string folder)
    {
        var events = new List<FixtureEvent>();
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            events.Add(Parse(Path.GetFileNameWithoutExtension(file).Split('-')[0], File.ReadAllText(file)));
        }

        return events;
    }

    public static FixtureEvent Parse(string id, string content)
    {
        var reports = new List<FixtureReport>();
        foreach (var block in content.Replace("\r\n", "\n", StringComparison.Ordinal).Split("== ", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n');
            var head = lines[0].Split('|', 2);
            var title = lines.Length > 1 ? lines[1].Trim() : "";
            var body = string.Join('\n', lines.Skip(2)).Trim();
            reports.Add(new FixtureReport(head[0].Trim(), head.Length > 1 ? head[1].Trim() : "", title, body));
        }

        return new FixtureEvent(id, reports);
    }

    public static IReadOnlyList<Expected> LoadAnnotations(string path)
    {
        var expected = new List<Expected>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("event\t", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 4)
            {
                throw new FormatException($"{path}: a line needs event, kind, detail and variants: {line}");
            }

            var variants = new List<(string, string)>();
            foreach (var part in f[3].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                variants.Add((part[..eq].Trim(), part[(eq + 1)..].Trim()));
            }

            expected.Add(new Expected(f[0].Trim(), f[1].Trim(), f[2].Trim(), variants));
        }

        return expected;
    }
}
