using System.CommandLine;
using Parallax.Core.Coverage;
using Parallax.Core.Language;

namespace Parallax.App.Commands;

/// <summary>
/// `parallax align FILE.jsonl`: scores pairs of sentences for "same claim" with the very decision that builds
/// shared claims (<see cref="ClaimMatcher"/>, through <see cref="CoverageBuilder.Align"/>). Input lines
/// {"id","a","b"}; output lines {"id","similarity","sameClaim"} in order (docs/contracts.md); bad lines as for
/// `pairs`. A pair's answer depends on that pair and the shipped data only. Streamed: one line in memory at a time.
/// </summary>
internal static class AlignCommand
{

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "JSON lines, one pair per line: {\"id\": \"...\", \"a\": \"sentence\", \"b\": \"sentence\"}. '-' reads standard input." };
        var verbose = new Option<bool>("--verbose") { Description = "Name every bad line, not only the first 20 of each kind." };
        var command = new Command(
            "align",
            "Score pairs of sentences for 'same claim', with the decision that builds a story's shared claims. Prints one " +
            "JSON line {\"id\", \"similarity\" (0-1), \"sameClaim\"} per input line, in order. Two sentences that differ in a " +
            "number, a date, a place, who did what, the source or a negation are not the same claim. Bad lines are named on " +
            "standard error with their line number and skipped; the exit code is then 1. Contract: docs/contracts.md.")
        {
            file,
            verbose,
        };
        command.SetAction((result, cancellationToken) => Task.Run(
            () => RunAsync(result.GetValue(file)!, Console.Out, Console.Error, cancellationToken, result.GetValue(verbose)),
            cancellationToken));
        return command;
    }

    public static Task<int> RunAsync(string path, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        bool verbose = false, int maxLineBytes = PairLines.DefaultMaxLineBytes)
    {
        // The same decision `analyze` uses for shared claims, with the same default options (words alone; see
        // CoverageOptions.MaxEmbeddings for why the embedding model is off by default).
        var coverage = new CoverageBuilder();
        var language = new LanguageAnalyzer();
        return PairLines.RunAsync(path, output, error, "sameClaim", pair =>
        {
            var verdict = coverage.Align(pair.A, pair.B, language);
            return (verdict.Similarity, verdict.SameClaim);
        }, verbose, maxLineBytes, cancellationToken);
    }
}
