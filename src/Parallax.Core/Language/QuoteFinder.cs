using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Parallax.Core.Language;

/// <summary>
/// Finds direct quotations in straight or curly, double or single quotation marks and guillemets, joins a quote split
/// around its attribution ("We will win," she said, "and soon."), and names the speaker from the same sentence
/// ("Doe said", "said Jane Doe", "according to Jane Doe", "Jane Doe said: ..."), or from a short attribution
/// sentence right after it ("We will win." Doe said.). A pronoun ("he said") or an unnamed source ("a spokesman
/// said") gives no speaker: the layer does not guess who "he" is. Quotes do not run across a line break. Stateless.
/// </summary>
internal static class QuoteFinder
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs = Set(
        "said says say told tells added adds stated states asked asks wrote writes explained explains noted notes insisted " +
        "insists warned warns declared declares announced replied recalled argued argues claimed claims continued " +
        "tweeted posted commented remarked admitted acknowledged confirmed stressed urged suggested predicted promised " +
        "vowed conceded complained cautioned responded answered concluded according " +
        "dit déclaré affirmé ajouté estimé selon sagte erklärte betonte laut dijo afirmó declaró según aseguró disse " +
        "заявил заявила сказал сказала отметил отметила сообщил сообщила");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Pronouns = Set(
        "he she they we i you it il elle ils elles er sie wir él ella ellos он она они мы");

    private static readonly System.Buffers.SearchValues<char> Marks = System.Buffers.SearchValues.Create("\n\r\"'\u201C\u201D\u201E\u00AB\u00BB\u2018\u2019");

    private readonly record struct Raw(int Open, int Close);

    public static void Find(string text, List<TokenSpan> tokens, ImmutableArray<Sentence> sentences, List<NameRun> names, List<Quote> into)
    {
        var raws = new List<Raw>();
        Scan(text, raws);
        for (var r = 0; r < raws.Count; r++)
        {
            var first = raws[r];
            var sentence = SentenceAt(sentences, first.Open);
            var parts = ImmutableArray.CreateBuilder<TextSpan>();
            parts.Add(Inside(text, first));
            var last = first;

            // "We will win," she said, "and soon.": the attribution between two quotes of one sentence joins them.
            TextSpan? between = null;
            while (r + 1 < raws.Count && SentenceAt(sentences, raws[r + 1].Open) is var next
                && (next == sentence || SentenceAt(sentences, last.Close) == next)
                && IsSplitAttribution(text, tokens, last, raws[r + 1]))
            {
                between ??= new TextSpan(last.Close + 1, raws[r + 1].Open);
                last = raws[++r];
                parts.Add(Inside(text, last));
            }

            var (speaker, span) = between is { } b ? Speaker(text, tokens, names, b) : (null, null);
            if (between is null)
            {
                (speaker, span) = AfterAttribution(text, tokens, sentences, names, last);
                if (span is null && speaker is null)
                {
                    (speaker, span) = BeforeAttribution(text, tokens, sentences, names, first, sentence);
                }
            }

            into.Add(new Quote(parts.ToImmutable(), speaker, span, IsPartial(text, tokens, sentences, first, sentence), sentence));
        }
    }

    /// <summary>Pairs opening and closing marks, one quote open at a time; a quote inside a quote stays inside.</summary>
    private static void Scan(string text, List<Raw> into)
    {
        var open = -1;
        var closer = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            // Jump to the next mark or line break: most of a text is neither.
            var skip = text.AsSpan(i).IndexOfAny(Marks);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            var c = text[i];
            if (c is '\n' or '\r')
            {
                open = -1;
                continue;
            }

            if (open >= 0)
            {
                if (c == closer && (closer is not ('\'' or '\u2019') || i + 1 >= text.Length || !char.IsLetter(text[i + 1])))
                {
                    if (HasLetter(text.AsSpan(open + 1, i - open - 1)))
                    {
                        into.Add(new Raw(open, i));
                    }

                    open = -1;
                }

                continue;
            }

            var previous = i == 0 ? ' ' : text[i - 1];
            var following = i + 1 < text.Length ? text[i + 1] : ' ';
            var opens = char.IsWhiteSpace(previous) || previous is '(' or '[' or '-' or '\u2013' or '\u2014' or ':';
            closer = c switch
            {
                '\u201C' => '\u201D',
                '\u201E' => '\u201C',
                '\u00AB' => '\u00BB',
                '\u2018' when opens => '\u2019',
                '"' when opens && !char.IsWhiteSpace(following) => '"',
                '\'' when opens && char.IsLetter(following) => '\'',
                _ => '\0',
            };
            if (closer != '\0')
            {
                open = i;
            }
        }
    }

    private static TextSpan Inside(string text, Raw raw)
    {
        var start = raw.Open + 1;
        var end = raw.Close;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextSpan(start, end);
    }

    /// <summary>Between two quotes: a short clause with a speech verb after a comma ("," he said, ").</summary>
    private static bool IsSplitAttribution(string text, List<TokenSpan> tokens, Raw first, Raw second)
    {
        var gap = text.AsSpan(first.Close + 1, second.Open - first.Close - 1);
        if (gap.Length > 80 || gap.IndexOfAny('.', '!', '?') >= 0)
        {
            return false;
        }

        var comma = text[first.Close - 1] == ',' || gap.TrimStart().StartsWith(",");
        if (!comma || FirstSpeechVerb(text, tokens, new TextSpan(first.Close + 1, second.Open)) < 0)
        {
            return false;
        }

        // The clause is only the attribution ("he said,", "said Jane Doe,"), not "said, insisting that".
        var lastToken = FirstTokenAt(tokens, second.Open) - 1;
        return lastToken >= 0 && tokens[lastToken].Start > first.Close
            && (SpeechVerbs.Contains(tokens[lastToken].In(text)) || char.IsUpper(text[tokens[lastToken].Start]));
    }

    /// <summary>The attribution after a quote: the rest of its sentence, or the next sentence when that is a short "Doe said."</summary>
    private static (string?, TextSpan?) AfterAttribution(string text, List<TokenSpan> tokens, ImmutableArray<Sentence> sentences, List<NameRun> names, Raw quote)
    {
        var s = SentenceAt(sentences, quote.Close);
        if (s < 0)
        {
            return (null, null);
        }

        // The sentence may end before the closing mark: a line of marks alone is no sentence.
        var rest = new TextSpan(quote.Close + 1, Math.Max(quote.Close + 1, sentences[s].End));
        if (HasLetter(rest.In(text)))
        {
            var nextQuote = rest.In(text).IndexOfAny("\"\u201C\u00AB\u201E");
            if (nextQuote >= 0)
            {
                rest = new TextSpan(rest.Start, rest.Start + nextQuote);
            }

            return FirstSpeechVerb(text, tokens, rest) >= 0 ? Speaker(text, tokens, names, rest) : (null, null);
        }

        if (s + 1 < sentences.Length && sentences[s + 1].TokenCount <= 8)
        {
            var next = sentences[s + 1].Span;
            if (next.In(text).IndexOfAny("\"\u201C\u00AB\u201E") < 0 && FirstSpeechVerb(text, tokens, next) >= 0)
            {
                return Speaker(text, tokens, names, next);
            }
        }

        return (null, null);
    }

    /// <summary>The attribution before a quote in its sentence ("Jane Doe said: ", "According to Doe, ").</summary>
    private static (string?, TextSpan?) BeforeAttribution(string text, List<TokenSpan> tokens, ImmutableArray<Sentence> sentences, List<NameRun> names, Raw quote, int sentence)
    {
        if (sentence < 0 || sentences[sentence].Start >= quote.Open || sentences[sentence].End < quote.Open)
        {
            return (null, null);
        }

        var before = new TextSpan(sentences[sentence].Start, quote.Open);
        var lastClose = before.In(text).LastIndexOfAny("\"\u201D\u00BB");
        if (lastClose >= 0)
        {
            before = new TextSpan(before.Start + lastClose + 1, before.End);
        }

        return FirstSpeechVerb(text, tokens, before) >= 0 ? Speaker(text, tokens, names, before) : (null, null);
    }

    /// <summary>
    /// The speaker an attribution clause names: a name just before the speech verb ("Doe said", "Jane Doe, the
    /// minister, said"), else the first name after it ("said Jane Doe", "according to Doe"). A pronoun before the verb,
    /// or no name, gives (null, span of the clause) so that no other clause is tried.
    /// </summary>
    private static (string?, TextSpan?) Speaker(string text, List<TokenSpan> tokens, List<NameRun> names, TextSpan clause)
    {
        var verb = FirstSpeechVerb(text, tokens, clause);
        if (verb < 0)
        {
            return (null, null);
        }

        if (verb > 0 && tokens[verb - 1].Start >= clause.Start && Pronouns.Contains(tokens[verb - 1].In(text)))
        {
            return (null, clause);
        }

        NameRun? before = null;
        NameRun? after = null;
        foreach (var name in names)
        {
            if (name.Start < clause.Start || name.End > clause.End)
            {
                continue;
            }

            var lastToken = name.FirstToken + name.TokenCount - 1;
            if (lastToken == verb - 1 || lastToken < verb && AppositionBetween(text, name.End, tokens[verb].Start))
            {
                before = name;
            }
            else if (after is null && name.FirstToken == verb + (IsAccording(text, tokens, verb) ? 2 : 1) && !IsAddressed(tokens[verb].In(text)))
            {
                after = name;
            }
        }

        if (before is null && verb > 0 && tokens[verb - 1].Start >= clause.Start && Gap(text, tokens, verb) is " "
            && char.IsUpper(text[tokens[verb - 1].Start]) && !StopLists.English.Contains(tokens[verb - 1].In(text)))
        {
            // "Doe said." opening its sentence: the name finder leaves a sentence's first word alone, but before a
            // speech verb a capitalised word is the speaker.
            var first = verb - 1;
            while (first > 0 && tokens[first - 1].Start >= clause.Start && Gap(text, tokens, first) is " " && char.IsUpper(text[tokens[first - 1].Start]))
            {
                first--;
            }

            var end = tokens[verb - 1].Start + tokens[verb - 1].Length;
            return (text[tokens[first].Start..end], new TextSpan(tokens[first].Start, end));
        }

        var speaker = before ?? after;
        return speaker is null ? (null, clause) : (text[speaker.Start..speaker.End], new TextSpan(speaker.Start, speaker.End));
    }

    /// <summary>"according to Jane Doe": the name comes after "to".</summary>
    private static bool IsAccording(string text, List<TokenSpan> tokens, int verb) =>
        tokens[verb].In(text).Equals("according", StringComparison.OrdinalIgnoreCase) && verb + 1 < tokens.Count
        && tokens[verb + 1].In(text).Equals("to", StringComparison.OrdinalIgnoreCase);

    /// <summary>Verbs whose object is the listener ("told Reuters"), never the speaker.</summary>
    private static bool IsAddressed(ReadOnlySpan<char> verb) =>
        verb.StartsWith("told", StringComparison.OrdinalIgnoreCase) || verb.StartsWith("tell", StringComparison.OrdinalIgnoreCase)
        || verb.StartsWith("ask", StringComparison.OrdinalIgnoreCase);

    /// <summary>"Jane Doe, the foreign minister, said": commas on both sides of a short description.</summary>
    private static bool AppositionBetween(string text, int nameEnd, int verbStart)
    {
        var between = text.AsSpan(nameEnd, verbStart - nameEnd).Trim();
        return between.Length is > 2 and < 60 && between[0] == ',' && between[^1] == ',' && between.IndexOfAny(".\"\u201C") < 0;
    }

    private static ReadOnlySpan<char> Gap(string text, List<TokenSpan> tokens, int t) =>
        text.AsSpan(tokens[t - 1].Start + tokens[t - 1].Length, tokens[t].Start - tokens[t - 1].Start - tokens[t - 1].Length);

    private static int FirstSpeechVerb(string text, List<TokenSpan> tokens, TextSpan clause)
    {
        var t = FirstTokenAt(tokens, clause.Start);
        for (; t < tokens.Count && tokens[t].Start + tokens[t].Length <= clause.End; t++)
        {
            if (SpeechVerbs.Contains(tokens[t].In(text)))
            {
                return t;
            }
        }

        return -1;
    }

    /// <summary>A quote inside the writer's own sentence: words before it that do not introduce it (no colon, comma or speech verb).</summary>
    private static bool IsPartial(string text, List<TokenSpan> tokens, ImmutableArray<Sentence> sentences, Raw quote, int sentence)
    {
        if (sentence < 0 || sentences[sentence].End < quote.Open)
        {
            return false;
        }

        var before = text.AsSpan(sentences[sentence].Start, Math.Max(0, quote.Open - sentences[sentence].Start)).TrimEnd();
        if (!HasLetter(before) || before[^1] is ':' or ',' or '\u2014' or '-')
        {
            return false;
        }

        var t = FirstTokenAt(tokens, quote.Open) - 1;
        return t < 0 || !SpeechVerbs.Contains(tokens[t].In(text));
    }

    private static int FirstTokenAt(List<TokenSpan> tokens, int position)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (tokens[mid].Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    internal static int SentenceAt(ImmutableArray<Sentence> sentences, int position)
    {
        int lo = 0, hi = sentences.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (sentences[mid].Start <= position)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private static bool HasLetter(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
