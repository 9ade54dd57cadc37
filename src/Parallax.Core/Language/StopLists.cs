using System.Collections.Frozen;

namespace Parallax.Core.Language;

/// <summary>
/// The closed-class words of one language (articles, pronouns, prepositions, conjunctions, auxiliaries,
/// determiners): they carry no topic, spinners leave them alone, and their frequencies tell languages apart.
/// Looked up by span, without allocating; case-insensitive.
/// </summary>
public sealed class StopList
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    internal StopList(string language, string words)
    {
        Language = language;
        var set = words.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Count = set.Count;
        lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The ISO 639-1 code of the language.</summary>
    public string Language { get; }

    public int Count { get; }

    public bool Contains(ReadOnlySpan<char> word) => lookup.Contains(word);

    /// <summary>A content word: not a stop word, and with at least one letter (numbers are not content words).</summary>
    public bool IsContentWord(ReadOnlySpan<char> word) => !Contains(word) && HasLetter(word);

    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One stop list per language, built once. <see cref="For"/> answers null for a language without one.</summary>
public static class StopLists
{
    /// <summary>English: the list the spin analyser and the copy fingerprints read (one list, so they agree).</summary>
    public static StopList English { get; } = new("en", """
        a an the and or but nor so yet if then than because as while although though whether since until unless that
        which who whom whose what when where why how this these those there here i me my mine myself we us our ours
        ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them
        their theirs themselves one ones be am is are was were been being have has had having do does did doing done
        will would shall should can could may might must ought of in on at by for with about against between into
        through during before after above below to from up down out off over under again further once all any both
        each few more most other some such no not only own same too very just also now even ever never still already
        per via upon within without across along among around behind beyond despite toward towards onto unto amid s t
        don't doesn't didn't isn't aren't wasn't weren't won't can't couldn't shouldn't wouldn't hasn't haven't hadn't
        it's i'm he's she's we're they're you're let's every either neither much many several another whoever whatever
        whichever mr mrs ms dr st jr yes ok okay ago like else least less lot
        """);

    /// <summary>
    /// English words of news reporting that say nothing about which event a report covers: reporting verbs ("said",
    /// "told"), calendar and time words, small counts and ordinals, generic nouns ("people", "statement") and a few
    /// discourse adverbs. Not closed-class, so spinners may swap them; the story features drop them beside
    /// <see cref="English"/>.
    /// </summary>
    public static StopList EnglishReporting { get; } = new("en", """
        according added report reported reports statement news said say says saying told see seen get got make made
        became let well new first second last later near two three people others almost however rather thus that's
        there's day days week year years time today yesterday tomorrow monday tuesday wednesday thursday friday
        saturday sunday
        """);

    public static StopList French { get; } = new("fr", """
        le la les l' un une des du de d' et ou mais donc or ni car que qu' qui quoi dont où ce cet cette ces mon ma mes
        ton ta tes son sa ses notre nos votre vos leur leurs je tu il elle on nous vous ils elles me te se lui y en au
        aux avec dans par pour sur sous sans chez entre vers est sont été être avoir a ont avait était sera fait ne pas
        plus aussi très tout tous toute toutes comme si même bien déjà encore selon après avant pendant depuis c'est
        n'est l'on
        """);

    public static StopList German { get; } = new("de", """
        der die das den dem des ein eine einer eines einem einen und oder aber denn sondern dass daß wenn als wie ob
        weil ich du er sie es wir ihr mich dich sich uns euch ihm ihn ihnen mein dein sein unser euer kein keine nicht
        auch nur noch schon sehr mit von zu zum zur bei nach aus für über unter vor auf an am im in um durch gegen ohne
        bis ist sind war waren wird werden wurde wurden hat haben hatte hatten kann können soll sollen muss müssen
        dieser diese dieses jeder jede jedes man so doch dann hier dort
        """);

    public static StopList Spanish { get; } = new("es", """
        el la los las lo un una unos unas y e o u pero sino que quien quienes cual cuales cuando donde como porque si
        ni de del al a en con por para sin sobre entre hasta desde hacia contra según yo tú él ella nosotros vosotros
        ellos ellas me te se le les nos os mi mis tu tus su sus nuestro nuestra es son fue fueron era eran ser estar
        está están ha han había hay no más muy también ya este esta estos estas ese esa esos esas todo todos toda todas
        otro otra
        """);

    public static StopList Italian { get; } = new("it", """
        il lo la i gli le un uno una e ed o ma però che chi cui non di del della dei degli delle da dal dalla in nel
        nella con su sul sulla per tra fra a al alla ai è sono era erano stato essere ha hanno aveva questo questa
        questi queste quello quella anche come più molto già ancora se io tu lui lei noi voi loro mi ti si ci vi suo
        sua suoi loro
        """);

    public static StopList Portuguese { get; } = new("pt", """
        o a os as um uma uns umas e ou mas que quem qual quando onde como porque se não de do da dos das em no na nos
        nas por pelo pela para com sem sobre entre até desde ao aos à às é são foi foram era ser estar está estão tem
        têm havia há mais muito também já este esta estes estas esse essa isso isto eu tu ele ela nós vós eles elas me
        te lhe seu sua seus suas
        """);

    public static StopList Dutch { get; } = new("nl", """
        de het een en of maar dat die dit deze wie wat waar wanneer hoe omdat als dan niet geen ook nog al wel zeer
        van in op aan met voor door bij naar uit over tot om onder tegen zonder is zijn was waren wordt werd worden
        heeft hebben had hadden kan kunnen zal zou moet ik jij je hij zij ze wij we jullie hun haar mijn zijn onze er
        hier daar
        """);

    public static StopList Russian { get; } = new("ru", """
        и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её мне было вот от
        меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж
        вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто
        чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой
        тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот
        через эти нас про всего них какая много разве три эту моя впрочем свою этой перед иногда лучше чуть том нельзя
        такой им более всегда конечно всю между это также заявил сообщил
        """);

    /// <summary>Every list, in the order the language identifier tries them.</summary>
    public static IReadOnlyList<StopList> All { get; } = [English, French, German, Spanish, Italian, Portuguese, Dutch, Russian];

    /// <summary>The list of a language (ISO 639-1 code, case-insensitive), or null.</summary>
    public static StopList? For(string? language)
    {
        if (string.IsNullOrEmpty(language))
        {
            return null;
        }

        var code = language.AsSpan(0, Math.Min(2, language.Length));
        foreach (var list in All)
        {
            if (code.Equals(list.Language, StringComparison.OrdinalIgnoreCase))
            {
                return list;
            }
        }

        return null;
    }
}
