namespace Parallax.Core.Spin;

/// <summary>One word or phrase the restorer would put back.</summary>
/// <param name="Start">Character offset in the analysed text.</param>
/// <param name="Length">Characters replaced.</param>
/// <param name="Original">The wording found in the text.</param>
/// <param name="Replacement">The usual wording, with the original's capitalisation.</param>
/// <param name="Probability">How sure the restorer is that the found wording is a spinner's swap (0..1; at least 0.5
/// for a restoration that the search over whole sentences chose against the word's own evidence).</param>
public sealed record SpinEdit(int Start, int Length, string Original, string Replacement, double Probability);

/// <param name="Score">The spin score, 0..1.</param>
/// <param name="JudgedWords">Words and phrases with thesaurus alternatives that were weighed.</param>
/// <param name="Edits">The restorations, in text order.</param>
/// <param name="SwapShare">Estimated share of the judged words that are a spinner's swaps.</param>
public sealed record SpinReading(double Score, int JudgedWords, IReadOnlyList<SpinEdit> Edits, double SwapShare);


/// <summary>Applies restorations to the text they were read from.</summary>
public static class SpinEdits
{
    /// <summary>The text with the edits (in text order, not overlapping) applied.</summary>
    public static string Apply(string text, IReadOnlyList<SpinEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(edits);
        if (edits.Count == 0)
        {
            return text;
        }

        var output = new System.Text.StringBuilder(text.Length);
        var cursor = 0;
        foreach (var edit in edits)
        {
            output.Append(text, cursor, edit.Start - cursor);
            output.Append(edit.Replacement);
            cursor = edit.Start + edit.Length;
        }

        output.Append(text, cursor, text.Length - cursor);
        return output.ToString();
    }
}
