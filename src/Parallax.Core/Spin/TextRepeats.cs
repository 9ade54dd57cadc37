namespace Parallax.Core.Spin;

/// <summary>
/// What a text repeats, as found: how often each pair of adjacent words occurs (not across a sentence boundary), and
/// how often each word stands capitalised inside a sentence. Articles repeat their phrases and names ("fire
/// department", "James Bodiford"), and a spinner swaps each occurrence on its own.
/// </summary>
internal sealed record TextRepeats(Dictionary<(string, string), int> Pairs, Dictionary<string, int> Names)
{
    public static TextRepeats Of(SpinText text)
    {
        var pairs = new Dictionary<(string, string), int>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var (tokens, words, starts) = (text.Tokens, text.Words, text.SentenceStarts);
        for (var t = 1; t < tokens.Count; t++)
        {
            if (!starts[t] && char.IsUpper(text.Text[tokens[t].Start]))
            {
                names[words[t]] = names.GetValueOrDefault(words[t]) + 1;
            }

            if (!starts[t] && SpinText.Adjacent(text.Text, tokens[t - 1], tokens[t]))
            {
                pairs[(words[t - 1], words[t])] = pairs.GetValueOrDefault((words[t - 1], words[t])) + 1;
            }
        }

        return new TextRepeats(pairs, names);
    }

    // log(1 + n) for the pairs a wording makes with its neighbours elsewhere in the text: for the found wording
    // (spunWords given) its own occurrence is not counted.
    public double PairsElsewhere(string? prev, in Wording wording, string? next, string[]? spunWords, SpinUnit unit)
    {
        var score = 0.0;
        if (prev is not null)
        {
            var own = spunWords is not null && prev == spunWords[unit.First - 1] ? 1 : 0;
            score += Math.Log(1 + Math.Max(0, Pairs.GetValueOrDefault((prev, wording.First)) - own));
        }

        if (next is not null)
        {
            var own = spunWords is not null && next == spunWords[unit.End] ? 1 : 0;
            score += Math.Log(1 + Math.Max(0, Pairs.GetValueOrDefault((wording.Last, next)) - own));
        }

        return score;
    }

    /// <summary>How often a wording stands capitalised inside a sentence elsewhere.</summary>
    public int NameCount(string wording) => Names.GetValueOrDefault(wording);
}
