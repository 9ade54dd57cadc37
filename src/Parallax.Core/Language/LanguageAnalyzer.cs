using System.Collections.Immutable;

namespace Parallax.Core.Language;

/// <summary>
/// Analyses an article once into the <see cref="TextAnalysis"/> that every later stage reads: sentences, tokens with
/// their flags, names, numbers, dates, quotes with their speakers, script and language. Stateless and thread-safe:
/// build one and share it.
/// </summary>
public sealed class LanguageAnalyzer
{
    /// <summary>Longest name key made; longer runs are cut (they are lists of names, not one name).</summary>
    private const int MaxKey = 256;

    public TextAnalysis Analyze(string? title, string text, DateTimeOffset? published = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = Tokenize(text);
        var script = Scripts.Dominant(text);
        var language = LanguageIdentifier.Identify(text, spans, script);
        if (language == TextAnalysis.Undetermined && !string.IsNullOrWhiteSpace(title) && spans.Count < 50)
        {
            // A short body may still have a title that tells its language.
            var joined = title + "\n" + text;
            language = LanguageIdentifier.Identify(joined, Tokenize(joined), Scripts.Dominant(joined));
        }

        var stops = StopLists.For(language);

        var raw = new List<(int Start, int End, int Paragraph)>();
        SentenceSplitter.Split(text, raw);
        var flags = new TokenFlags[spans.Count];
        var sentenceOf = new int[spans.Count];
        var sentences = ImmutableArray.CreateBuilder<Sentence>(raw.Count);
        var t = 0;
        for (var s = 0; s < raw.Count; s++)
        {
            // Every token lies inside a sentence: sentences run from a mark that is no space to the next end.
            var first = t;
            while (t < spans.Count && spans[t].Start < raw[s].End)
            {
                sentenceOf[t] = sentences.Count;
                if (t == first)
                {
                    flags[t] |= TokenFlags.SentenceInitial;
                }

                t++;
            }

            if (t > first)
            {
                // A line of marks alone ("***", a stray quotation mark) has no words to say anything with.
                sentences.Add(new Sentence(raw[s].Start, raw[s].End, raw[s].Paragraph, first, t - first));
            }
        }

        var midCapitals = new HashSet<int>();
        for (var k = 0; k < spans.Count; k++)
        {
            flags[k] |= Flags(text, spans, k, stops);
            if (flags[k].HasFlag(TokenFlags.Capitalised) && !flags[k].HasFlag(TokenFlags.SentenceInitial))
            {
                midCapitals.Add(NameFinder.Hash(spans[k].In(text)));
            }
        }

        var sentenceArray = sentences.ToImmutable();
        Span<char> scratch = stackalloc char[MaxKey];
        var names = new List<NameRun>();
        NameFinder.Find(text, spans, flags, midCapitals, names, scratch);

        var covered = spans.Count <= 4096 ? stackalloc bool[spans.Count] : new bool[spans.Count];
        var dates = new List<DateMention>();
        DateFinder.Find(text, spans, published is { } p ? DateOnly.FromDateTime(p.DateTime) : null, dates, covered);
        var numbers = new List<NumberMention>();
        NumberFinder.Find(text, spans, flags, stops, numbers, covered);
        var quotes = new List<Quote>();
        QuoteFinder.Find(text, spans, sentenceArray, names, quotes);

        var tokens = ImmutableArray.CreateBuilder<Token>(spans.Count);
        for (var k = 0; k < spans.Count; k++)
        {
            tokens.Add(new Token(spans[k].Start, spans[k].Start + spans[k].Length, flags[k], sentenceOf[k]));
        }

        return new TextAnalysis(title, text, language, script, sentenceArray, tokens.MoveToImmutable(), [.. names], [.. numbers],
            [.. dates], [.. quotes], TitleTokens(title, stops));
    }

    /// <summary>
    /// The main language of a text (ISO 639-1), or "und" when unsure: the identifier alone, for callers that need
    /// nothing else (an extractor naming a text page's language, which no markup declares).
    /// </summary>
    public static string IdentifyLanguage(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LanguageIdentifier.Identify(text, Tokenize(text), Scripts.Dominant(text));
    }

    private static List<TokenSpan> Tokenize(string text)
    {
        var spans = new List<TokenSpan>(text.Length / 5);
        foreach (var token in new WordTokenizer(text))
        {
            spans.Add(token);
        }

        return spans;
    }

    /// <summary>
    /// The flags a token has on its own, and sentence-initial for the first word after an opening quotation mark or
    /// a colon, whose capital is explained by that alone.
    /// </summary>
    private static TokenFlags Flags(string text, List<TokenSpan> spans, int k, StopList? stops)
    {
        var word = spans[k].In(text);
        var flags = TokenFlags.None;
        if (char.IsUpper(word[0]))
        {
            flags |= TokenFlags.Capitalised;
            if (word.Length > 1 && IsAllCaps(word))
            {
                flags |= TokenFlags.AllCaps;
            }
        }

        if (word.IndexOfAnyInRange('0', '9') >= 0)
        {
            flags |= TokenFlags.Number;
        }

        if (stops is not null && stops.Contains(word))
        {
            flags |= TokenFlags.StopWord;
        }

        if (Scripts.IsSpaceless(word[0]))
        {
            flags |= TokenFlags.Spaceless;
        }

        if (k > 0)
        {
            var gap = text.AsSpan(spans[k - 1].Start + spans[k - 1].Length, spans[k].Start - spans[k - 1].Start - spans[k - 1].Length).TrimEnd();
            if (!gap.IsEmpty && (SentenceSplitter.IsOpener(gap[^1]) && gap[^1] is not ')' || gap[^1] == ':'))
            {
                flags |= TokenFlags.SentenceInitial;
            }
        }

        return flags;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableArray<Token> TitleTokens(string? title, StopList? stops)
    {
        if (string.IsNullOrEmpty(title))
        {
            return [];
        }

        var spans = Tokenize(title);
        var tokens = ImmutableArray.CreateBuilder<Token>(spans.Count);
        for (var k = 0; k < spans.Count; k++)
        {
            var flags = Flags(title, spans, k, stops) | (k == 0 ? TokenFlags.SentenceInitial : TokenFlags.None);
            tokens.Add(new Token(spans[k].Start, spans[k].Start + spans[k].Length, flags, 0));
        }

        return tokens.MoveToImmutable();
    }
}
