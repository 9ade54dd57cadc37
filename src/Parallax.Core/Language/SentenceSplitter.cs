using System.Collections.Frozen;

namespace Parallax.Core.Language;

/// <summary>
/// Cuts a text into sentences. A sentence ends at a full stop, question or exclamation mark (with any quotation marks
/// or brackets that close after it) followed by a space and something other than a lower-case word; not after an
/// abbreviation ("Mr.", "Jan. 5", "Acme Inc. said"), an initial ("J. R. Tolkien"), a dotted acronym that a name or
/// number follows ("U.S. Senate") or a list number ("1. First"). A line break ends a sentence unless the next line
/// carries on in lower case (a wrapped line); a blank line ends the paragraph. Stateless.
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>Titles before a name: a full stop after one never ends a sentence.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = Set(
        "mr mrs ms messrs mme mlle dr prof sen rep gov gen col lt sgt capt cpl maj adm cmdr st jr sr rev hon fr pres supt insp det");

    /// <summary>Other abbreviations: a full stop after one ends a sentence only when a capital follows.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Abbreviations = Set(
        "inc ltd co corp plc llc bros dept univ assn etc vs approx est no nos vol pp fig ave blvd rd mt ft al " +
        "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun");

    private static readonly System.Buffers.SearchValues<char> Stops = System.Buffers.SearchValues.Create("\n.!?\u2026\u3002\uFF01\uFF1F");

    public static void Split(string text, List<(int Start, int End, int Paragraph)> into)
    {
        var paragraph = 0;
        var paragraphHasSentence = false;
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (start >= 0)
            {
                // Inside a sentence only line breaks and terminators matter.
                var skip = text.AsSpan(i).IndexOfAny(Stops);
                if (skip < 0)
                {
                    break;
                }

                i += skip;
            }

            var c = text[i];
            if (c == '\n')
            {
                var next = i + 1;
                while (next < text.Length && text[next] is ' ' or '\t' or '\r' or '\u00A0')
                {
                    next++;
                }

                var blank = next < text.Length && text[next] == '\n' || next >= text.Length;
                if (start >= 0 && (blank || !ContinuesLine(text, start, i, next)))
                {
                    Emit(text, start, i, paragraph, into);
                    paragraphHasSentence = true;
                    start = -1;
                }

                if (blank && paragraphHasSentence && start < 0)
                {
                    paragraph++;
                    paragraphHasSentence = false;
                }

                i = next;
                continue;
            }

            if (start < 0)
            {
                if (!char.IsWhiteSpace(c))
                {
                    start = i;
                }
                else
                {
                    i++;
                    continue;
                }
            }

            if (c is '.' or '!' or '?' or '\u2026' or '\u3002' or '\uFF01' or '\uFF1F')
            {
                var end = i;
                while (end < text.Length && text[end] is '.' or '!' or '?' or '\u2026' or '\u3002' or '\uFF01' or '\uFF1F')
                {
                    end++;
                }

                while (end < text.Length && IsCloser(text[end]))
                {
                    end++;
                }

                // Chinese and Japanese full stops need no space after them.
                var wide = text[end - 1] is '\u3002' or '\uFF01' or '\uFF1F' || text[i] is '\u3002' or '\uFF01' or '\uFF1F';
                if (end >= text.Length || wide || char.IsWhiteSpace(text[end]))
                {
                    if (wide || Ends(text, start, i, end))
                    {
                        Emit(text, start, end, paragraph, into);
                        paragraphHasSentence = true;
                        start = -1;
                    }
                }

                i = end;
                continue;
            }

            i++;
        }

        if (start >= 0)
        {
            Emit(text, start, text.Length, paragraph, into);
        }
    }

    /// <summary>Whether the terminators at [mark, end) close the sentence begun at <paramref name="start"/>.</summary>
    private static bool Ends(string text, int start, int mark, int end)
    {
        var next = end;
        while (next < text.Length && (char.IsWhiteSpace(text[next]) || IsOpener(text[next])))
        {
            next++;
        }

        if (next >= text.Length)
        {
            return true;
        }

        var n = text[next];
        if (char.IsLower(n))
        {
            // "Why?" he asked. / It rose 3 p.m. and fell: a lower-case word carries the sentence on.
            return false;
        }

        var run = end;
        while (run > mark && IsCloser(text[run - 1]))
        {
            run--;
        }

        var single = run - mark == 1 && text[mark] == '.';
        if (!single)
        {
            // An ellipsis ends a sentence only when a capital follows; ?! and !! always do.
            return text[mark] is not ('.' or '\u2026') || char.IsUpper(n);
        }

        if (run != end)
        {
            // A quotation or bracket closed after the full stop: the full stop is the quote's own end.
            return true;
        }

        var wordStart = mark;
        while (wordStart > start && (char.IsLetterOrDigit(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, mark - wordStart);
        if (word.IsEmpty)
        {
            return true;
        }

        if (Titles.Contains(word))
        {
            return false;
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            // An initial: "J. R. Tolkien", "Harry S. Truman".
            return false;
        }

        if (word.Contains('.'))
        {
            // A dotted acronym ("U.S.", "a.m."): a new sentence only when a function word follows ("U.S. The").
            return StartsWithStopWord(text, next);
        }

        if (Abbreviations.Contains(word))
        {
            return char.IsUpper(n) && !(word.Length <= 4 && CalendarWords.Month(word) > 0 && char.IsDigit(n));
        }

        if (char.IsDigit(word[0]) && LineStartsAt(text, wordStart) && word.Length <= 3 && AllDigits(word))
        {
            // "1. First item": a list number.
            return false;
        }

        return true;
    }

    /// <summary>Whether the line after a single line break carries the sentence on (a wrapped line).</summary>
    private static bool ContinuesLine(string text, int start, int lineBreak, int next)
    {
        if (next >= text.Length || !char.IsLower(text[next]))
        {
            return false;
        }

        var last = lineBreak - 1;
        while (last >= start && char.IsWhiteSpace(text[last]))
        {
            last--;
        }

        return last >= start && text[last] is not ('.' or '!' or '?' or ':' or '\u2026');
    }

    private static bool StartsWithStopWord(string text, int at)
    {
        var end = at;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end > at && StopLists.English.Contains(text.AsSpan(at, end - at));
    }

    private static bool LineStartsAt(string text, int at)
    {
        for (var k = at - 1; k >= 0; k--)
        {
            if (text[k] == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Emit(string text, int start, int end, int paragraph, List<(int, int, int)> into)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            into.Add((start, end, paragraph));
        }
    }

    internal static bool IsCloser(char c) => c is '"' or '\'' or '\u201D' or '\u2019' or '\u00BB' or '\u203A' or ')' or ']' or '\u300D' or '\u300F';

    internal static bool IsOpener(char c) => c is '"' or '\'' or '\u201C' or '\u2018' or '\u00AB' or '\u2039' or '(' or '[' or '\u300C' or '\u300E' or '\u201E';

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
