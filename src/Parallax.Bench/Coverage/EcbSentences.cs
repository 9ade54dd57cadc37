using System.Formats.Tar;
using System.IO.Compression;
using System.Xml;

namespace Parallax.Bench.Coverage;

/// <summary>One annotated ECB+ sentence: its document, event (topic and subtopic) and the event instances it mentions.</summary>
internal sealed record EcbSentence(string Document, int Topic, string Event, int Number, string Text, HashSet<string> Instances);

/// <summary>
/// The sentences ECB+ annotated for coreference (ECBplus_coreference_sentences.csv), read from the original XML
/// (ECBplus_xml.tar.gz): tokens joined again, and the event instances (CROSS_DOC_COREF over ACTION_* and
/// NEG_ACTION_* mentions) each sentence mentions. Two annotated sentences of different documents of one event that
/// share an instance are a gold aligned pair.
/// </summary>
internal static class EcbSentences
{
    public static List<EcbSentence> Load(string folder)
    {
        var wanted = new HashSet<(string, int)>();
        foreach (var line in File.ReadLines(Path.Combine(folder, "ECBplus_coreference_sentences.csv")).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length >= 3 && int.TryParse(f[2], out var n))
            {
                wanted.Add(($"{f[0].Trim()}_{f[1].Trim()}", n));
            }
        }

        var sentences = new List<EcbSentence>();
        using var file = File.OpenRead(Path.Combine(folder, "ECBplus_xml.tar.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null
                || !entry.Name.EndsWith(".xml", StringComparison.Ordinal))
            {
                continue;
            }

            var doc = Path.GetFileNameWithoutExtension(entry.Name);
            ReadDocument(doc, entry.DataStream, wanted, sentences);
        }

        return sentences;
    }

    private static void ReadDocument(string doc, Stream xml, HashSet<(string, int)> wanted, List<EcbSentence> into)
    {
        var tokens = new Dictionary<string, (int Sentence, string Text)>();
        var mentions = new Dictionary<string, List<string>>();
        var instances = new Dictionary<int, HashSet<string>>();
        using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        string? markable = null;
        string? relation = null;
        var relationSources = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Name == "CROSS_DOC_COREF" && relation is not null)
            {
                foreach (var m in relationSources)
                {
                    if (mentions.TryGetValue(m, out var anchors) && anchors.Count > 0 && tokens.TryGetValue(anchors[0], out var t))
                    {
                        if (!instances.TryGetValue(t.Sentence, out var set))
                        {
                            instances[t.Sentence] = set = [];
                        }

                        set.Add(relation);
                    }
                }

                relation = null;
                relationSources.Clear();
                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.Name)
            {
                case "token":
                    var id = reader.GetAttribute("t_id")!;
                    var sentence = int.Parse(reader.GetAttribute("sentence")!, System.Globalization.CultureInfo.InvariantCulture);
                    tokens[id] = (sentence, reader.ReadElementContentAsString());
                    break;
                case var name when (name.StartsWith("ACTION_", StringComparison.Ordinal) || name.StartsWith("NEG_ACTION_", StringComparison.Ordinal))
                    && reader.GetAttribute("instance_id") is null && !reader.IsEmptyElement:
                    markable = reader.GetAttribute("m_id");
                    if (markable is not null)
                    {
                        mentions[markable] = [];
                    }

                    break;
                case "token_anchor" when markable is not null:
                    mentions[markable].Add(reader.GetAttribute("t_id")!);
                    break;
                case "CROSS_DOC_COREF":
                    markable = null;
                    var note = reader.GetAttribute("note");
                    relation = note is not null && (note.StartsWith("ACT", StringComparison.Ordinal) || note.StartsWith("NEG", StringComparison.Ordinal)) ? note : null;
                    break;
                case "source" when relation is not null:
                    relationSources.Add(reader.GetAttribute("m_id")!);
                    break;
                default:
                    // Any other markable (a participant, a time) ends the action mention before it.
                    markable = null;
                    break;
            }
        }

        var topic = int.Parse(doc.Split('_')[0], System.Globalization.CultureInfo.InvariantCulture);
        var ev = $"{topic}_{(doc.EndsWith("plus", StringComparison.Ordinal) ? 2 : 1)}";
        foreach (var group in tokens.Values.GroupBy(t => t.Sentence).OrderBy(g => g.Key))
        {
            if (wanted.Contains((doc, group.Key)))
            {
                into.Add(new EcbSentence(doc, topic, ev, group.Key, Detokenize(group.Select(t => t.Text)), instances.GetValueOrDefault(group.Key) ?? []));
            }
        }
    }

    /// <summary>Tokens joined with spaces, none before closing punctuation or after an opening one.</summary>
    private static string Detokenize(IEnumerable<string> tokens)
    {
        var b = new System.Text.StringBuilder();
        foreach (var t in tokens)
        {
            var glue = b.Length == 0 || t is "." or "," or ";" or ":" or "!" or "?" or ")" or "'s" or "n't" or "'" or "%" || b[^1] is '(' or '$';
            if (!glue)
            {
                b.Append(' ');
            }

            b.Append(t);
        }

        return b.ToString();
    }
}
