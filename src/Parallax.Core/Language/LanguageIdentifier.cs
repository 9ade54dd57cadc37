namespace Parallax.Core.Language;

/// <summary>
/// Names a text's main language, honestly: by script where a script belongs to one language (Greek, Hebrew, Hangul,
/// kana, Thai...), by letters peculiar to one language where a script is shared (Ukrainian і, Persian پ), and by the
/// share of each language's stop words for Latin and Cyrillic text. "und" when the text is too short or no language
/// clearly leads. Stateless.
/// </summary>
internal static class LanguageIdentifier
{
    /// <summary>Fewer words than this are too few to judge by stop words.</summary>
    private const int MinWords = 5;

    /// <summary>Words judged: a few hundred tell the language as well as a whole long article does.</summary>
    private const int MaxWords = 200;

    /// <summary>The leading language's stop words must make at least this share of the words...</summary>
    private const double MinShare = 0.12;

    /// <summary>...and this many times the runner-up's share (the lists share words such as "a", "de", "in").</summary>
    private const double MinLead = 1.5;

    public static string Identify(string text, List<TokenSpan> tokens, Script script) => script switch
    {
        Script.Latin => ByStopWords(text, tokens, latin: true),
        Script.Cyrillic => Cyrillic(text, tokens),
        Script.Greek => "el",
        Script.Hebrew => "he",
        Script.Arabic => Arabic(text),
        Script.Hangul => "ko",
        Script.Hiragana or Script.Katakana => "ja",
        Script.Han => "zh",
        Script.Thai => "th",
        Script.Lao => "lo",
        Script.Khmer => "km",
        Script.Myanmar => "my",
        Script.Georgian => "ka",
        Script.Armenian => "hy",
        Script.Tamil => "ta",
        Script.Bengali => "bn",
        _ => TextAnalysis.Undetermined,
    };

    private static string ByStopWords(string text, List<TokenSpan> tokens, bool latin)
    {
        var lists = StopLists.All;
        Span<int> hits = stackalloc int[lists.Count];
        var words = 0;
        foreach (var token in tokens)
        {
            var word = token.In(text);
            if (!char.IsLetter(word[0]))
            {
                continue;
            }

            if (++words > MaxWords)
            {
                words--;
                break;
            }

            // French elision: "l'accord", "d'une", "qu'il" count their article or conjunction.
            var apostrophe = word.IndexOfAny('\'', '\u2019');
            var head = apostrophe is 1 or 2 ? word[..apostrophe] : word;
            for (var l = 0; l < lists.Count; l++)
            {
                if (lists[l].Contains(word) || head.Length < word.Length && lists[l].Contains(head))
                {
                    hits[l]++;
                }
            }
        }

        if (words < MinWords)
        {
            return TextAnalysis.Undetermined;
        }

        var best = -1;
        var second = 0;
        for (var l = 0; l < lists.Count; l++)
        {
            var isLatin = lists[l].Language != "ru";
            if (isLatin != latin)
            {
                continue;
            }

            if (best < 0 || hits[l] > hits[best])
            {
                second = best < 0 ? 0 : Math.Max(second, hits[best]);
                best = l;
            }
            else
            {
                second = Math.Max(second, hits[l]);
            }
        }

        return best >= 0 && hits[best] >= MinShare * words && hits[best] >= MinLead * second ? lists[best].Language : TextAnalysis.Undetermined;
    }

    private static string Cyrillic(string text, List<TokenSpan> tokens)
    {
        int letters = 0, ukrainian = 0, serbian = 0, bulgarian = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                letters++;
                ukrainian += c is 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є' ? 1 : 0;
                serbian += c is 'ђ' or 'ћ' or 'џ' or 'ј' or 'љ' or 'њ' ? 1 : 0;
                bulgarian += c is 'ъ' ? 1 : 0;
            }
        }

        // Letters Russian does not use; one in a hundred is more than a borrowed name explains.
        if (ukrainian * 100 > letters)
        {
            return "uk";
        }

        if (serbian * 100 > letters)
        {
            return "sr";
        }

        var russian = ByStopWords(text, tokens, latin: false);
        return russian == "ru" && bulgarian * 40 > letters ? TextAnalysis.Undetermined : russian;
    }

    private static string Arabic(string text)
    {
        int letters = 0, persian = 0, urdu = 0, arabic = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0600' and <= '\u06FF')
            {
                letters++;
                persian += c is 'پ' or 'چ' or 'ژ' or 'گ' ? 1 : 0;
                urdu += c is 'ٹ' or 'ڈ' or 'ڑ' or 'ں' or 'ے' ? 1 : 0;
                arabic += c is 'ة' or 'ى' ? 1 : 0;
            }
        }

        if (urdu * 100 > letters)
        {
            return "ur";
        }

        if (persian * 100 > letters && arabic * 4 < persian)
        {
            return "fa";
        }

        return arabic * 100 > letters ? "ar" : TextAnalysis.Undetermined;
    }
}
