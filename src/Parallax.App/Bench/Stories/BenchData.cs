using System.Globalization;
using System.Text.Json;

namespace Parallax.App.Bench.Stories;

/// <summary>One ECB+ document with its gold event and topic.</summary>
internal sealed record EcbDocument(string Id, int Topic, string EventCluster, string Text);

/// <summary>One headline of the UCI News Aggregator sample with its aggregator story id.</summary>
internal sealed record Headline(string Title, string Publisher, string Story, DateTimeOffset Published);

/// <summary>Finds and reads the benchmark data under ../shared/benchmarks (relative to the repository root).</summary>
internal static class BenchData
{
    public const string EcbPlusFolder = "story-clustering/ecbplus";
    public const string HeadlinesFolder = "story-clustering/uci-news-aggregator-sample";

    /// <summary>The benchmarks folder, or null when the shared data is absent.</summary>
    public static string? BenchmarksRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx")))
                {
                    var benchmarks = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "benchmarks"));
                    if (Directory.Exists(benchmarks))
                    {
                        return benchmarks;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>All ECB+ documents, in file order (topic by topic, the two events of a topic interleaved).</summary>
    public static async Task<IReadOnlyList<EcbDocument>> ReadEcbPlusAsync(string benchmarks, CancellationToken cancellationToken)
    {
        var path = Path.Combine(benchmarks, EcbPlusFolder, "ecbplus_docs.jsonl");
        var documents = new List<EcbDocument>();
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            documents.Add(new EcbDocument(
                root.GetProperty("doc_id").GetString()!,
                root.GetProperty("topic").GetInt32(),
                root.GetProperty("event_cluster").GetString()!,
                root.GetProperty("text").GetString()!));
        }

        return documents;
    }

    /// <summary>The headline sample, in file order (which is grouped by story; the bench orders by time).</summary>
    public static async Task<IReadOnlyList<Headline>> ReadHeadlinesAsync(string benchmarks, CancellationToken cancellationToken)
    {
        var path = Path.Combine(benchmarks, HeadlinesFolder, "uci_news_aggregator_first6366.csv");
        var headlines = new List<Headline>();
        var first = true;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            if (first)
            {
                first = false;
                continue;
            }

            var fields = SplitCsv(line);
            if (fields.Count < 8)
            {
                continue;
            }

            var millis = long.Parse(fields[7], CultureInfo.InvariantCulture);
            headlines.Add(new Headline(fields[1], fields[3], fields[5], DateTimeOffset.FromUnixTimeMilliseconds(millis)));
        }

        return headlines;
    }

    /// <summary>RFC 4180 fields of one line (quoted fields, doubled quotes).</summary>
    internal static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
