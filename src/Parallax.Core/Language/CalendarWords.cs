using System.Collections.Frozen;

namespace Parallax.Core.Language;

/// <summary>
/// The written parts of dates (days, ordinal endings, years, ISO dates) and the one table of month and weekday names: English (with its abbreviations), French, German, Spanish, Italian,
/// Portuguese (months only: its weekday names are ordinary words) and Russian (genitive, as dates write it). Looked up by span, case-insensitive.
/// </summary>
public static class CalendarWords
{
    private static readonly string[] MonthNames =
    [
        "january jan janvier januar enero gennaio janeiro января январь",
        "february feb février fevrier februar febrero febbraio fevereiro февраля февраль",
        "march mar mars märz marz marzo março марта март",
        "april apr avril abril aprile апреля апрель",
        "may mai mayo maggio maio мая май",
        "june jun juin juni junio giugno junho июня июнь",
        "july jul juillet juli julio luglio julho июля июль",
        "august aug août aout agosto августа август",
        "september sep sept septembre septiembre settembre setembro сентября сентябрь",
        "october oct octobre oktober octubre ottobre outubro октября октябрь",
        "november nov novembre noviembre novembro ноября ноябрь",
        "december dec décembre decembre dezember diciembre dicembre dezembro декабря декабрь",
    ];

    // Monday is 1, as in ISO 8601; DayOfWeek counts Sunday as 0.
    private static readonly string[] WeekdayNames =
    [
        "monday mon lundi montag lunes lunedì понедельник",
        "tuesday tue tues mardi dienstag martes martedì вторник",
        "wednesday wed mercredi mittwoch miércoles mercoledì среду среда",
        "thursday thu thur thurs jeudi donnerstag jueves giovedì четверг",
        "friday fri vendredi freitag viernes venerdì пятницу пятница",
        "saturday sat samedi samstag sábado sabato субботу суббота",
        "sunday sun dimanche sonntag domenica воскресенье",
    ];

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Months = Build(MonthNames);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Weekdays = Build(WeekdayNames);

    /// <summary>The English month names in full and abbreviated ("january ... dec", "sept"), for vocabularies that list them.</summary>
    public static IReadOnlyList<string> EnglishMonthWords { get; } =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];

    /// <summary>The month (1-12) a word names, or 0. A trailing full stop of an abbreviation is not part of the word.</summary>
    public static int Month(ReadOnlySpan<char> word) => Months.TryGetValue(word, out var month) ? month : 0;

    /// <summary>The ISO weekday (Monday 1 ... Sunday 7) a word names, or 0.</summary>
    public static int Weekday(ReadOnlySpan<char> word) => Weekdays.TryGetValue(word, out var day) ? day : 0;

    /// <summary>Whether a month word is short or ambiguous enough ("May", "Mar", "Sun") to need a number beside it to be a date.</summary>
    public static bool NeedsNumber(ReadOnlySpan<char> word) => word.Length <= 4;

    /// <summary>A day of the month: 1-31, with an ordinal ending or not ("3", "03", "3rd", "21st").</summary>
    public static bool Day(ReadOnlySpan<char> word, out int day)
    {
        day = 0;
        var digits = word.Length > 2 && char.IsLetter(word[^1]) ? word[..^2] : word;
        if (digits.Length is 0 or > 2 || (digits.Length < word.Length && !IsOrdinalSuffix(word[digits.Length..])))
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            day = day * 10 + c - '0';
        }

        return day is >= 1 and <= 31;
    }

    public static bool IsOrdinalSuffix(ReadOnlySpan<char> suffix) =>
        suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);

    public static bool Year(ReadOnlySpan<char> word, out int year)
    {
        year = 0;
        if (word.Length != 4)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            year = year * 10 + c - '0';
        }

        return year is >= 1800 and <= 2199;
    }

    /// <summary>An ISO date, "2024-03-03".</summary>
    public static bool IsIso(ReadOnlySpan<char> word, out DateOnly date)
    {
        date = default;
        return word.Length == 10 && word[4] == '-' && word[7] == '-' && Year(word[..4], out var year)
            && int.TryParse(word.Slice(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
            && int.TryParse(word.Slice(8, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && (date = new DateOnly(year, month, day)) != default;
    }

    private static FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Build(string[] rows)
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Length; i++)
        {
            foreach (var word in rows[i].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map.TryAdd(word, i + 1);
            }
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
