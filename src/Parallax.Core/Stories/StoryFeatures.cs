using System.IO.Hashing;
using System.Runtime.InteropServices;
using Parallax.Core.Language;

namespace Parallax.Core.Stories;

/// <summary>What a feature stands for; each kind carries its own weight in the similarity.</summary>
public enum FeatureKind : byte
{
    /// <summary>A lower-cased, lightly stemmed content word (or a character pair in scripts written without spaces).</summary>
    Term = 0,

    /// <summary>A capitalised name: each of its words, and the whole run when it has two or more words.</summary>
    Entity = 1,

    /// <summary>A number, a year or a day of the month, normalised ("03" and "3" are one).</summary>
    Number = 2,
}

/// <summary>How often a feature occurs in one text (title occurrences count more).</summary>
/// <param name="Count">Occurrences, title ones weighted up.</param>
/// <param name="Kind">What the feature stands for.</param>
/// <param name="Background">Share of ordinary documents holding it (<see cref="BackgroundFrequencies"/>), the idf prior.</param>
public record struct FeatureTally(float Count, FeatureKind Kind, float Background = 0f);

/// <summary>
/// Turns a text into counted features keyed by a 64-bit hash (XxHash3 of the normalised form, seeded by the kind),
/// so that no per-word string is ever made and the collection statistics stay small. One linear pass over the
/// text with the shared <see cref="WordTokenizer"/>.
/// </summary>
public static class StoryFeatures
{
    private const int MaxWord = 48;
    private const int MaxRun = 120;

    public static Dictionary<ulong, FeatureTally> Count(string? title, string text, float titleBoost)
    {
        var tally = new Dictionary<ulong, FeatureTally>();
        if (!string.IsNullOrWhiteSpace(title))
        {
            AddText(title, titleBoost, tally);
        }

        AddText(text, 1f, tally);
        return tally;
    }

    /// <summary>The feature key: a hash of the normalised form, with the kind in its two lowest bits.</summary>
    public static ulong Hash(ReadOnlySpan<char> normalised, FeatureKind kind) =>
        (XxHash3.HashToUInt64(MemoryMarshal.AsBytes(normalised), (long)kind + 0x5eed) & ~3UL) | (ulong)kind;

    public static FeatureKind KindOf(ulong key) => (FeatureKind)(key & 3);

    private static void AddText(string text, float weight, Dictionary<ulong, FeatureTally> tally)
    {
        Span<char> lower = stackalloc char[MaxWord];
        Span<char> run = stackalloc char[MaxRun];
        var runLength = 0;
        var runWords = 0;
        var runFirstInitial = false;
        ulong runFirstHash = 0;
        var runShare = 1f;
        var runFirstShare = 0f;
        var background = BackgroundFrequencies.Default;
        var previousEnd = 0;

        void FlushRun(Span<char> run)
        {
            if (runWords >= 2)
            {
                // A name of several words is at most as common as its rarest word.
                Add(tally, Hash(run[..runLength], FeatureKind.Entity), FeatureKind.Entity, weight, runShare);
                if (runFirstInitial)
                {
                    // A sentence-initial capital alone proves nothing, but as the start of a longer name it is a name.
                    Add(tally, runFirstHash, FeatureKind.Entity, weight, runFirstShare);
                }
            }

            runLength = 0;
            runWords = 0;
            runShare = 1f;
        }

        foreach (var token in new WordTokenizer(text))
        {
            var gap = text.AsSpan(previousEnd, token.Start - previousEnd);
            var sentenceStart = previousEnd == 0 || gap.IndexOfAny(".!?\n:;\"“”()[]|") >= 0;
            if (sentenceStart || !gap.IsWhiteSpace())
            {
                FlushRun(run);
            }

            previousEnd = token.Start + token.Length;
            var word = token.In(text);
            if (word.Length > MaxWord)
            {
                FlushRun(run);
                continue;
            }

            if (char.IsDigit(word[0]))
            {
                FlushRun(run);
                AddNumber(word, weight, tally);
                continue;
            }

            var length = word.ToLowerInvariant(lower);
            var lowered = lower[..length];
            if (NeedsCharacterPairs(lowered))
            {
                FlushRun(run);
                AddCharacterPairs(lowered, weight, tally);
                continue;
            }

            var stop = StopLists.English.Contains(lowered) || StopLists.EnglishReporting.Contains(lowered);
            var share = background.DocumentShare(lowered);
            if (char.IsUpper(word[0]) && !stop && length > 1)
            {
                if (runWords == 0)
                {
                    runFirstInitial = sentenceStart;
                    runFirstHash = Hash(lowered, FeatureKind.Entity);
                    runFirstShare = share;
                }

                runShare = Math.Min(runShare, share);

                if (runLength + length + 1 <= MaxRun)
                {
                    if (runLength > 0)
                    {
                        run[runLength++] = ' ';
                    }

                    lowered.CopyTo(run[runLength..]);
                    runLength += length;
                    runWords++;
                }

                if (!sentenceStart)
                {
                    Add(tally, Hash(lowered, FeatureKind.Entity), FeatureKind.Entity, weight, share);
                }
            }
            else
            {
                FlushRun(run);
            }

            if (stop || length < 2)
            {
                continue;
            }

            var stemmed = Stem(lower[..length]);
            Add(tally, Hash(lower[..stemmed], FeatureKind.Term), FeatureKind.Term, weight, share);

        }

        FlushRun(run);
    }

    /// <summary>Counts a feature; a stem met in several forms ("school", "schools") keeps its most common form's share.</summary>
    private static void Add(Dictionary<ulong, FeatureTally> tally, ulong key, FeatureKind kind, float weight, float share = 0f)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(tally, key, out _);
        slot = new FeatureTally(slot.Count + weight, kind, Math.Max(slot.Background, share));
    }

    /// <summary>Numbers lose thousands separators and leading zeros, so "1,200" = "1200" and "03" = "3".</summary>
    private static void AddNumber(ReadOnlySpan<char> word, float weight, Dictionary<ulong, FeatureTally> tally)
    {
        Span<char> digits = stackalloc char[MaxWord];
        var n = 0;
        foreach (var c in word)
        {
            if (c is ',' or '\'' or '\u2019')
            {
                continue;
            }

            if (n == 0 && c == '0' && word.Length > 1)
            {
                continue;
            }

            digits[n++] = char.ToLowerInvariant(c);
        }

        if (n == 0)
        {
            digits[n++] = '0';
        }

        Add(tally, Hash(digits[..n], FeatureKind.Number), FeatureKind.Number, weight, BackgroundFrequencies.NumberShare(n));
    }

    /// <summary>Scripts written without spaces (Chinese, Japanese, Thai...) give one "word" per phrase; pairs of characters stand in for words.</summary>
    private static bool NeedsCharacterPairs(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        foreach (var c in word)
        {
            // Korean puts spaces between words but glues particles to them: syllable pairs match better too.
            var script = Scripts.Of(c);
            if (Scripts.IsSpaceless(script) || script == Script.Hangul)
            {
                return true;
            }
        }

        return false;
    }

    private static void AddCharacterPairs(ReadOnlySpan<char> word, float weight, Dictionary<ulong, FeatureTally> tally)
    {
        for (var i = 0; i + 1 < word.Length; i++)
        {
            Add(tally, Hash(word.Slice(i, 2), FeatureKind.Term), FeatureKind.Term, weight);
        }
    }

    /// <summary>
    /// A light English suffix stripper (plural, -ing, -ed), enough to let "checks", "checked" and "checking" meet.
    /// Other languages pass through nearly untouched: the rules need ASCII endings.
    /// </summary>
    internal static int Stem(Span<char> w)
    {
        var n = w.Length;
        if (n > 3 && w[n - 2] is '\'' or '\u2019' && w[n - 1] == 's')
        {
            n -= 2;
        }

        if (n > 4 && w[..n].EndsWith("ies"))
        {
            w[n - 3] = 'y';
            n -= 2;
        }
        else if (n > 4 && w[..n].EndsWith("sses"))
        {
            n -= 2;
        }
        else if (n > 3 && w[n - 1] == 's' && w[n - 2] is not ('s' or 'u' or 'i'))
        {
            n -= 1;
        }

        if (n > 5 && w[..n].EndsWith("ing"))
        {
            n -= 3;
        }
        else if (n > 4 && w[..n].EndsWith("ed"))
        {
            n -= 2;
        }

        return n;
    }
}
