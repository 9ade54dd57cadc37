using System.Collections.Frozen;

namespace Parallax.Core.Stories;

/// <summary>
/// Function words and reporting verbs that say nothing about which event an article covers. They are dropped
/// before weighting so that a pair of texts (with no collection to learn document frequencies from) still
/// compares on content words. Looked up by span, without allocating.
/// </summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> Words = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "a", "about", "above", "after", "again", "against", "ago", "all", "almost", "also", "although", "am", "among",
        "an", "and", "another", "any", "are", "around", "as", "at", "be", "became", "because", "been", "before",
        "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "done",
        "down", "during", "each", "either", "else", "even", "ever", "every", "few", "for", "from", "further", "get",
        "got", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
        "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "later", "least", "less",
        "like", "made", "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "near",
        "neither", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "others",
        "our", "ours", "ourselves", "out", "over", "own", "per", "rather", "said", "same", "say", "says", "saying",
        "see", "seen", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their",
        "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through",
        "thus", "to", "told", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was",
        "we", "well", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
        "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
        "according", "added", "told", "reported", "report", "reports", "statement", "news", "year", "years", "day",
        "days", "week", "time", "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr", "two", "three", "first", "second", "people", "s",
        "t", "don't", "didn't", "it's", "he's", "she's", "that's", "there's", "i'm", "we're", "they're", "won't",
        "can't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "let",
    ]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
