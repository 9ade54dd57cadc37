using System.Globalization;
using System.Text.Json;

namespace Parallax.Bench.Stories;

/// <summary>One ECB+ document with its gold event and topic, and once read by the pipeline, its page.</summary>
internal sealed record EcbDocument(string Id, int Topic, string EventCluster, string Text, BenchPage? Page = null);

/// <summary>One headline of the UCI News Aggregator sample with its aggregator story id.</summary>
internal sealed record Headline(string Title, string Publisher, string Story, DateTimeOffset Published);

/// <summary>Finds and reads the benchmark data under ../shared/benchmarks (relative to the repository root).</summary>
internal static class BenchData
{
    public const string EcbPlusFolder = "story-clustering/ecbplus";
    public const string HeadlinesFolder = "story-clustering/uci-news-aggregator-sample";

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

            var fields = Csv.SplitLine(line);
            if (fields.Count < 8)
            {
                continue;
            }

            var millis = long.Parse(fields[7], CultureInfo.InvariantCulture);
            headlines.Add(new Headline(fields[1], fields[3], fields[5], DateTimeOffset.FromUnixTimeMilliseconds(millis)));
        }

        return headlines;
    }
}
