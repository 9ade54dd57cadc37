namespace Parallax.Core.Extraction.Html;

/// <summary>
/// Finds a second copy of the article's text inside the body: pages that lay out the same article twice or three
/// times (one copy per screen size, a print copy) and hide all but one with style sheets we do not read. A copy is a
/// run of paragraphs that repeat, word for word and in the same order, a run met earlier, and that is long enough to
/// be prose. Short repeats are kept: meal plans, recipes and question-and-answer series repeat their lines ("Meal 1",
/// "Eat every 2-3 hours") by design, and interleave them with lines that differ.
/// </summary>
internal static class RepeatedRuns
{
    /// <summary>A copied run has at least this many paragraphs...</summary>
    private const int MinParagraphs = 3;

    /// <summary>...and at least this much text: more than a repeated block of a plan or a form.</summary>
    private const int MinChars = 600;

    /// <summary>For each paragraph, whether it belongs to a run that copies an earlier one.</summary>
    public static bool[] Find(IReadOnlyList<string> paragraphs)
    {
        var copy = new bool[paragraphs.Count];
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var origin = new int[paragraphs.Count];
        for (var k = 0; k < paragraphs.Count; k++)
        {
            origin[k] = first.TryGetValue(paragraphs[k], out var j) ? j : -1;
            first.TryAdd(paragraphs[k], k);
        }

        var start = 0;
        while (start < paragraphs.Count)
        {
            if (origin[start] < 0)
            {
                start++;
                continue;
            }

            // The run goes on while each paragraph repeats the one after the previous paragraph's original.
            var end = start + 1;
            var chars = paragraphs[start].Length;
            while (end < paragraphs.Count && origin[end] >= 0 && origin[end] == origin[end - 1] + 1)
            {
                chars += paragraphs[end].Length;
                end++;
            }

            if (end - start >= MinParagraphs && chars >= MinChars)
            {
                Array.Fill(copy, true, start, end - start);
            }

            start = end;
        }

        return copy;
    }
}
