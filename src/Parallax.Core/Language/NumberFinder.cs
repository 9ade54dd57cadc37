using System.Collections.Frozen;
using System.Globalization;

namespace Parallax.Core.Language;

/// <summary>
/// Finds numbers with their units: digits ("1,200", "3.5", "40bn"), number words ("five", "twenty-five"), scale
/// words ("3.5 million"), currencies before or after ("$40", "40 dollars"), shares ("12%", "12 per cent"), measures
/// ("300 km"), counted nouns ("five people") and ordinals ("3rd", "the third"). A number word alone ("one of them")
/// is not counted: only with a unit, a scale or a counted noun after it. Stateless.
/// </summary>
internal static class NumberFinder
{
    private static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Words = Map(
        "zero 0 one 1 two 2 three 3 four 4 five 5 six 6 seven 7 eight 8 nine 9 ten 10 eleven 11 twelve 12 thirteen 13 " +
        "fourteen 14 fifteen 15 sixteen 16 seventeen 17 eighteen 18 nineteen 19 twenty 20 thirty 30 forty 40 fifty 50 " +
        "sixty 60 seventy 70 eighty 80 ninety 90 hundred 100 dozen 12 dozens 12 hundreds 100 thousands 1000");

    private static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Ordinals = Map(
        "first 1 second 2 third 3 fourth 4 fifth 5 sixth 6 seventh 7 eighth 8 ninth 9 tenth 10 eleventh 11 twelfth 12 " +
        "twentieth 20 hundredth 100");

    private static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Scales = Map(
        "hundred 100 thousand 1000 million 1000000 billion 1000000000 trillion 1000000000000 k 1000 m 1000000 mn 1000000 " +
        "bn 1000000000 b 1000000000 tn 1000000000000");

    /// <summary>Units after a number, each with its normal form and what it makes the number.</summary>
    private static readonly FrozenDictionary<string, (string Unit, NumberKind Kind)>.AlternateLookup<ReadOnlySpan<char>> Units = BuildUnits();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IrregularPlurals =
        "people children men women police troops staff personnel".Split(' ').ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Find(string text, List<TokenSpan> tokens, TokenFlags[] flags, StopList? stops, List<NumberMention> into, Span<bool> covered)
    {
        for (var t = 0; t < tokens.Count; t++)
        {
            if (covered[t])
            {
                continue;
            }

            var word = tokens[t].In(text);
            double value;
            string? unit = null;
            var kind = NumberKind.Cardinal;
            var wordNumber = false;
            if (flags[t].HasFlag(TokenFlags.Number))
            {
                if (!Numeric(word, out value, out var suffix))
                {
                    continue;
                }

                if (!suffix.IsEmpty)
                {
                    if (CalendarWords.IsOrdinalSuffix(suffix))
                    {
                        kind = NumberKind.Ordinal;
                    }
                    else if (Scales.TryGetValue(suffix, out var scale))
                    {
                        value *= scale;
                    }
                    else if (Units.TryGetValue(suffix, out var u))
                    {
                        (unit, kind) = u;
                    }
                    else
                    {
                        continue;
                    }
                }
            }
            else if (flags[t].HasFlag(TokenFlags.StopWord) && !word.Equals("one", StringComparison.OrdinalIgnoreCase) || word.Length > 12)
            {
                // No other function word and no long word is a number: half the words skip the look-ups.
                continue;
            }
            else if (Ordinals.TryGetValue(word, out value) && t > 0 && tokens[t - 1].In(text).Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                kind = NumberKind.Ordinal;
            }
            else if (WordValue(word, out value))
            {
                wordNumber = true;
            }
            else
            {
                continue;
            }

            var start = tokens[t].Start;
            var last = t;

            // A currency sign before the number: "$40", "US$ 40", "€3.5bn".
            var before = Gap(text, tokens, t);
            if (kind == NumberKind.Cardinal && !before.IsEmpty && CurrencySign(before[^1]) is { } sign)
            {
                (unit, kind) = (sign, NumberKind.Money);
                start--;
            }

            if (kind != NumberKind.Ordinal)
            {
                // "3.5 million", "two hundred".
                var scaled = false;
                while (last + 1 < tokens.Count && Gap(text, tokens, last + 1) is " " && Scales.TryGetValue(tokens[last + 1].In(text), out var scale)
                    && tokens[last + 1].Length > 2)
                {
                    value *= scale;
                    last++;
                    scaled = true;
                }

                var end = End(tokens[last]);
                if (end < text.Length && text[end] == '%' && unit is null)
                {
                    (unit, kind) = ("%", NumberKind.Percent);
                    MarkAndAdd(into, covered, t, last, new NumberMention(start, end + 1, value, unit, kind));
                    t = last;
                    continue;
                }

                if (unit is null && last + 1 < tokens.Count && Gap(text, tokens, last + 1) is " " or "\u00A0")
                {
                    var next = tokens[last + 1].In(text);
                    if (next.Equals("per", StringComparison.OrdinalIgnoreCase) && last + 2 < tokens.Count
                        && tokens[last + 2].In(text).Equals("cent", StringComparison.OrdinalIgnoreCase))
                    {
                        (unit, kind) = ("%", NumberKind.Percent);
                        last += 2;
                    }
                    else if (Units.TryGetValue(next, out var u))
                    {
                        (unit, kind) = u;
                        last++;
                    }
                    else if (char.IsLower(next[0]) && (stops is null || !stops.Contains(next)) && IsCountedNoun(next))
                    {
                        (unit, kind) = (next.ToString().ToLowerInvariant(), NumberKind.Quantity);
                        last++;
                    }
                }

                if (wordNumber && unit is null && !scaled)
                {
                    // "one of them", "ten": a number word alone is too often not a figure.
                    continue;
                }
            }

            MarkAndAdd(into, covered, t, last, new NumberMention(start, End(tokens[last]), value, unit, kind));
            t = last;
        }
    }

    private static void MarkAndAdd(List<NumberMention> into, Span<bool> covered, int first, int last, NumberMention mention)
    {
        into.Add(mention);
        covered[first..(last + 1)].Fill(true);
    }

    /// <summary>A plural noun ("soldiers", "homes") or one of the irregular ones ("people").</summary>
    private static bool IsCountedNoun(ReadOnlySpan<char> word) =>
        IrregularPlurals.Contains(word) || word.Length > 3 && word[^1] == 's' && word[^2] != 's' && AllLetters(word);

    private static bool AllLetters(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"1,200" (thousands), "3.5", "3,5" (a decimal comma), "40bn" (a suffix returned apart).</summary>
    private static bool Numeric(ReadOnlySpan<char> word, out double value, out ReadOnlySpan<char> suffix)
    {
        var digitsEnd = 0;
        while (digitsEnd < word.Length && (char.IsAsciiDigit(word[digitsEnd]) || word[digitsEnd] is ',' or '.'))
        {
            digitsEnd++;
        }

        suffix = word[digitsEnd..];
        value = 0;
        var digits = word[..digitsEnd];
        if (digits.IsEmpty || !char.IsAsciiDigit(digits[0]) || suffix.IndexOfAnyInRange('0', '9') >= 0 || suffix.Contains('-'))
        {
            return false;
        }

        Span<char> clean = stackalloc char[Math.Min(digits.Length, 64)];
        if (digits.Length > clean.Length)
        {
            return false;
        }

        var comma = digits.IndexOf(',');
        var thousands = comma > 0 && comma <= 3 && IsThousandsGrouped(digits);
        var n = 0;
        foreach (var c in digits)
        {
            if (c == ',')
            {
                if (!thousands)
                {
                    clean[n++] = '.';
                }
            }
            else
            {
                clean[n++] = c;
            }
        }

        return double.TryParse(clean[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"1,200" and "12,345,678.5": groups of three after the first comma, and no comma after the point.</summary>
    private static bool IsThousandsGrouped(ReadOnlySpan<char> digits)
    {
        var point = digits.IndexOf('.');
        var whole = point >= 0 ? digits[..point] : digits;
        if (point >= 0 && digits[(point + 1)..].Contains(','))
        {
            return false;
        }

        var first = whole.IndexOf(',');
        for (var i = first; i < whole.Length; i += 4)
        {
            if (whole[i] != ',' || i + 4 > whole.Length || whole.Slice(i + 1, 3).Contains(','))
            {
                return false;
            }
        }

        return first is >= 1 and <= 3;
    }

    /// <summary>"five", "Twenty-five", "hundreds".</summary>
    private static bool WordValue(ReadOnlySpan<char> word, out double value)
    {
        if (Words.TryGetValue(word, out value))
        {
            return true;
        }

        var hyphen = word.IndexOf('-');
        if (hyphen > 0 && Words.TryGetValue(word[..hyphen], out var tens) && tens is >= 20 and <= 90 && tens % 10 == 0
            && Words.TryGetValue(word[(hyphen + 1)..], out var units) && units is >= 1 and <= 9)
        {
            value = tens + units;
            return true;
        }

        return false;
    }

    private static string? CurrencySign(char c) => c switch
    {
        '$' => "dollar",
        '€' => "euro",
        '£' => "pound",
        '¥' => "yen",
        '₽' => "rouble",
        '₹' => "rupee",
        _ => null,
    };

    private static ReadOnlySpan<char> Gap(string text, List<TokenSpan> tokens, int t) =>
        t == 0 ? text.AsSpan(0, tokens[0].Start) : text.AsSpan(End(tokens[t - 1]), tokens[t].Start - End(tokens[t - 1]));

    private static int End(TokenSpan token) => token.Start + token.Length;

    private static FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Map(string pairs)
    {
        var parts = pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var map = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            map[parts[i]] = double.Parse(parts[i + 1], CultureInfo.InvariantCulture);
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static FrozenDictionary<string, (string, NumberKind)>.AlternateLookup<ReadOnlySpan<char>> BuildUnits()
    {
        var map = new Dictionary<string, (string, NumberKind)>(StringComparer.OrdinalIgnoreCase);
        void Add(string unit, NumberKind kind, string words)
        {
            foreach (var word in words.Split(' '))
            {
                map[word] = (unit, kind);
            }
        }

        Add("%", NumberKind.Percent, "percent pct");
        Add("dollar", NumberKind.Money, "dollar dollars usd");
        Add("euro", NumberKind.Money, "euro euros eur");
        Add("pound", NumberKind.Money, "pound pounds gbp");
        Add("yen", NumberKind.Money, "yen jpy");
        Add("rouble", NumberKind.Money, "rouble roubles ruble rubles rub");
        Add("rupee", NumberKind.Money, "rupee rupees inr");
        Add("yuan", NumberKind.Money, "yuan renminbi cny");
        Add("km", NumberKind.Quantity, "km kilometre kilometres kilometer kilometers");
        Add("m", NumberKind.Quantity, "metre metres meter meters");
        Add("cm", NumberKind.Quantity, "cm centimetre centimetres centimeter centimeters");
        Add("mile", NumberKind.Quantity, "mile miles mi");
        Add("kg", NumberKind.Quantity, "kg kilogram kilograms kilos");
        Add("tonne", NumberKind.Quantity, "tonne tonnes ton tons");
        Add("litre", NumberKind.Quantity, "litre litres liter liters");
        Add("hectare", NumberKind.Quantity, "hectare hectares ha");
        Add("acre", NumberKind.Quantity, "acre acres");
        Add("km/h", NumberKind.Quantity, "kmh kph");
        Add("mph", NumberKind.Quantity, "mph");
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
