using System.IO.Compression;
using System.Text;

namespace Parallax.Bench.Hostile;

/// <summary>One generated input file: its bytes, or, for shapes that are not plain files (links, FIFOs), how to make it.</summary>
internal sealed record HostileFile(string Name, string Kind, byte[]? Bytes, Action<string>? Create = null);

/// <summary>
/// Generates hostile inputs from a seed, so a campaign is reproduced exactly: random and mutated bytes, bad encodings,
/// gzip bombs, truncated and corrupt gzip, deep nesting, mutated real pages, links and FIFOs, and hostile `pairs` lines.
/// </summary>
internal sealed class HostileInputs(int seed, IReadOnlyList<byte[]> realPages)
{
    private static readonly string[] Kinds =
    [
        "random-bytes", "random-markup", "bad-encoding", "gzip-bomb", "truncated-gzip", "corrupt-gzip", "deep-nesting",
        "mutated-real", "mutated-real", "mutated-real", "odd-text", "link-shape", "unsupported", "huge-file",
    ];

    private readonly Random random = new(seed);
    private readonly Dictionary<int, byte[]> bombs = [];

    public HostileFile NextFile(int index)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        var name = $"h{index:D6}-{kind}";
        return kind switch
        {
            "random-bytes" => new(name + ".html", kind, Bytes(random.Next(0, 65536))),
            "random-markup" => new(name + ".html", kind, Encoding.UTF8.GetBytes(RandomMarkup(random.Next(1, 4000)))),
            "bad-encoding" => new(name + ".html", kind, BadEncoding()),
            "gzip-bomb" => new(name + ".html.gz", kind, Bomb(random.Next(1, 4) * 40)),
            "truncated-gzip" => new(name + (random.Next(2) == 0 ? ".html.gz" : ".htm.gz"), kind, Cut(Gzip(Real()))),
            "corrupt-gzip" => new(name + ".html.gz", kind, Corrupt(Gzip(Real()))),
            "deep-nesting" => new(name + ".html", kind, Encoding.UTF8.GetBytes(DeepNesting())),
            "mutated-real" => random.Next(4) == 0 ? new(name + ".html.gz", kind, Gzip(Mutate(Real()))) : new(name + ".html", kind, Mutate(Real())),
            "odd-text" => new(name + (random.Next(3) == 0 ? ".txt.gz" : ".txt"), kind, OddText()),
            "link-shape" => LinkShape(name),
            "unsupported" => new(name + new[] { ".pdf", ".jpg", "", ".gz", ".html~" }[random.Next(5)], kind, Bytes(random.Next(0, 2048))),
            _ => new(name + ".html", kind, null, folder => SparseFile(Path.Combine(folder, name + ".html"))),
        };
    }

    /// <summary>A hostile `pairs` line (no newline inside, except where the line is meant to be cut).</summary>
    public byte[] NextPairsLine(int index)
    {
        var text = RandomText(random.Next(0, 400));
        return random.Next(12) switch
        {
            0 => Bytes(random.Next(1, 2000)).Select(b => b == (byte)'\n' ? (byte)' ' : b).ToArray(),
            1 => Encoding.UTF8.GetBytes($"{{\"id\":\"s{index}\",\"a\":\"{text}\",\"b\":\"\\ud800\"}}"),
            2 => Encoding.UTF8.GetBytes(new string('[', random.Next(10, 100_000)) + "1"),
            3 => Encoding.UTF8.GetBytes($"{{\"id\":\"big{index}\",\"a\":\"{new string('w', 5 * 1024 * 1024)}\",\"b\":\"x\"}}"),
            4 => Encoding.UTF8.GetBytes($"{{\"id\":{index},\"a\":1,\"b\":null}}"),
            5 => Encoding.UTF8.GetBytes($"{{\"a\":\"{text}\",\"b\":\"{text}\"}}"),
            6 => [.. Encoding.UTF8.GetBytes($"{{\"id\":\"u{index}\",\"a\":\""), 0xC3, 0x28, 0xFF, .. "\",\"b\":\"x\"}"u8],
            7 => Encoding.UTF8.GetBytes($"{{\"id\":\"d{index}\",\"a\":\"\\udc00\\ud800{text}\",\"b\":\"{text}\\u0000\"}}"),
            8 => Encoding.UTF8.GetBytes($"{{\"id\":\"r{index}\",\"a\":\"{text}\",\"b\":\"{text}\"\r}}\r"),
            9 => Encoding.UTF8.GetBytes($"{{\"id\":[\"x\"],\"a\":\"{text}\",\"b\":\"{text}\"}}"),
            10 => Encoding.UTF8.GetBytes($"{{\"id\":\"l{index}\",\"a\":\"{new string('z', random.Next(100_000, 1_000_000))}\",\"b\":\"{text}\"}}"),
            _ => Encoding.UTF8.GetBytes($"{{\"id\":\"t{index}\",\"a\":\"{text}\"," + new string('x', random.Next(0, 50))),
        };
    }

    /// <summary>A good `pairs` line: two real texts, so that it must come back scored.</summary>
    public byte[] GoodPairsLine(string id)
    {
        var a = Encoding.UTF8.GetString(Real());
        var b = Encoding.UTF8.GetString(Real());
        string Clip(string s) => System.Text.Json.JsonSerializer.Serialize(s[..Math.Min(s.Length, 3000)]);
        return Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\",\"a\":{Clip(a)},\"b\":{Clip(b)}}}");
    }

    public byte[] Real() => realPages[random.Next(realPages.Count)];

    private byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private string RandomText(int length)
    {
        const string letters = "abcdefghij klmnopqrstuvwxyz .,;ABCÉ€中";
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = letters[r.Next(letters.Length)];
            }
        });
    }

    private string RandomMarkup(int tokens)
    {
        string[] pieces = ["<div>", "</div>", "<p>", "</p>", "<a href=x>", "</a>", "<!--", "-->", "--!>", "<script>", "</script>", "<table><tr><td>",
            "<b>", "<i>", "</b>", "<![CDATA[", "]]>", "&amp;", "&#xD800;", "&#0;", "<template>", "<svg><foreignObject>", "<math>", "<plaintext>",
            "<xmp>", "<select>", "<article>", "</article>", "<meta charset=\"x-bogus\">", "<title>", "</title>", "\u0000", "\uFEFF", "<", ">"];
        var builder = new StringBuilder();
        for (var i = 0; i < tokens; i++)
        {
            builder.Append(random.Next(3) == 0 ? RandomText(random.Next(1, 80)) : pieces[random.Next(pieces.Length)]);
        }

        return builder.ToString();
    }

    private byte[] BadEncoding()
    {
        var body = "<p>" + string.Join(" ", Enumerable.Range(0, 60).Select(i => "word" + i)) + " caf\u00e9.</p>";
        return random.Next(7) switch
        {
            0 => [.. Encoding.ASCII.GetBytes("<html><head><meta charset=\"utf-7\"></head><body>" + body), 0xE9, .. "</body></html>"u8],
            1 => [.. Encoding.ASCII.GetBytes("<meta charset=\"x-no-such\"><body>"), .. Bytes(200).Select(b => (byte)(b | 0x80)), .. Encoding.ASCII.GetBytes(body)],
            2 => Encoding.Unicode.GetBytes("<meta charset=\"utf-16\"><body>" + body),
            3 => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("<body>" + body), 0x41],
            4 => [.. Encoding.ASCII.GetBytes("<body><p>"), 0xC0, 0x80, 0xED, 0xA0, 0x80, 0xF8, 0x88, 0x80, 0x80, 0x80, .. Encoding.ASCII.GetBytes(body)],
            5 => [0x00, 0x00, 0xFE, 0xFF, .. new UTF32Encoding(true, false).GetBytes("<body>" + body)],
            _ => [.. Encoding.ASCII.GetBytes("<meta charset=\"ibm037\"><body>"), .. Encoding.ASCII.GetBytes(body)],
        };
    }

    /// <summary>Megabytes of zeros, gzipped: a few hundred kilobytes on disk; made once per size.</summary>
    private byte[] Bomb(int megabytes)
    {
        if (!bombs.TryGetValue(megabytes, out var bomb))
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var zeros = new byte[1 << 20];
                for (var i = 0; i < megabytes; i++)
                {
                    gzip.Write(zeros);
                }
            }

            bomb = bombs[megabytes] = output.ToArray();
        }

        return bomb;
    }

    private byte[] Cut(byte[] bytes) => bytes[..random.Next(1, bytes.Length)];

    private byte[] Corrupt(byte[] bytes)
    {
        var copy = bytes.ToArray();
        for (var i = 0; i < random.Next(1, 20); i++)
        {
            copy[random.Next(Math.Min(10, copy.Length - 1), copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private string DeepNesting()
    {
        var n = random.Next(2_000, 120_000);
        string[] open = ["<div>", "<b><i>", "<table><tr><td>", "<a href=#>", "<select>", "<span>", "<ul><li>", "<font>"];
        var tag = open[random.Next(open.Length)];
        var prefix = random.Next(4) switch
        {
            0 => "<xmp>",
            1 => "<plaintext>",
            _ => "",
        };
        return $"<html><body>{prefix}<p>Deep page.</p>" + string.Concat(Enumerable.Repeat(tag, n)) + "<p>The end.</p></body></html>";
    }

    private byte[] Mutate(byte[] page)
    {
        var bytes = new List<byte>(page);
        for (var m = random.Next(1, 12); m > 0 && bytes.Count > 2; m--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 5000), bytes.Count - at));
                    break;
                case 2:
                    var length = Math.Min(random.Next(1, 5000), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(RandomMarkup(random.Next(1, 50))));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.InsertRange(at, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<div><b>", random.Next(10, 3000)))));
                    break;
            }
        }

        return [.. bytes];
    }

    private byte[] OddText()
    {
        var text = random.Next(6) switch
        {
            0 => "",
            1 => new string(' ', random.Next(1, 100_000)),
            2 => string.Join(" ", Enumerable.Repeat("word", random.Next(100_000, 600_000))),
            3 => RandomText(random.Next(1, 50_000)).Replace('.', '\n'),
            4 => string.Concat(Enumerable.Range(0, random.Next(10, 3000)).Select(i => $"\u0007\u001b[31m line {i}\r")),
            _ => string.Join("\n", Enumerable.Range(0, random.Next(1, 50_000)).Select(_ => "x")),
        };
        var bytes = Encoding.UTF8.GetBytes(text);
        return random.Next(3) == 0 ? Gzip(bytes) : bytes;
    }

    private HostileFile LinkShape(string name)
    {
        const string kind = "link-shape";
        return random.Next(7) switch
        {
            0 => new(name, kind, null, folder =>
            {
                var a = Directory.CreateDirectory(Path.Combine(folder, name, "a")).FullName;
                Directory.CreateSymbolicLink(Path.Combine(a, "up"), "..");
                Directory.CreateSymbolicLink(Path.Combine(a, "self"), ".");
            }),
            1 => new(name + ".html", kind, null, folder => File.CreateSymbolicLink(Path.Combine(folder, name + ".html"), "/dev/zero")),
            2 => new(name + ".html", kind, null, folder => File.CreateSymbolicLink(Path.Combine(folder, name + ".html"), "/dev/urandom")),
            3 => new(name + ".html", kind, null, folder => File.CreateSymbolicLink(Path.Combine(folder, name + ".html"), Path.Combine(folder, "nowhere"))),
            4 => new(name + ".html", kind, null, folder => File.CreateSymbolicLink(Path.Combine(folder, name + ".html"), name + ".html")),
            5 => new(name, kind, null, folder => Directory.CreateSymbolicLink(Path.Combine(folder, name), folder)),
            _ => new(name + ".html", kind, null, folder => MakeFifo(Path.Combine(folder, name + ".html"))),
        };
    }

    private static void MakeFifo(string path)
    {
        using var process = System.Diagnostics.Process.Start("mkfifo", [path]);
        process.WaitForExit();
    }

    /// <summary>A 40 MB file that takes no disk (sparse), over the reader's 32 MB cap.</summary>
    private static void SparseFile(string path)
    {
        using var file = File.Create(path);
        file.SetLength(40L * 1024 * 1024);
        file.Write("<html>"u8);
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
