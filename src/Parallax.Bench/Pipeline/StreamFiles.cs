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
/// <param name="SearchWords">Made-up names taken from the titles of the stream, for the search load.</param>
internal sealed record WrittenStream(string Folder, int Articles, long Bytes, IReadOnlyList<string> SearchWords)
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
/// </summary>
internal static class StreamFiles
{
    public const int Sources = 60;
    public const int LinesPerFile = 10_000;
    private const int SearchWordCount = 200;

    public static async Task<WrittenStream> WriteAsync(
        IReadOnlyList<(string Event, string Text)> sources, int count, int seed, string folder, BenchProgress progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var words = new HashSet<string>(StringComparer.Ordinal);
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
                if (words.Count < SearchWordCount && article.CopyOf < 0 && article.Index % 7 == 0)
                {
                    // A made-up name (capitalised, not the first word): the stream's own vocabulary, found in a few stories.
                    var name = article.Title.Split(' ').Skip(1).FirstOrDefault(w => w.Length >= 6 && char.IsUpper(w[0]) && w.All(char.IsLetter));
                    if (name is not null)
                    {
                        words.Add(name);
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

        return new WrittenStream(folder, written, bytes, [.. words.Order(StringComparer.Ordinal)]);
    }

    /// <summary>The fictional publisher of an article: a hash of its index, the same on every run with this seed.</summary>
    private static int Publisher(int index, int seed) => (int)((uint)((index * 2654435761L) ^ seed) % Sources);
}
