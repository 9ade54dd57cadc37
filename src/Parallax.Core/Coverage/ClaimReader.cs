using System.Collections.Frozen;
using Parallax.Core.Language;

namespace Parallax.Core.Coverage;

/// <summary>
/// Splits a report into claims: each sentence that states something (two content words or more), with the slots the
/// alignment checks (numbers, dates, places, who did what, the source it is attributed to, negation). Reads the
/// language layer's analysis; stateless apart from the shared vocabulary.
/// </summary>
public sealed class ClaimReader
{
    /// <summary>Sentences read per report: a report longer than this is a dump, not an article; the rest is left out.</summary>
    public const int MaxClaimsPerReport = 400;

    /// <summary>Content words kept per claim: a 300-word "sentence" is a list, and its tail says nothing new.</summary>
    public const int MaxTermsPerClaim = 60;

    private const int MaxSlotsPerClaim = 24;

    internal static readonly FrozenSet<string> AttributionVerbs = FrozenSet.ToFrozenSet(
        "said says told tells according reported reports announced stated claimed claims confirmed added insisted warned alleged cited quoted wrote".Split(' '),
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PlacePrepositions = FrozenSet.ToFrozenSet("in at near outside inside across".Split(' '), StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.ToFrozenSet(
        "has have had was were is are will would has been".Split(' '), StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RoleBreakers = FrozenSet.ToFrozenSet(
        "and or with by of for than after before while as".Split(' '), StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Pronouns = FrozenSet.ToFrozenSet("he she they we i it you".Split(' '), StringComparer.OrdinalIgnoreCase);

    private readonly ClaimVocabulary vocabulary;

    public ClaimReader(ClaimVocabulary vocabulary)
    {
        this.vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
    }

    /// <summary>
    /// The claims of one report. <paramref name="spans"/>, when given, is the analysis of the article's own `text`
    /// when <paramref name="analysis"/> reads another wording of it (a spun report's restored text): each claim then
    /// takes the span of the same sentence there, so spans always point into `text`.
    /// </summary>
    public List<Claim> Read(string article, TextAnalysis analysis, TextAnalysis? spans = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var claims = new List<Claim>();
        var mapped = spans is not null && spans.Sentences.Length == analysis.Sentences.Length ? spans : null;
        for (var s = 0; s < analysis.Sentences.Length && claims.Count < MaxClaimsPerReport; s++)
        {
            var span = (mapped ?? analysis).Sentences[s].Span;
            if (Read(article, analysis, s, span) is { } claim)
            {
                claims.Add(claim);
            }
        }

        return claims;
    }

    /// <summary>One sentence as a claim, or null when it states nothing (fewer than two content words).</summary>
    public Claim? Read(string article, TextAnalysis analysis, int sentence, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var text = analysis.Text;
        var sent = analysis.Sentences[sentence];
        var first = sent.FirstToken;
        var end = first + sent.TokenCount;
        var covered = Covered(analysis, sent);
        var terms = new List<ClaimTerm>();
        for (var t = first; t < end; t++)
        {
            var token = analysis.Tokens[t];
            var word = Lower(token.In(text));
            // Negation words are never content words: the scope reader decides whether they deny the claim.
            if (NegationScope.Words.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal))
            {
                continue;
            }

            if (token.Has(TokenFlags.StopWord) || token.Has(TokenFlags.Number) || covered.Contains(token.Start) || !HasLetter(word))
            {
                continue;
            }

            var term = vocabulary.Of(word);
            if (terms.Count < MaxTermsPerClaim && !terms.Exists(x => x.Word == term.Word))
            {
                terms.Add(term);
            }
        }

        if (terms.Count < 2)
        {
            return null;
        }

        var names = new List<NameRun>();
        foreach (var name in analysis.Names)
        {
            if (name.Start >= sent.Start && name.End <= sent.End && names.Count < MaxSlotsPerClaim)
            {
                names.Add(name);
            }
        }

        var places = new List<string>();
        foreach (var name in names)
        {
            if (name.FirstToken > first && PlacePrepositions.Contains(analysis.Tokens[name.FirstToken - 1].In(text).ToString()))
            {
                places.Add(name.Key);
            }
        }

        var (source, sourceText) = Attribution(analysis, first, end, names);
        var distinct = names.DistinctBy(n => n.Key).ToList();
        var negation = NegationScope.Read(analysis, sent);
        return new Claim(
            article, sentence, text[sent.Start..sent.End], span, [.. terms],
            [.. distinct.Select(n => n.Key)], [.. distinct.Select(n => text[n.Start..n.End])], [.. places.Distinct()],
            Numbers(analysis, sent), Dates(analysis, sent), negation.Negated, Roles(analysis, first, end, names), source, sourceText)
        {
            NegatedPredicate = negation.Predicate is { } predicate ? vocabulary.Of(predicate).Lemmas : [],
        };
    }

    private static HashSet<int> Covered(TextAnalysis analysis, Sentence sent)
    {
        // Numbers and dates are compared as slots, not as words: a changed figure must not make two claims look less
        // alike, it must make them conflict.
        var covered = new HashSet<int>();
        var inside = new List<DateMention>();
        foreach (var d in analysis.Dates)
        {
            if (d.Start >= sent.Start && d.End <= sent.End)
            {
                inside.Add(d);
            }
        }

        foreach (var token in analysis.Tokens.AsSpan().Slice(sent.FirstToken, sent.TokenCount))
        {
            foreach (var d in inside)
            {
                if (token.Start >= d.Start && token.End <= d.End)
                {
                    covered.Add(token.Start);
                }
            }
        }

        return covered;
    }

    private static ClaimNumber[] Numbers(TextAnalysis analysis, Sentence sent)
    {
        var numbers = new List<ClaimNumber>();
        foreach (var n in analysis.Numbers)
        {
            if (n.Start >= sent.Start && n.End <= sent.End && numbers.Count < MaxSlotsPerClaim)
            {
                numbers.Add(new ClaimNumber(analysis.Text[n.Start..n.End], n.Value, n.Unit, n.Kind));
            }
        }

        return [.. numbers];
    }

    private static ClaimDate[] Dates(TextAnalysis analysis, Sentence sent)
    {
        var dates = new List<ClaimDate>();
        foreach (var d in analysis.Dates)
        {
            if (d.Start >= sent.Start && d.End <= sent.End && dates.Count < MaxSlotsPerClaim && d.Precision == DatePrecision.Day)
            {
                var words = analysis.Text[d.Start..d.End];
                dates.Add(d.Date is { } day ? new ClaimDate(words, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), true)
                    : new ClaimDate(words, Lower(words.AsSpan()), false));
            }
        }

        return [.. dates];
    }

    /// <summary>
    /// Who the sentence credits: "according to X", "X said", "the ministry said", "said X". A pronoun gives none:
    /// the reader does not guess who "he" is.
    /// </summary>
    private static (string?, string?) Attribution(TextAnalysis analysis, int first, int end, List<NameRun> names)
    {
        var text = analysis.Text;
        for (var t = first; t < end; t++)
        {
            var word = analysis.Tokens[t].In(text).ToString();
            if (!AttributionVerbs.Contains(word))
            {
                continue;
            }

            if (word.Equals("according", StringComparison.OrdinalIgnoreCase))
            {
                if (t + 1 >= end || !analysis.Tokens[t + 1].In(text).Equals("to", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (NameFrom(names, t + 2, 2) is { } named)
                {
                    return (named.Key, text[named.Start..named.End]);
                }

                return CommonNoun(analysis, t + 2, Math.Min(end, t + 5));
            }

            if (names.Find(n => n.FirstToken + n.TokenCount == t) is { } before)
            {
                return (before.Key, text[before.Start..before.End]);
            }

            if (t > first && Pronouns.Contains(analysis.Tokens[t - 1].In(text).ToString()))
            {
                return (null, null);
            }

            if (t > first && !analysis.Tokens[t - 1].Has(TokenFlags.StopWord) && HasLetter(analysis.Tokens[t - 1].In(text)))
            {
                // "police said", "the ministry said", "officials said".
                var noun = Lower(analysis.Tokens[t - 1].In(text));
                return (noun, noun);
            }

            if (!word.StartsWith("tol", StringComparison.OrdinalIgnoreCase) && NameFrom(names, t + 1, 1) is { } after)
            {
                return (after.Key, text[after.Start..after.End]);
            }

            return (null, null);
        }

        return (null, null);
    }

    private static NameRun? NameFrom(List<NameRun> names, int token, int within) =>
        names.Find(n => n.FirstToken >= token && n.FirstToken <= token + within - 1);

    private static (string?, string?) CommonNoun(TextAnalysis analysis, int from, int to)
    {
        // "according to the agency", "according to local officials": the last word before a break.
        string? noun = null;
        for (var t = from; t < to && t < analysis.Tokens.Length; t++)
        {
            var token = analysis.Tokens[t];
            if (t > from && analysis.Text.AsSpan(analysis.Tokens[t - 1].End, token.Start - analysis.Tokens[t - 1].End).IndexOfAny(",.;:") >= 0)
            {
                break;
            }

            if (!token.Has(TokenFlags.StopWord) && HasLetter(token.In(analysis.Text)))
            {
                noun = Lower(token.In(analysis.Text));
            }
        }

        return (noun, noun);
    }

    /// <summary>
    /// "Marlow accused Denholm", "Marlow has accused Denholm": a name, a verb, a name, with nothing between that
    /// makes it a list ("and"), a passive ("by") or another clause (a comma).
    /// </summary>
    private ClaimRoles? Roles(TextAnalysis analysis, int first, int end, List<NameRun> names)
    {
        var text = analysis.Text;
        foreach (var agent in names)
        {
            var t = agent.FirstToken + agent.TokenCount;
            if (agent.FirstToken > first && PlacePrepositions.Contains(analysis.Tokens[agent.FirstToken - 1].In(text).ToString()))
            {
                continue;
            }

            while (t < end && Auxiliaries.Contains(analysis.Tokens[t].In(text).ToString()))
            {
                t++;
            }

            if (t >= end || t == agent.FirstToken + agent.TokenCount + 3)
            {
                continue;
            }

            var verbToken = analysis.Tokens[t];
            var verbWord = Lower(verbToken.In(text));
            if (verbToken.Has(TokenFlags.Capitalised) || verbToken.Has(TokenFlags.StopWord) || !HasLetter(verbWord)
                || AttributionVerbs.Contains(verbWord) || text.AsSpan(agent.End, verbToken.Start - agent.End).IndexOfAny(",;:(\"\u201C") >= 0)
            {
                continue;
            }

            var verb = vocabulary.Of(verbWord).Lemmas[0];
            NameRun? patient = null;
            foreach (var other in names)
            {
                if (other.FirstToken <= t || other.FirstToken > t + 4)
                {
                    continue;
                }

                var between = text.AsSpan(verbToken.End, other.Start - verbToken.End);
                var broken = between.IndexOfAny(",;:(") >= 0;
                for (var k = t + 1; k < other.FirstToken && !broken; k++)
                {
                    broken = RoleBreakers.Contains(analysis.Tokens[k].In(text).ToString());
                }

                if (!broken)
                {
                    patient = other;
                }

                break;
            }

            return new ClaimRoles(agent.Key, verb, patient?.Key, text[agent.Start..agent.End], patient is null ? null : text[patient.Start..patient.End], verbWord);
        }

        return null;
    }

    internal static string Lower(ReadOnlySpan<char> word)
    {
        var lower = word.ToString().ToLowerInvariant().Replace('\u2019', '\'');
        return lower.EndsWith("'s", StringComparison.Ordinal) && lower.Length > 3 ? lower[..^2] : lower;
    }

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
