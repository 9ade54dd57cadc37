using System.Text.Json;

namespace Parallax.Bench.Spin;

/// <summary>One SpinBot document: the Wikipedia text and the spinner's output of it.</summary>
internal sealed record SpinBotDocument(string Id, string Original, string Spun)
{
    /// <summary>
    /// The split, fixed before any tuning: the first half of the documents by id (d000-d015) calibrates, the second half
    /// (d016-d031) is held out. The documents run in article order, so the halves share at most one article.
    /// </summary>
    public bool Calibration(int index, int count) => index < (count + 1) / 2;
}

/// <summary>Reads ../shared/benchmarks/spin/spinbot-wikipedia/pairs.jsonl (fields id, original, spun; see its README).</summary>
internal static class SpinBotData
{
    public const string PairsPath = "../shared/benchmarks/spin/spinbot-wikipedia/pairs.jsonl";

    public static async Task<IReadOnlyList<SpinBotDocument>> LoadAsync(string path, CancellationToken ct)
    {
        var documents = new List<SpinBotDocument>();
        await foreach (var line in File.ReadLinesAsync(path, ct))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            documents.Add(new SpinBotDocument(
                root.GetProperty("id").GetString() ?? "", root.GetProperty("original").GetString() ?? "",
                root.GetProperty("spun").GetString() ?? ""));
        }

        documents.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return documents;
    }
}
