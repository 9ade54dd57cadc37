namespace Parallax.Core.Spin;

/// <summary>
/// The trigram model's view of a unit: the two words on either side as n-gram ids, and the log-probability of a
/// wording there. The ids of each wording are memoised (bounded, like the lexicon's memos), so one instance serves
/// every thread.
/// </summary>
internal sealed class NgramFit
{
    // Words of a wording the n-gram model reads (thesaurus phrases are shorter).
    private const int MaxPhraseWords = 8;

    private const int MemoLimit = 200_000;

    private readonly BoundedMemo<int[]> idMemo = new(MemoLimit);
    private readonly int numberId;

    public NgramFit(NgramModel ngrams)
    {
        Model = ngrams;
        numberId = ngrams.IdOf("two");
    }

    public NgramModel Model { get; }

    /// <summary>A buffer long enough for <see cref="Phrase"/>.</summary>
    public static int[] NewSequence() => new int[MaxPhraseWords + 4];

    /// <summary>The n-gram ids of a wording's words (at most <see cref="MaxPhraseWords"/>).</summary>
    public int[] IdsOf(string wording)
    {
        if (idMemo.TryGetValue(wording, out var known))
        {
            return known;
        }

        var words = wording.Split(' ');
        var ids = new int[Math.Min(words.Length, MaxPhraseWords)];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Model.IdOf(words[i]);
        }

        idMemo.Remember(wording, ids);

        return ids;
    }

    // The n-gram model spells numbers out, so a number (every one is "0" in words[]) is read as a number word.
    public int Id(string word) => word == "0" ? numberId : Model.IdOf(word);

    /// <summary>The n-gram ids of a text's words (<see cref="Id"/>), for the readings that keep the text as found.</summary>
    public int[] IdsOfWords(string[] words) => Array.ConvertAll(words, Id);

    // The two words before a unit and the two after, as n-gram ids; a sentence boundary stands in for what lies
    // beyond it, and NgramModel.Unknown for a word the model lacks (a rare name).
    public (int Left2, int Left1, int Right1, int Right2) Context(string[] words, bool[] sentenceStarts, SpinUnit unit) =>
        Context(new LookedUp(this, words), words.Length, sentenceStarts, unit);

    /// <summary><see cref="Context(string[], bool[], SpinUnit)"/> over ids already looked up (<see cref="IdsOfWords"/>).</summary>
    public (int Left2, int Left1, int Right1, int Right2) Context(int[] ids, bool[] sentenceStarts, SpinUnit unit) =>
        Context(new Known(ids), ids.Length, sentenceStarts, unit);

    // One implementation for words and for ids: a struct type argument, so each is compiled on its own, inline.
    private (int Left2, int Left1, int Right1, int Right2) Context<TIds>(
        TIds ids, int length, bool[] sentenceStarts, SpinUnit unit)
        where TIds : struct, IWordIds
    {
        int left1, left2 = NgramModel.Unknown;
        if (unit.First == 0 || sentenceStarts[unit.First])
        {
            left1 = Model.SentenceStart;
        }
        else
        {
            left1 = ids.At(unit.First - 1);
            left2 = unit.First - 1 == 0 || sentenceStarts[unit.First - 1]
                ? Model.SentenceStart : ids.At(unit.First - 2);
        }

        int right1, right2 = NgramModel.Unknown;
        if (unit.End == length || sentenceStarts[unit.End])
        {
            right1 = Model.SentenceEnd;
        }
        else
        {
            right1 = ids.At(unit.End);
            right2 = unit.End + 1 == length || sentenceStarts[unit.End + 1]
                ? Model.SentenceEnd : ids.At(unit.End + 1);
        }

        return (left2, left1, right1, right2);
    }

    // Natural-log probability under the trigram model of a wording and the two words after it, given the two before.
    public double Phrase(int left2, int left1, int[] wording, int right1, int right2, int[] sequence)
    {
        var n = 0;
        sequence[n++] = left2;
        sequence[n++] = left1;
        foreach (var id in wording)
        {
            sequence[n++] = id;
        }

        sequence[n++] = right1;
        if (right2 != NgramModel.Unknown || right1 != Model.SentenceEnd)
        {
            sequence[n++] = right2;
        }

        var log10 = 0.0;
        for (var i = 2; i < n; i++)
        {
            log10 += Model.Log10(sequence[i - 2], sequence[i - 1], sequence[i]);
        }

        return log10 * Math.Log(10);
    }
}

/// <summary>The n-gram id of the word at a position.</summary>
internal interface IWordIds
{
    int At(int t);
}

internal readonly record struct LookedUp(NgramFit Fit, string[] Words) : IWordIds
{
    public int At(int t) => Fit.Id(Words[t]);
}

internal readonly record struct Known(int[] Ids) : IWordIds
{
    public int At(int t) => Ids[t];
}
