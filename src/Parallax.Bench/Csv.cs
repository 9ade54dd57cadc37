using System.Text;

namespace Parallax.Bench;

/// <summary>
/// RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes). Hand-written because the benchmark
/// files are the only CSV we read, and a dozen lines do not justify a package.
/// </summary>
internal static class Csv
{
    public static IEnumerable<List<string>> ReadRecords(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
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
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                yield return row;
                row = [];
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }

    /// <summary>The fields of one line.</summary>
    public static List<string> SplitLine(string line) => ReadRecords(line).FirstOrDefault() ?? [""];
}
