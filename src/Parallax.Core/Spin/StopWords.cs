using System.Collections.Frozen;

namespace Parallax.Core.Spin;

/// <summary>
/// Closed-class English words (articles, pronouns, prepositions, conjunctions, auxiliaries, determiners). Spinners
/// leave them alone, and they are not "content words" for the spin rate or the spin score.
/// </summary>
public static class StopWords
{
    private static readonly FrozenSet<string> Words = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "because", "as", "while",
        "although", "though", "whether", "since", "until", "unless", "that", "which", "who", "whom", "whose", "what",
        "when", "where", "why", "how", "this", "these", "those", "there", "here", "i", "me", "my", "mine", "myself",
        "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his",
        "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs",
        "themselves", "one", "ones", "be", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had",
        "having", "do", "does", "did", "doing", "done", "will", "would", "shall", "should", "can", "could", "may",
        "might", "must", "ought", "of", "in", "on", "at", "by", "for", "with", "about", "against", "between", "into",
        "through", "during", "before", "after", "above", "below", "to", "from", "up", "down", "out", "off", "over",
        "under", "again", "further", "once", "all", "any", "both", "each", "few", "more", "most", "other", "some",
        "such", "no", "not", "only", "own", "same", "too", "very", "just", "also", "now", "even", "ever", "never",
        "still", "already", "per", "via", "upon", "within", "without", "across", "along", "among", "around",
        "behind", "beyond", "despite", "toward", "towards", "onto", "unto", "amid", "s", "t", "don't", "doesn't",
        "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "couldn't", "shouldn't", "wouldn't",
        "hasn't", "haven't", "hadn't", "it's", "i'm", "he's", "she's", "we're", "they're", "you're", "let's",
        "every", "either", "neither", "much", "many", "several", "another", "whoever", "whatever", "whichever",
        "mr", "mrs", "ms", "dr", "st", "jr", "yes", "ok", "okay", "ago", "like", "else", "least", "less", "lot",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Spans =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> word) => Spans.Contains(word);

    /// <summary>A content word: not a stop word, and with at least one letter (numbers are not content words).</summary>
    public static bool IsContentWord(ReadOnlySpan<char> word)
    {
        if (Contains(word))
        {
            return false;
        }

        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}
