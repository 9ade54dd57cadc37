using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Parallax.Bench.Scale;
using Parallax.Ingest.Archives;

namespace Parallax.Bench.Pipeline;

/// <summary>The synthetic stream written out as JSON-lines files, with what the load phase needs from it.</summary>
/// <param name="Folder">The folder holding the files (what `parallax import` is given).</param>
/// <param name="Articles">Lines written: one article each.</param>
/// <param name="Bytes">Total size of the files.</param>
/// <param name="SearchQueries">The search load's queries: one or two words of the stream (see <see cref="StreamFiles"/>).</param>
internal sealed record WrittenStream(string Folder, int Articles, long Bytes, IReadOnlyList<string> SearchQueries)
{
    /// <summary>The lines of the files in stream order (read back for the queue; each is one article).</summary>
    public IEnumerable<string> Lines() =>
        Directory.EnumerateFiles(Folder, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(File.ReadLines).Where(l => l.Length > 0);

    /// <summary>The queue key `parallax import` gives a JSON line (SHA-256 of its bytes), so both paths name an item alike.</summary>
    public static string Key(string line) => "jsonl:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line)));
}

/// <summary>
/// Writes <see cref="SyntheticStream"/> as the JSON lines `parallax import` reads: <c>{"url", "title", "text",
/// "published", "source"}</c>, one article a line, 10,000 lines a file, in stream order. Each article gets its
/// publication time from the stream (2.5 s apart from 1 January 2026), one of <see cref="Sources"/> fictional
/// publishers (drawn from the article's index, so a copy usually comes from another publisher than its original, as a
/// republication does) and a URL of its own, so every line is a distinct item even where the text is an exact copy.
/// The search load gets <see cref="SearchQueryCount"/> distinct queries of one or two words, each word either a
/// made-up name from the titles (found in a few stories) or one of the <see cref="CommonWordCount"/> most frequent
/// words of the first texts (found in a large share of all articles, so ranking their matches is the costly search);
/// as many addresses as the story pages get, so the read cache answers few of them.
/// </summary>
internal static class StreamFiles
{
    public const int Sources = 60;
    public const int LinesPerFile = 10_000;
    public const int CommonWordCount = 500;
    public const int SearchQueryCount = 20_000;
    private const int NameCount = 200;
    private const int CountedTexts = 20_000;

    public static async Task<WrittenStream> WriteAsync(
        IReadOnlyList<(string Event, string Text)> sources, int count, int seed, string folder, BenchProgress progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var bytes = 0L;
        StreamWriter? writer = null;
        var written = 0;
        try
        {
            foreach (var article in new SyntheticStream(sources, seed).Generate(count))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (written % LinesPerFile == 0)
                {
                    if (writer is not null)
                    {
                        await writer.DisposeAsync();
                    }

                    writer = new StreamWriter(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"stream-{written / LinesPerFile:D4}.jsonl")), false, new UTF8Encoding(false));
                }

                var source = Publisher(article.Index, seed);
                var line = JsonArticleLine.Format(
                    string.Create(CultureInfo.InvariantCulture, $"https://wire-{source}.example/news/{article.Index}"),
                    article.Title,
                    article.Text,
                    article.Published,
                    string.Create(CultureInfo.InvariantCulture, $"Synthetic Wire {source:D2}"));
                await writer!.WriteLineAsync(line.AsMemory(), cancellationToken);
                bytes += Encoding.UTF8.GetByteCount(line) + 1;
                if (names.Count < NameCount && article.CopyOf < 0 && article.Index % 7 == 0)
                {
                    // A made-up name (capitalised, not the first word): the stream's own vocabulary, found in a few stories.
                    var name = article.Title.Split(' ').Skip(1).FirstOrDefault(w => w.Length >= 6 && char.IsUpper(w[0]) && w.All(char.IsLetter));
                    if (name is not null)
                    {
                        names.Add(name);
                    }
                }

                if (written < CountedTexts)
                {
                    foreach (var word in article.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4 && w.All(char.IsLower)))
                    {
                        frequency[word] = frequency.GetValueOrDefault(word) + 1;
                    }
                }

                written++;
                if (written % 100_000 == 0)
                {
                    progress.Step($"  wrote {written:N0} articles");
                }
            }
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
            }
        }

        var common = frequency.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(CommonWordCount).Select(f => f.Key);
        return new WrittenStream(folder, written, bytes, Queries([.. names.Order(StringComparer.Ordinal), .. common], seed));
    }

    /// <summary>Distinct queries of one word or two (half each), the words drawn evenly from <paramref name="words"/>; the same for the same seed.</summary>
    private static List<string> Queries(IReadOnlyList<string> words, int seed)
    {
        var random = new Random(seed);
        var queries = new HashSet<string>(StringComparer.Ordinal);
        var wanted = Math.Min(SearchQueryCount, words.Count * words.Count);
        while (words.Count > 0 && queries.Count < wanted)
        {
            var first = words[random.Next(words.Count)];
            queries.Add(random.Next(2) == 0 ? first : first + " " + words[random.Next(words.Count)]);
        }

        return [.. queries.Order(StringComparer.Ordinal)];
    }

    /// <summary>The fictional publisher of an article: a hash of its index, the same on every run with this seed.</summary>
    private static int Publisher(int index, int seed) => (int)((uint)((index * 2654435761L) ^ seed) % Sources);
}
