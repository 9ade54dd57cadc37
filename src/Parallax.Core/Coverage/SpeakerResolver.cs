using System.Collections.Frozen;
using Parallax.Core.Language;

namespace Parallax.Core.Coverage;

/// <summary>
/// Resolves who said a quote to the name the story uses for that person: a surname ("Lind") or a titled form
/// ("Minister Lind") to the full name found elsewhere ("Ana Lind"), and a title alone ("the minister said") to the
/// one person the story gives that title ("Transport Minister Ana Lind", "Ana Lind, the transport minister,"). When
/// the title or surname fits no one or more than one, or the quote has a pronoun or an unnamed source, the answer is
/// null: a quote is never given to someone who may not have said it. Built once per story; read only after.
/// </summary>
public sealed class SpeakerResolver
{
    private static readonly FrozenSet<string> Pronouns = FrozenSet.ToFrozenSet(
        "he she they we i you it him her them".Split(' '), StringComparer.OrdinalIgnoreCase);

    private readonly List<Person> people = [];
    private readonly HashSet<string> lowerWords = new(StringComparer.Ordinal) { "mr", "mrs", "ms", "dr", "sir", "prof" };
    private readonly Spin.Thesaurus thesaurus;

    private sealed record Person(string Key, string Text, HashSet<string> Titles);

    public SpeakerResolver(IEnumerable<TextAnalysis> analyses, Spin.Thesaurus? thesaurus = null)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        this.thesaurus = thesaurus ?? Spin.Thesaurus.Default;
        var list = analyses.ToList();
        foreach (var analysis in list)
        {
            // A title is a word the story also writes in lower case ("the minister"); a first name never is.
            foreach (var token in analysis.Tokens)
            {
                if (!token.Has(TokenFlags.Capitalised) && lowerWords.Count < 100_000)
                {
                    lowerWords.Add(token.In(analysis.Text).ToString());
                }
            }
        }

        foreach (var analysis in list)
        {
            foreach (var name in analysis.Names)
            {
                Learn(analysis, name);
            }
        }
    }

    /// <summary>
    /// The name of who said a quote, or null when unclear. <paramref name="written"/> is the speaker as the quote's
    /// sentence names it (null when it names none); <paramref name="clause"/> the attribution words when there are
    /// some ("the minister said").
    /// </summary>
    public string? Resolve(string? written, string? clause)
    {
        if (written is not null)
        {
            var (titles, rest) = SplitTitles(written.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (rest.Length == 0)
            {
                return ByTitle(titles);
            }

            var key = ClaimReader.Lower(string.Join(' ', rest).Replace(".", "", StringComparison.Ordinal));
            var matches = people.Where(p => p.Key == key || TermVariantsTable.ShortForm(key, p.Key)).ToList();
            matches = Longest(matches);
            return matches.Count switch
            {
                1 => matches[0].Text,
                0 => string.Join(' ', rest),
                _ => null,
            };
        }

        if (clause is null)
        {
            return null;
        }

        // "the minister said", "said the transport minister": a title after "the"; a pronoun or "a spokesman" is no one in particular.
        var words = clause.Split([' ', ',', '.', ':', ';', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var found = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            if (Pronouns.Contains(words[i]))
            {
                return null;
            }

            if (!words[i].Equals("the", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            for (var k = i + 1; k < words.Length && k <= i + 3 && !ClaimReader.AttributionVerbs.Contains(words[k]); k++)
            {
                found.Add(ClaimReader.Lower(words[k]));
            }

            break;
        }

        return found.Count == 0 ? null : ByTitle([found[^1]]);
    }

    private string? ByTitle(IReadOnlyList<string> titles)
    {
        if (titles.Count == 0)
        {
            return null;
        }

        var head = Singular(titles[^1]);
        var matches = Longest(people.Where(p => p.Titles.Contains(head)).ToList());
        return matches.Count == 1 ? matches[0].Text : null;
    }

    /// <summary>Keeps the fullest form of each person: "Lind" and "Ana Lind" are one person, named "Ana Lind".</summary>
    private static List<Person> Longest(List<Person> matches)
    {
        var kept = new List<Person>();
        foreach (var m in matches.OrderByDescending(p => p.Key.Length))
        {
            if (!kept.Exists(k => k.Key == m.Key || TermVariantsTable.ShortForm(m.Key, k.Key)))
            {
                kept.Add(m);
            }
        }

        return kept;
    }

    private void Learn(TextAnalysis analysis, NameRun name)
    {
        var text = analysis.Text[name.Start..name.End];
        var (titles, rest) = SplitTitles(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (rest.Length == 0)
        {
            return;
        }

        var key = ClaimReader.Lower(string.Join(' ', rest).Replace(".", "", StringComparison.Ordinal));
        var person = people.Find(p => p.Key == key);
        if (person is null)
        {
            if (people.Count >= 5000)
            {
                return;
            }

            person = new Person(key, string.Join(' ', rest), []);
            people.Add(person);
        }

        foreach (var t in titles)
        {
            person.Titles.Add(Singular(t));
        }

        // "Ana Lind, the transport minister, said": the words of the apposition are her titles.
        var after = analysis.Text.AsSpan(name.End, Math.Min(60, analysis.Text.Length - name.End));
        if (after.StartsWith(", the ", StringComparison.Ordinal) || after.StartsWith(", a ", StringComparison.Ordinal))
        {
            var body = after[(after[2..].IndexOf(' ') + 3)..];
            var stop = body.IndexOfAny(",.;:()\"\u201C\u201D");
            if (stop > 0)
            {
                foreach (var word in body[..stop].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(3))
                {
                    person.Titles.Add(Singular(ClaimReader.Lower(word)));
                }
            }
        }
    }

    /// <summary>Leading common nouns of a name ("Transport Minister", "President") are titles; the rest is the name.</summary>
    private (string[] Titles, string[] Remainder) SplitTitles(string[] words)
    {
        if (words.Length == 1 && IsTitle(words[0]))
        {
            return ([ClaimReader.Lower(words[0].TrimEnd('.'))], []);
        }

        // "Transport Minister Ana Lind", "Finance Minister Tom Berg": up to the last title word before the name.
        var k = 0;
        for (var i = words.Length - 2; i >= 0; i--)
        {
            if (IsTitle(words[i]))
            {
                k = i + 1;
                break;
            }
        }

        return ([.. words[..k].Select(w => ClaimReader.Lower(w.TrimEnd('.')))], words[k..]);
    }

    private bool IsTitle(string word)
    {
        var lower = ClaimReader.Lower(word.TrimEnd('.'));
        if (lower is "mr" or "mrs" or "ms" or "dr" or "sir" or "prof")
        {
            return true;
        }

        return lower.Length > 2 && char.IsUpper(word[0]) && lowerWords.Contains(lower) && thesaurus.HasLemmaWithPos(lower, Spin.WordPos.Noun);
    }

    private static string Singular(string word) => word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length > 3 ? word[..^1] : word;
}
