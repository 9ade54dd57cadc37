using Parallax.Core.Language;

namespace Parallax.Core.Spin;

/// <summary>A wording with the statistics that do not depend on its neighbours.</summary>
/// <param name="Text">Lower case; the words of a phrase separated by single spaces.</param>
/// <param name="First">Its first word.</param>
/// <param name="Last">Its last word.</param>
/// <param name="PFirst">Unigram probability of the first word.</param>
/// <param name="LogRest">log P(rest of the phrase | its first word); 0 for one word.</param>
/// <param name="LastCount">Expected count of the last word in the pair corpus.</param>
/// <param name="FirstId">Pair-word id of the first word (<see cref="WordFrequencies.PairWordId"/>).</param>
/// <param name="LastId">Pair-word id of the last word.</param>
/// <param name="LogPFirst">log <paramref name="PFirst"/>, kept for the screen, which reads every candidate.</param>
internal readonly record struct Wording(
    string Text, string First, string Last, double PFirst, double LogRest, double LastCount, int FirstId, int LastId,
    double LogPFirst);

/// <summary>A unit's neighbours as words, with their statistics; null where punctuation or the text's edge stands.</summary>
internal readonly record struct Neighbours(
    string? Prev, double PrevCount, string? Next, double PNext, int PrevId, int NextId)
{
    public double LogPNext { get; } = Next is null ? 0 : Math.Log(PNext);
}

/// <summary>A wording a spinner could have replaced by the found one.</summary>
/// <param name="Word">The candidate wording.</param>
/// <param name="LogChannel">log P(spinner writes the found wording | it had this one): one synonym among all of its.</param>
/// <param name="Lemma">The candidate's lemma.</param>
internal readonly record struct Candidate(Wording Word, double LogChannel, string Lemma)
{
    public string Text => Word.Text;
}

/// <summary>One judged unit of a text: a word or thesaurus phrase, tokens [First, End), and what a spinner may have had.</summary>
/// <param name="Lemmas">The lemmas the found wording may be a form of, apart from itself.</param>
internal sealed record SpinUnit(int First, int End, Wording Surface, Candidate[] Candidates, string[] Lemmas)
{
    // A lone closed-class word ("now", "more"): judged for what a spinner may have put there, but left out of the
    // score and of the share of swaps, which are about content words.
    public bool Closed { get; } = End - First == 1 && !StopLists.English.IsContentWord(Surface.Text);
}
