using System.CommandLine;
using Parallax.Core.Stories;
using Parallax.Embeddings;

namespace Parallax.App.Commands;

/// <summary>
/// `parallax pairs FILE.jsonl`: scores pairs of texts for "same story" with the decision story clustering makes
/// (<see cref="SameStoryScorer"/>). Input lines {"id","a","b"}; output lines {"id","similarity","sameStory"} in order
/// (docs/contracts.md). A pair's verdict depends on that pair and the shipped data only (general-English word
/// frequencies, the embedding model), never on the other lines of the file. The file is streamed: one line in memory at a time.
/// </summary>
internal static class PairsCommand
{

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "JSON lines, one pair per line: {\"id\": \"...\", \"a\": \"text\", \"b\": \"text\"}. A text may start with its title line. '-' reads standard input." };
        var verbose = new Option<bool>("--verbose") { Description = "Name every bad line, not only the first 20 of each kind." };
        var command = new Command(
            "pairs",
            "Score pairs of texts for 'same story', with the decision story clustering uses. Prints one JSON line " +
            "{\"id\", \"similarity\" (0-1), \"sameStory\"} per input line, in order. Bad lines (not JSON, a missing field, " +
            $"over {PairLines.DefaultMaxLineBytes / (1024 * 1024)} MiB) are named on standard error with their line number and skipped; " +
            "the exit code is then 1. Contract: docs/contracts.md.")
        {
            file,
            verbose,
        };
        command.SetAction((result, cancellationToken) => Task.Run(
            () => RunAsync(result.GetValue(file)!, Console.Out, Console.Error, cancellationToken, result.GetValue(verbose)),
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string path, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        bool verbose = false, int maxLineBytes = PairLines.DefaultMaxLineBytes)
    {
        // One scorer for the file: it learns nothing from the pairs it scores, and the model loads on first use.
        using var embedder = new ArcticEmbedder();
        var scorer = new SameStoryScorer(embedder: embedder, embedAlways: true);
        return await PairLines.RunAsync(path, output, error, "sameStory", pair =>
        {
            var verdict = scorer.Score(pair.A, pair.B);
            return (verdict.Similarity, verdict.SameStory);
        }, verbose, maxLineBytes, cancellationToken);
    }
}
