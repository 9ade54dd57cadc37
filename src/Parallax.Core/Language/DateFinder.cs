using System.Collections.Frozen;

namespace Parallax.Core.Language;

/// <summary>
/// Finds dates and relative times among a text's tokens: "March 3, 2024", "3 March", "3rd of March", "2024-03-03",
/// "March 2024", "in March", "in 2019", "Tuesday", "last Tuesday", "yesterday", "last week", "two days ago". Relative
/// and year-less dates are resolved against the day of publication when one is given, by fixed conventions: a bare
/// weekday is the latest such day on or before publication, a date without its year takes the year that puts it
/// nearest publication. Stateless.
/// </summary>
internal static class DateFinder
{
    /// <summary>Words before a month or a year that make it a time ("in March", "since 2019").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimePrepositions = Set(
        "in since until till by during early late mid from through before after between last next this of");

    /// <summary>Counts written as words in "two days ago"; "a few" and "several" count as three.</summary>
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SmallNumbers = Counts(
        "a 1 an 1 one 1 two 2 three 3 four 4 five 5 six 6 seven 7 eight 8 nine 9 ten 10 eleven 11 twelve 12 few 3 several 3");

    /// <summary>
    /// Adds the dates among <paramref name="tokens"/> to <paramref name="into"/>, marking the tokens they cover in
    /// <paramref name="covered"/> (so that a day or a year is not also read as a plain number).
    /// </summary>
    public static void Find(string text, List<TokenSpan> tokens, DateOnly? reference, List<DateMention> into, Span<bool> covered)
    {
        for (var t = 0; t < tokens.Count; t++)
        {
            if (covered[t] || !MayStartDate(tokens[t].In(text)))
            {
                continue;
            }

            if (TryCalendar(text, tokens, t, reference, out var mention, out var last)
                || TryWeekday(text, tokens, t, reference, out mention, out last)
                || TryRelative(text, tokens, t, reference, out mention, out last)
                || TryYear(text, tokens, t, out mention, out last))
            {
                into.Add(mention);
                covered[t..(last + 1)].Fill(true);
                t = last;
            }
        }
    }

    /// <summary>
    /// A quick test that lets most words pass without the full rules: a date starts with a digit, a capital (a month,
    /// a weekday, "Yesterday"), or one of the few lower-case words that open a relative time.
    /// </summary>
    private static bool MayStartDate(ReadOnlySpan<char> word) =>
        !char.IsLower(word[0]) || RelativeStarts.Contains(word);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RelativeStarts = Set(
        "yesterday today tomorrow tonight last next this a an one two three four five six seven eight nine ten eleven twelve few several");

    /// <summary>A date written with its month: ISO, day-month(-year), month-day(-year), month-year, or a month after "in".</summary>
    private static bool TryCalendar(string text, List<TokenSpan> tokens, int t, DateOnly? reference, out DateMention mention, out int last)
    {
        mention = null!;
        last = t;
        var word = Word(text, tokens, t);
        if (CalendarWords.IsIso(word, out var iso))
        {
            mention = new DateMention(tokens[t].Start, End(tokens[t]), DateKind.Absolute, DatePrecision.Day, iso);
            return true;
        }

        int day, month, year;
        var k = t;
        if (CalendarWords.Day(word, out day))
        {
            // "3 March", "3rd of March", "3. März"
            k = t + 1;
            if (k < tokens.Count && Word(text, tokens, k).Equals("of", StringComparison.OrdinalIgnoreCase) && Gap(text, tokens, k).SequenceEqual(" "))
            {
                k++;
            }

            if (k >= tokens.Count || !IsGap(Gap(text, tokens, k), allowStop: true, allowComma: false) || (month = MonthOf(text, tokens, k)) == 0)
            {
                return false;
            }

            year = YearAfter(text, tokens, k);
            if (year == 0 && CalendarWords.NeedsNumber(Word(text, tokens, k)) && !char.IsUpper(text[tokens[k].Start]))
            {
                // "5 may" is more often a verb than a date.
                return false;
            }
        }
        else if ((month = MonthOf(text, tokens, t)) > 0)
        {
            var capital = char.IsUpper(word[0]);
            k = t + 1;
            if (k < tokens.Count && IsGap(Gap(text, tokens, k), allowStop: true, allowComma: false) && CalendarWords.Day(Word(text, tokens, k), out day) && capital)
            {
                year = YearAfter(text, tokens, k);
            }
            else if (k < tokens.Count && IsGap(Gap(text, tokens, k), allowStop: true, allowComma: true) && CalendarWords.Year(Word(text, tokens, k), out year) && capital)
            {
                // "March 2024": a month of a year.
                last = k;
                mention = new DateMention(tokens[t].Start, End(tokens[k]), DateKind.Absolute, DatePrecision.Month, new DateOnly(year, month, 1));
                return true;
            }
            else if (capital && !CalendarWords.NeedsNumber(word) && t > 0 && TimePrepositions.Contains(Word(text, tokens, t - 1)))
            {
                // "in March": the month nearest publication.
                mention = new DateMention(tokens[t].Start, End(tokens[t]), DateKind.Partial, DatePrecision.Month,
                    reference is { } r ? Nearest(r, month, 1) : null);
                return true;
            }
            else
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (day > DateTime.DaysInMonth(2024, month))
        {
            return false;
        }

        if (year > 0)
        {
            last = k + 1;
            if (day > DateTime.DaysInMonth(year, month))
            {
                return false;
            }

            mention = new DateMention(tokens[t].Start, End(tokens[last]), DateKind.Absolute, DatePrecision.Day, new DateOnly(year, month, day));
            return true;
        }

        last = k;
        mention = new DateMention(tokens[t].Start, End(tokens[last]), DateKind.Partial, DatePrecision.Day,
            reference is { } at ? Nearest(at, month, day) : null);
        return true;
    }

    /// <summary>"Tuesday", "on Tuesday", "last Tuesday", "next Tuesday", and "Tuesday, March 3, 2024" (the date wins).</summary>
    private static bool TryWeekday(string text, List<TokenSpan> tokens, int t, DateOnly? reference, out DateMention mention, out int last)
    {
        mention = null!;
        last = t;
        var word = Word(text, tokens, t);
        var weekday = CalendarWords.Weekday(word);
        if (weekday == 0)
        {
            return false;
        }

        if (t + 1 < tokens.Count && IsGap(Gap(text, tokens, t + 1), allowStop: true, allowComma: true)
            && TryCalendar(text, tokens, t + 1, reference, out var date, out last))
        {
            mention = date with { Start = tokens[t].Start };
            return true;
        }

        last = t;
        if (!char.IsUpper(word[0]) || CalendarWords.NeedsNumber(word))
        {
            return false;
        }

        var start = t;
        var direction = 0;
        if (t > 0 && Gap(text, tokens, t).SequenceEqual(" "))
        {
            var before = Word(text, tokens, t - 1);
            if (before.Equals("last", StringComparison.OrdinalIgnoreCase))
            {
                (start, direction) = (t - 1, -1);
            }
            else if (before.Equals("next", StringComparison.OrdinalIgnoreCase))
            {
                (start, direction) = (t - 1, 1);
            }
        }

        DateOnly? resolved = null;
        if (reference is { } r)
        {
            var today = IsoWeekday(r);
            var back = (today - weekday + 7) % 7;
            resolved = direction switch
            {
                -1 => r.AddDays(back == 0 ? -7 : -back),
                1 => r.AddDays((weekday - today + 7) % 7 is 0 ? 7 : (weekday - today + 7) % 7),
                _ => r.AddDays(-back),
            };
        }

        mention = new DateMention(tokens[start].Start, End(tokens[t]), DateKind.Relative, DatePrecision.Day, resolved);
        return true;
    }

    /// <summary>"yesterday", "today", "tomorrow", "tonight", "last/this/next week|month|year", "two days ago".</summary>
    private static bool TryRelative(string text, List<TokenSpan> tokens, int t, DateOnly? reference, out DateMention mention, out int last)
    {
        mention = null!;
        last = t;
        var word = Word(text, tokens, t);
        var offset = word switch
        {
            _ when word.Equals("yesterday", StringComparison.OrdinalIgnoreCase) => -1,
            _ when word.Equals("today", StringComparison.OrdinalIgnoreCase) || word.Equals("tonight", StringComparison.OrdinalIgnoreCase) => 0,
            _ when word.Equals("tomorrow", StringComparison.OrdinalIgnoreCase) => 1,
            _ => int.MinValue,
        };
        if (offset != int.MinValue && char.IsUpper(word[0]) && t > 0 && Gap(text, tokens, t).SequenceEqual(" ") && char.IsUpper(text[tokens[t - 1].Start]))
        {
            // "Russia Today", "Good Morning Tomorrow": part of a name.
            return false;
        }

        if (offset != int.MinValue)
        {
            mention = new DateMention(tokens[t].Start, End(tokens[t]), DateKind.Relative, DatePrecision.Day, reference?.AddDays(offset));
            return true;
        }

        if (t + 1 >= tokens.Count || !Gap(text, tokens, t + 1).SequenceEqual(" "))
        {
            return false;
        }

        var direction = word.Equals("last", StringComparison.OrdinalIgnoreCase) ? -1
            : word.Equals("next", StringComparison.OrdinalIgnoreCase) ? 1
            : word.Equals("this", StringComparison.OrdinalIgnoreCase) ? 0 : int.MinValue;
        var unit = Unit(Word(text, tokens, t + 1), out var plural);
        if (direction != int.MinValue && unit is { } precision && !plural)
        {
            last = t + 1;
            mention = new DateMention(tokens[t].Start, End(tokens[last]), DateKind.Relative, precision,
                reference is { } r ? Shift(r, precision, direction, startOfPeriod: true) : null);
            return true;
        }

        // "4 hours ago", "20 minutes ago": read as the day of publication (a text gives its day, not its hour).
        var next = Word(text, tokens, t + 1);
        if (t + 2 < tokens.Count && unit is null && (next.StartsWith("hour", StringComparison.OrdinalIgnoreCase) || next.StartsWith("minute", StringComparison.OrdinalIgnoreCase))
            && next.Length <= 7 && Gap(text, tokens, t + 2).SequenceEqual(" ") && Word(text, tokens, t + 2).Equals("ago", StringComparison.OrdinalIgnoreCase) && Count(word, out _))
        {
            last = t + 2;
            mention = new DateMention(tokens[t].Start, End(tokens[last]), DateKind.Relative, DatePrecision.Day, reference);
            return true;
        }

        // "two days ago", "3 weeks ago", "a year ago"
        if (t + 2 < tokens.Count && unit is { } agoUnit && Gap(text, tokens, t + 2).SequenceEqual(" ")
            && Word(text, tokens, t + 2).Equals("ago", StringComparison.OrdinalIgnoreCase) && Count(word, out var count))
        {
            last = t + 2;
            mention = new DateMention(tokens[t].Start, End(tokens[last]), DateKind.Relative, agoUnit,
                reference is { } r ? Shift(r, agoUnit, -count, startOfPeriod: false) : null);
            return true;
        }

        return false;
    }

    /// <summary>A year after a word of time: "in 2019", "since 2008".</summary>
    private static bool TryYear(string text, List<TokenSpan> tokens, int t, out DateMention mention, out int last)
    {
        mention = null!;
        last = t;
        if (t == 0 || !CalendarWords.Year(Word(text, tokens, t), out var year) || !Gap(text, tokens, t).SequenceEqual(" ")
            || !TimePrepositions.Contains(Word(text, tokens, t - 1)) || Word(text, tokens, t - 1).Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        mention = new DateMention(tokens[t].Start, End(tokens[t]), DateKind.Absolute, DatePrecision.Year, new DateOnly(year, 1, 1));
        return true;
    }

    private static DatePrecision? Unit(ReadOnlySpan<char> word, out bool plural)
    {
        plural = word.EndsWith("s", StringComparison.OrdinalIgnoreCase);
        var stem = plural ? word[..^1] : word;
        return stem switch
        {
            _ when stem.Equals("day", StringComparison.OrdinalIgnoreCase) => DatePrecision.Day,
            _ when stem.Equals("week", StringComparison.OrdinalIgnoreCase) || stem.Equals("weekend", StringComparison.OrdinalIgnoreCase) => DatePrecision.Week,
            _ when stem.Equals("month", StringComparison.OrdinalIgnoreCase) => DatePrecision.Month,
            _ when stem.Equals("year", StringComparison.OrdinalIgnoreCase) => DatePrecision.Year,
            _ => null,
        };
    }

    private static bool Count(ReadOnlySpan<char> word, out int count)
    {
        if (word.Length <= 3 && int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count))
        {
            return true;
        }

        return SmallNumbers.TryGetValue(word, out count);
    }

    private static DateOnly Shift(DateOnly reference, DatePrecision unit, int amount, bool startOfPeriod)
    {
        return unit switch
        {
            DatePrecision.Day => reference.AddDays(amount),
            DatePrecision.Week => startOfPeriod ? reference.AddDays(1 - IsoWeekday(reference) + 7 * amount) : reference.AddDays(7 * amount),
            DatePrecision.Month => startOfPeriod ? new DateOnly(reference.Year, reference.Month, 1).AddMonths(amount) : reference.AddMonths(amount),
            _ => startOfPeriod ? new DateOnly(reference.Year + amount, 1, 1) : reference.AddYears(amount),
        };
    }

    /// <summary>The date with this month and day that lies nearest the reference (a year either side).</summary>
    private static DateOnly Nearest(DateOnly reference, int month, int day)
    {
        DateOnly? best = null;
        for (var year = reference.Year - 1; year <= reference.Year + 1; year++)
        {
            if (day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var candidate = new DateOnly(year, month, day);
            if (best is null || Math.Abs(candidate.DayNumber - reference.DayNumber) < Math.Abs(best.Value.DayNumber - reference.DayNumber))
            {
                best = candidate;
            }
        }

        return best ?? new DateOnly(reference.Year, month, 1);
    }

    private static int IsoWeekday(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    private static int MonthOf(string text, List<TokenSpan> tokens, int k) => CalendarWords.Month(Word(text, tokens, k));

    /// <summary>The year right after token <paramref name="k"/> ("March 3, 2024", "3 March 2024"), or 0.</summary>
    private static int YearAfter(string text, List<TokenSpan> tokens, int k) =>
        k + 1 < tokens.Count && IsGap(Gap(text, tokens, k + 1), allowStop: true, allowComma: true) && CalendarWords.Year(Word(text, tokens, k + 1), out var year) ? year : 0;

    /// <summary>Spaces between the parts of a date, with an abbreviation's or a German day's full stop, or a comma.</summary>
    private static bool IsGap(ReadOnlySpan<char> gap, bool allowStop, bool allowComma)
    {
        if (gap.IsEmpty || gap.Length > 3)
        {
            return false;
        }

        var space = false;
        foreach (var c in gap)
        {
            if (c is ' ' or '\u00A0')
            {
                space = true;
            }
            else if (!(c == '.' && allowStop || c == ',' && allowComma))
            {
                return false;
            }
        }

        return space;
    }

    private static ReadOnlySpan<char> Word(string text, List<TokenSpan> tokens, int t) => tokens[t].In(text);

    private static ReadOnlySpan<char> Gap(string text, List<TokenSpan> tokens, int t) =>
        t == 0 ? text.AsSpan(0, tokens[0].Start) : text.AsSpan(End(tokens[t - 1]), tokens[t].Start - End(tokens[t - 1]));

    private static int End(TokenSpan token) => token.Start + token.Length;

    private static FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Counts(string pairs)
    {
        var parts = pairs.Split(' ');
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            map[parts[i]] = int.Parse(parts[i + 1], System.Globalization.CultureInfo.InvariantCulture);
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
