using System.Collections.Immutable;

namespace Parallax.Core.Language;

/// <summary>A stretch of a text, [Start, End) in UTF-16 code units.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);

    public string ToString(string text) => text[Start..End];
}

/// <summary>One sentence (or list item, or line without final punctuation), trimmed of surrounding spaces.</summary>
/// <param name="Paragraph">The paragraph it belongs to, counted from 0; paragraphs are separated by blank lines.</param>
/// <param name="FirstToken">Index of its first token in <see cref="TextAnalysis.Tokens"/>.</param>
/// <param name="TokenCount">How many tokens it holds.</param>
public readonly record struct Sentence(int Start, int End, int Paragraph, int FirstToken, int TokenCount)
{
    public TextSpan Span => new(Start, End);
}

/// <summary>What is known of a token beyond its place.</summary>
[Flags]
public enum TokenFlags : byte
{
    None = 0,

    /// <summary>Starts with an upper-case letter.</summary>
    Capitalised = 1,

    /// <summary>The first word of a sentence or of a quotation, whose capital says nothing about it being a name.</summary>
    SentenceInitial = 2,

    /// <summary>Holds a digit ("12", "3.5", "1,200", "2024-03-03", "40bn").</summary>
    Number = 4,

    /// <summary>In the stop list of the text's language.</summary>
    StopWord = 8,

    /// <summary>Two or more letters, all upper case ("NATO", "UN").</summary>
    AllCaps = 16,

    /// <summary>Written in a script without spaces between words: the token is a phrase, not a word.</summary>
    Spaceless = 32,
}

/// <summary>A word, as <see cref="WordTokenizer"/> cuts it, with its flags and the sentence it is in.</summary>
public readonly record struct Token(int Start, int End, TokenFlags Flags, int Sentence)
{
    public bool Has(TokenFlags flag) => (Flags & flag) == flag;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);
}

/// <summary>
/// A capitalised name of one or more words ("Pope Francis", "United States", "Bank of England"). The span leaves out a
/// leading article ("the United States" gives "United States").
/// </summary>
/// <param name="Key">The name normalised for matching: lower case, one space between words, no full stops, no possessive "'s".</param>
/// <param name="FirstToken">Index of its first token in the token list it was found in.</param>
/// <param name="TokenCount">How many tokens it covers, connectors ("of") included.</param>
public sealed record NameRun(int Start, int End, string Key, int FirstToken, int TokenCount);

/// <summary>What a number counts.</summary>
public enum NumberKind : byte
{
    /// <summary>A bare number ("12", "3.5 million", "five").</summary>
    Cardinal,

    /// <summary>A rank ("3rd", "third", "21st").</summary>
    Ordinal,

    /// <summary>A share ("12%", "12 percent", "12 per cent").</summary>
    Percent,

    /// <summary>An amount of money ("$40", "40 dollars", "€3.5bn").</summary>
    Money,

    /// <summary>A count of something or a measure ("300 km", "five people", "12 soldiers").</summary>
    Quantity,
}

/// <summary>A number in the text with its unit.</summary>
/// <param name="Value">The value with scale words applied ("3.5 million" is 3,500,000).</param>
/// <param name="Unit">The unit, normalised: "%", a currency ("dollar", "euro", "pound", "yen", "rouble", "rupee", "yuan"), a measure ("km", "kg", "mile"...), or the counted noun as written in lower case ("people", "soldiers"); null for none.</param>
public sealed record NumberMention(int Start, int End, double Value, string? Unit, NumberKind Kind);

/// <summary>How a date is written.</summary>
public enum DateKind : byte
{
    /// <summary>With its year ("March 3, 2024", "2024-03-03", "in 2019").</summary>
    Absolute,

    /// <summary>A calendar date without its year ("3 March", "in March").</summary>
    Partial,

    /// <summary>Relative to the day of writing ("yesterday", "on Tuesday", "last week", "two days ago").</summary>
    Relative,
}

/// <summary>How much of a date is known.</summary>
public enum DatePrecision : byte
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>A date or relative time in the text.</summary>
/// <param name="Date">
/// The first day it names (a week starts on Monday), resolved against the publication date where it needs one;
/// null when it cannot be resolved (a relative time, or a date without its year, in a text with no publication date).
/// </param>
public sealed record DateMention(int Start, int End, DateKind Kind, DatePrecision Precision, DateOnly? Date);

/// <summary>
/// A direct quotation. A quote split around its attribution ("We will win," she said, "and soon.") is one quote of
/// two parts.
/// </summary>
/// <param name="Parts">The quoted words of each part, inside the quotation marks.</param>
/// <param name="Speaker">The speaker's name as written in the sentence ("Jane Doe", "the ministry"), or null when the text does not name one (a pronoun, or no attribution).</param>
/// <param name="SpeakerSpan">Where the speaker is named, when <paramref name="Speaker"/> is not null.</param>
/// <param name="Partial">A fragment quoted inside a sentence of the writer's own ("called the plan "reckless"").</param>
/// <param name="Sentence">Index of the sentence the quote opens in.</param>
public sealed record Quote(ImmutableArray<TextSpan> Parts, string? Speaker, TextSpan? SpeakerSpan, bool Partial, int Sentence)
{
    public int Start => Parts[0].Start;

    public int End => Parts[^1].End;

    /// <summary>The quoted words, parts joined by a space.</summary>
    public string TextIn(string text)
    {
        if (Parts.Length == 1)
        {
            return Parts[0].ToString(text);
        }

        var builder = new System.Text.StringBuilder();
        foreach (var part in Parts)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(text.AsSpan(part.Start, part.Length).TrimEnd(",;: "));
        }

        return builder.ToString();
    }
}

/// <summary>
/// Everything the language layer finds in one article, made once and read by every later stage. All spans are
/// [Start, End) offsets into <see cref="Text"/>, except the title's, which are offsets into <see cref="Title"/>.
/// </summary>
/// <param name="Language">ISO 639-1 code of the main language, or "und" when the identifier is unsure.</param>
/// <param name="Script">The script most of the letters are written in.</param>
public sealed record TextAnalysis(
    string? Title,
    string Text,
    string Language,
    Script Script,
    ImmutableArray<Sentence> Sentences,
    ImmutableArray<Token> Tokens,
    ImmutableArray<NameRun> Names,
    ImmutableArray<NumberMention> Numbers,
    ImmutableArray<DateMention> Dates,
    ImmutableArray<Quote> Quotes,
    ImmutableArray<Token> TitleTokens)
{
    /// <summary>The undetermined language (ISO 639-2 "und").</summary>
    public const string Undetermined = "und";
}
