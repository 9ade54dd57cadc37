using Parallax.Core.Language;

namespace Parallax.Core.Extraction.Text;

/// <summary>
/// The shape of one trimmed line: how long it is, how it ends, how it is capitalised, and how many of its
/// words fall in each <see cref="WordKind"/>. Computed in one pass over the line without allocating.
/// </summary>
internal readonly record struct LineFeatures
{
    public int Length { get; init; }

    public int Words { get; init; }

    /// <summary>Words that start with a capital letter.</summary>
    public int Capitalised { get; init; }

    /// <summary>Words that start with a digit ("2025", "4", "10:30" gives two).</summary>
    public int Numeric { get; init; }

    /// <summary>Words in none of the time classes and not numeric: what a time line must (nearly) lack.</summary>
    public int NonTime { get; init; }

    public int TimeUnit { get; init; }

    public int Ago { get; init; }

    public int DayWord { get; init; }

    public int Month { get; init; }

    public int Weekday { get; init; }

    public int Nav { get; init; }

    public int Cta { get; init; }

    public int Person { get; init; }

    public int Owner { get; init; }

    public int Appeal { get; init; }

    public int Reporting { get; init; }

    public int Marker { get; init; }

    public int Stop { get; init; }

    public int SectionBreak { get; init; }

    public int EmptyState { get; init; }

    public int Consent { get; init; }

    /// <summary>Words that are neither capitalised nor numeric nor connectors: a proper name has none.</summary>
    public int NotNameLike { get; init; }

    public WordKind FirstWord { get; init; }

    /// <summary>The first word is "By" (a byline).</summary>
    public bool StartsWithBy { get; init; }

    /// <summary>The line has letters and none of them is lower case.</summary>
    public bool AllCaps { get; init; }

    /// <summary>The line starts with a dash and a space ("- Source Name").</summary>
    public bool LeadingDash { get; init; }

    /// <summary>The last character once closing quotes and brackets are set aside ('.', '?', ':'...).</summary>
    public char Terminal { get; init; }

    public bool EndsWithEllipsis { get; init; }

    /// <summary>Sentence ends inside the line (a terminator followed by a space and a capital or quote).</summary>
    public int Sentences { get; init; }

    /// <summary>Menu separators: '|', '•', '·', '»', '›'.</summary>
    public int Separators { get; init; }

    public bool HasCopyrightSign { get; init; }

    /// <summary>The first word is followed directly by a colon ("Source: ...", "Tags: ...").</summary>
    public bool ColonAfterFirstWord { get; init; }

    /// <summary>The line ends in a sentence terminator ('.', '!', '?', '…').</summary>
    public bool EndsLikeSentence => Terminal is '.' or '!' or '?' or '…';

    public bool EndsWithPeriod => Terminal is '.' && !EndsWithEllipsis;

    public static LineFeatures Of(ReadOnlySpan<char> line)
    {
        int words = 0, capitalised = 0, numeric = 0, nonTime = 0, notNameLike = 0;
        int timeUnit = 0, ago = 0, dayWord = 0, month = 0, weekday = 0, nav = 0, cta = 0, person = 0, owner = 0;
        int appeal = 0, reporting = 0, marker = 0, stop = 0, sectionBreak = 0, emptyState = 0, consent = 0;
        var first = WordKind.None;
        var startsWithBy = false;
        var colonAfterFirst = false;

        foreach (var token in new WordTokenizer(line))
        {
            var word = line.Slice(token.Start, token.Length);
            var kind = LineVocabulary.KindOf(word);
            var c = word[0];
            var isNumeric = char.IsDigit(c);
            var isCapital = char.IsUpper(c);
            if (words == 0)
            {
                first = kind;
                startsWithBy = word.Equals("by", StringComparison.OrdinalIgnoreCase) && isCapital;
                var after = token.Start + token.Length;
                colonAfterFirst = after < line.Length && line[after] == ':';
            }

            words++;
            capitalised += isCapital ? 1 : 0;
            numeric += isNumeric ? 1 : 0;
            const WordKind timeKinds = WordKind.TimeUnit | WordKind.TimeWord | WordKind.Ago | WordKind.DayWord |
                                       WordKind.Month | WordKind.Weekday | WordKind.NumberWord;
            nonTime += (kind & timeKinds) == 0 && !isNumeric ? 1 : 0;
            notNameLike += !isCapital && !isNumeric && (kind & WordKind.Connector) == 0 ? 1 : 0;
            timeUnit += Has(kind, WordKind.TimeUnit);
            ago += Has(kind, WordKind.Ago);
            dayWord += Has(kind, WordKind.DayWord);
            month += Has(kind, WordKind.Month);
            weekday += Has(kind, WordKind.Weekday);
            nav += Has(kind, WordKind.Nav);
            cta += Has(kind, WordKind.Cta);
            person += Has(kind, WordKind.Person);
            owner += Has(kind, WordKind.Owner);
            appeal += Has(kind, WordKind.Appeal);
            reporting += Has(kind, WordKind.Reporting);
            marker += Has(kind, WordKind.Marker);
            stop += Has(kind, WordKind.Stop);
            sectionBreak += Has(kind, WordKind.SectionBreak);
            emptyState += Has(kind, WordKind.EmptyState);
            consent += Has(kind, WordKind.Consent);
        }

        var hasLetter = false;
        var hasLower = false;
        int separators = 0, sentences = 0;
        var copyright = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsLetter(c))
            {
                hasLetter = true;
                hasLower |= char.IsLower(c);
            }
            else if (c is '|' or '•' or '·' or '»' or '›')
            {
                separators++;
            }
            else if (c is '©')
            {
                copyright = true;
            }
            else if (c is '.' or '!' or '?' && IsSentenceEnd(line, i))
            {
                sentences++;
            }
        }

        var end = line.TrimEnd("\"'”’)]»*");
        var terminal = end.IsEmpty ? '\0' : end[^1];
        var ellipsis = end.EndsWith("...") || end.EndsWith("…");
        var dash = line.Length > 1 && line[0] is '-' or '–' or '—' && char.IsWhiteSpace(line[1]);

        return new LineFeatures
        {
            Length = line.Length,
            Words = words,
            Capitalised = capitalised,
            Numeric = numeric,
            NonTime = nonTime,
            NotNameLike = notNameLike,
            TimeUnit = timeUnit,
            Ago = ago,
            DayWord = dayWord,
            Month = month,
            Weekday = weekday,
            Nav = nav,
            Cta = cta,
            Person = person,
            Owner = owner,
            Appeal = appeal,
            Reporting = reporting,
            Marker = marker,
            Stop = stop,
            SectionBreak = sectionBreak,
            EmptyState = emptyState,
            Consent = consent,
            FirstWord = first,
            StartsWithBy = startsWithBy,
            AllCaps = hasLetter && !hasLower,
            LeadingDash = dash,
            Terminal = ellipsis ? '…' : terminal,
            EndsWithEllipsis = ellipsis,
            Sentences = sentences,
            Separators = separators,
            HasCopyrightSign = copyright,
            ColonAfterFirstWord = colonAfterFirst,
        };
    }

    private static int Has(WordKind kind, WordKind flag) => (kind & flag) != 0 ? 1 : 0;

    /// <summary>A terminator after a lower-case letter, digit or quote, followed by space and a capital, quote or digit.</summary>
    private static bool IsSentenceEnd(ReadOnlySpan<char> line, int i)
    {
        if (i == 0 || !(char.IsLower(line[i - 1]) || char.IsDigit(line[i - 1]) || line[i - 1] is '\'' or '"' or '”' or '’' or ')'))
        {
            return false;
        }

        var j = i + 1;
        while (j < line.Length && line[j] is '\'' or '"' or '”' or '’' or ')')
        {
            j++;
        }

        if (j >= line.Length || !char.IsWhiteSpace(line[j]))
        {
            return false;
        }

        while (j < line.Length && char.IsWhiteSpace(line[j]))
        {
            j++;
        }

        return j < line.Length && (char.IsUpper(line[j]) || char.IsDigit(line[j]) || line[j] is '\'' or '"' or '“' or '‘');
    }
}
