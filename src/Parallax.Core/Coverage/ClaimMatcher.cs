using Parallax.Core.Language;

namespace Parallax.Core.Coverage;

/// <summary>A slot two near-identical claims fill differently.</summary>
/// <param name="Kind">negation, roles, agent, number, date, place or source.</param>
/// <param name="Topic">What differs, for a person ("number of people", "who accused whom").</param>
public sealed record ClaimConflict(string Kind, string Topic, string ValueA, string ValueB);

/// <summary>How two claims compare: their similarity, whether they are one claim, and the slot they conflict on when they nearly are.</summary>
public sealed record ClaimComparison(double Similarity, bool SameClaim, ClaimConflict? Conflict);

/// <summary>
/// The one decision that groups two claims into a shared claim, also behind `parallax align`. Words first: a
/// weighted overlap of content words, where a WordNet synonym counts most of a match (so "aim" meets "goal"); the
/// sentence-embedding model, when there is one, settles only the pairs the words leave in doubt. A similarity alone
/// cannot tell a changed number, a negation or swapped roles ("A accused B" and "B accused A" share every word), so
/// every pair that passes is checked slot by slot, and a difference turns it into a conflict instead.
/// </summary>
public sealed class ClaimMatcher
{
    /// <summary>How much a synonym counts, against 1 for the same lemma.</summary>
    public const double SynonymCredit = 0.8;

    private readonly CoverageOptions options;
    private readonly TermVariantsTable variants;

    public ClaimMatcher(CoverageOptions? options = null, TermVariantsTable? variants = null)
    {
        this.options = options ?? CoverageOptions.Default;
        this.variants = variants ?? TermVariantsTable.Default;
    }

    public CoverageOptions Options => options;

    public TermVariantsTable Variants => variants;

    /// <summary>
    /// The weighted share of each claim's content that the other carries (a soft Dice coefficient): each word counts
    /// its weight times its best match in the other claim (1 the same lemma, <see cref="SynonymCredit"/> a synonym).
    /// </summary>
    public static double Lexical(Claim a, Claim b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Mass <= 0 || b.Mass <= 0)
        {
            return 0;
        }

        return (Covered(a.Terms, b) + Covered(b.Terms, a)) / (a.Mass + b.Mass);
    }

    /// <summary>The weight of <paramref name="from"/> that <paramref name="by"/> carries: 1 a lemma in common, <see cref="SynonymCredit"/> a synonym.</summary>
    private static double Covered(ClaimTerm[] from, Claim by)
    {
        double sum = 0;
        foreach (var t in from)
        {
            if (Array.Exists(t.Lemmas, by.LemmaSet.Contains))
            {
                sum += t.Weight;
            }
            else if (Array.Exists(t.Synsets, by.SynsetSet.Contains))
            {
                sum += SynonymCredit * t.Weight;
            }
        }

        return sum;
    }

    /// <summary>
    /// <see cref="Lexical"/> where, beyond lemmas and synonyms, two words whose GloVe vectors are close count their
    /// cosine (from <see cref="VectorFloor"/>): "aim" meets "goal", "rebuild" meets "restore". Used for quotes, where
    /// two outlets' translations of one sentence share few words; too slow for every pair of a story's claims.
    /// </summary>
    public static double SoftLexical(Claim a, Claim b, ClaimVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (a.Mass <= 0 || b.Mass <= 0)
        {
            return 0;
        }

        return (Covered(a.Terms, b.Terms, vocabulary) + Covered(b.Terms, a.Terms, vocabulary)) / (a.Mass + b.Mass);
    }

    /// <summary>The word-vector cosine from which two words count as near in meaning.</summary>
    public const double VectorFloor = 0.5;

    private static double Covered(ClaimTerm[] from, ClaimTerm[] by, ClaimVocabulary? vocabulary = null)
    {
        double sum = 0;
        foreach (var t in from)
        {
            double best = 0;
            foreach (var u in by)
            {
                if (t.SameWord(u))
                {
                    best = 1;
                    break;
                }

                if (best < SynonymCredit && t.Synonym(u))
                {
                    best = SynonymCredit;
                }
                else if (vocabulary is not null && best < SynonymCredit && vocabulary.VectorCosine(t, u) is var cosine && cosine >= VectorFloor)
                {
                    best = Math.Max(best, Math.Min(SynonymCredit, cosine));
                }
            }

            sum += best * t.Weight;
        }

        return sum;
    }

    /// <summary>
    /// The similarity the decision uses: the words' own, or, in the band where words are unsure and an embedding
    /// is given for both, the mean of the words' score and the model's rescaled cosine.
    /// </summary>
    public double Similarity(Claim a, Claim b, Func<Claim, float[]?>? embed = null) => Similarity(a, b, Lexical(a, b), embed);

    /// <summary>As <see cref="Similarity(Claim, Claim, Func{Claim, float[]}?)"/>, with the words' similarity already known.</summary>
    public double Similarity(Claim a, Claim b, double lexical, Func<Claim, float[]?>? embed)
    {
        if (embed is null || lexical < options.AmbiguousLow || lexical >= options.AmbiguousHigh)
        {
            return lexical;
        }

        var va = embed(a);
        var vb = embed(b);
        if (va is null || vb is null)
        {
            return lexical;
        }

        var cosine = Stories.EmbeddingPassage.Cosine(va, vb);
        var scaled = Math.Clamp((cosine - options.CosineFloor) / (options.CosineCeiling - options.CosineFloor), 0, 1);
        return Math.Max(lexical, (lexical + scaled) / 2);
    }

    /// <summary>The decision for one pair: same claim, a conflict (similar enough, a slot differs), or neither.</summary>
    public ClaimComparison Compare(Claim a, Claim b, Func<Claim, float[]?>? embed = null) => Compare(a, b, Lexical(a, b), embed);

    /// <summary>As <see cref="Compare(Claim, Claim, Func{Claim, float[]}?)"/>, with the words' similarity already known (the aligner computes it for many pairs at once).</summary>
    public ClaimComparison Compare(Claim a, Claim b, double lexical, Func<Claim, float[]?>? embed)
    {
        var similarity = Similarity(a, b, lexical, embed);
        if (similarity < options.ConflictThreshold)
        {
            return new ClaimComparison(similarity, false, null);
        }

        var conflict = Conflict(a, b);
        if (conflict is { Kind: "negation" or "source" or "agent" } && similarity < options.StrongConflictThreshold)
        {
            // A denial, another source or another actor is read from one word or one name: below a high similarity
            // the two sentences are more likely two statements than one statement told two ways.
            return new ClaimComparison(similarity, false, null);
        }

        return new ClaimComparison(similarity, conflict is null && similarity >= options.SameClaimThreshold, conflict);
    }

    /// <summary>The first slot the two claims fill differently, checked from the plainest contradiction to the softest.</summary>
    public ClaimConflict? Conflict(Claim a, Claim b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Negated != b.Negated && SamePredicate(a.Negated ? a : b, a.Negated ? b : a))
        {
            return new ClaimConflict("negation", "whether it happened", a.Negated ? "denies" : "states", b.Negated ? "denies" : "states");
        }

        return Roles(a, b) ?? Numbers(a, b) ?? Dates(a, b) ?? Places(a, b) ?? Sources(a, b);
    }

    /// <summary>
    /// Whether the plain claim states what the negated one denies ("The bridge was not closed" against "The bridge was
    /// closed on Monday"); a denial of something the other report does not state is another statement, not a conflict.
    /// </summary>
    private static bool SamePredicate(Claim negated, Claim plain) => Array.Exists(negated.NegatedPredicate, plain.LemmaSet.Contains);

    private ClaimConflict? Roles(Claim a, Claim b)
    {
        if (a.Roles is not { } x || b.Roles is not { } y || x.Verb != y.Verb)
        {
            return null;
        }

        if (x.Patient is { } xp && y.Patient is { } yp && variants.SameReferent(x.Agent, yp) && variants.SameReferent(xp, y.Agent)
            && !variants.SameReferent(x.Agent, y.Agent))
        {
            return new ClaimConflict("roles", $"who {x.VerbText} whom", $"{x.AgentText} → {x.PatientText}", $"{y.AgentText} → {y.PatientText}");
        }

        if (!variants.SameReferent(x.Agent, y.Agent) && !Mentions(b, x.Agent) && !Mentions(a, y.Agent))
        {
            return new ClaimConflict("agent", $"who {x.VerbText}", x.AgentText, y.AgentText);
        }

        return null;
    }

    private static ClaimConflict? Numbers(Claim a, Claim b)
    {
        foreach (var n in a.Numbers)
        {
            if (n.Kind == NumberKind.Cardinal || n.Kind == NumberKind.Ordinal)
            {
                continue;
            }

            ClaimNumber? comparable = null;
            var same = false;
            foreach (var m in b.Numbers)
            {
                if (m.Kind == n.Kind && m.Unit == n.Unit)
                {
                    comparable ??= m;
                    same |= SameValue(n.Value, m.Value);
                }
            }

            if (comparable is not null && !same && !a.Numbers.Any(o => o != n && o.Unit == n.Unit && SameValue(o.Value, comparable.Value)))
            {
                return new ClaimConflict("number", Topic(n), n.Text, comparable.Text);
            }
        }

        // "12 snow leopards" and "14 snow leopards": one bare count each, not a year, that the number finder gave no unit.
        var ca = a.Numbers.Where(IsBareCount).ToList();
        var cb = b.Numbers.Where(IsBareCount).ToList();
        if (ca.Count == 1 && cb.Count == 1 && !SameValue(ca[0].Value, cb[0].Value) && a.Numbers.Length == 1 && b.Numbers.Length == 1)
        {
            return new ClaimConflict("number", "number", ca[0].Text, cb[0].Text);
        }

        // "300 residents" and "250 people": one count each, of nouns the two wordings name differently.
        var qa = a.Numbers.Where(n => n.Kind == NumberKind.Quantity && !IsMeasure(n.Unit)).ToList();
        var qb = b.Numbers.Where(n => n.Kind == NumberKind.Quantity && !IsMeasure(n.Unit)).ToList();
        if (qa.Count == 1 && qb.Count == 1 && qa[0].Unit != qb[0].Unit && !SameValue(qa[0].Value, qb[0].Value)
            && (IsPeople(qa[0].Unit) || IsPeople(qb[0].Unit)) && !IsTime(qa[0].Unit) && !IsTime(qb[0].Unit))
        {
            return new ClaimConflict("number", Topic(qa[0]), qa[0].Text, qb[0].Text);
        }

        return null;
    }

    private static bool IsBareCount(ClaimNumber n) => n.Kind == NumberKind.Cardinal && n.Unit is null && !(n.Value is >= 1000 and <= 2100 && n.Value == Math.Floor(n.Value));

    /// <summary>A count of people, which outlets name in many ways ("300 people", "250 residents").</summary>
    private static bool IsPeople(string? unit) => unit is "people" or "persons" or "individuals" or "residents" or "inhabitants" or "villagers" or "civilians";

    private static bool IsTime(string? unit) => unit is not null && (unit.StartsWith("second", StringComparison.Ordinal) || unit.StartsWith("minute", StringComparison.Ordinal)
        || unit.StartsWith("hour", StringComparison.Ordinal) || unit.StartsWith("day", StringComparison.Ordinal) || unit.StartsWith("week", StringComparison.Ordinal)
        || unit.StartsWith("month", StringComparison.Ordinal) || unit.StartsWith("year", StringComparison.Ordinal));

    /// <summary>Counted nouns come as written ("people"); measures are the normalised short units.</summary>
    private static bool IsMeasure(string? unit) => unit is null || unit.Length <= 3 || unit is "mile" or "miles" || IsTime(unit);

    private static string Topic(ClaimNumber n) => n.Kind switch
    {
        NumberKind.Percent => "share",
        NumberKind.Money => n.Unit is null ? "amount" : $"amount in {n.Unit}s",
        _ => n.Unit is null ? "number" : IsMeasure(n.Unit) ? $"measure ({n.Unit})" : $"number of {n.Unit}",
    };

    private static bool SameValue(double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));

    private static ClaimConflict? Dates(Claim a, Claim b)
    {
        if (a.Dates.Length == 0 || b.Dates.Length == 0)
        {
            return null;
        }

        var resolved = a.Dates.All(d => d.Resolved) && b.Dates.All(d => d.Resolved);
        var unresolved = !a.Dates.Any(d => d.Resolved) && !b.Dates.Any(d => d.Resolved);
        if (!(resolved || unresolved) || a.Dates.Any(d => b.Dates.Any(e => e.Key == d.Key)))
        {
            return null;
        }

        return new ClaimConflict("date", "date", a.Dates[0].Text, b.Dates[0].Text);
    }

    private ClaimConflict? Places(Claim a, Claim b)
    {
        if (a.Places.Length == 0 || b.Places.Length == 0 || a.Places.Any(p => Mentions(b, p)) || b.Places.Any(p => Mentions(a, p)))
        {
            return null;
        }

        return new ClaimConflict("place", "place", NameText(a, a.Places[0]), NameText(b, b.Places[0]));
    }

    private ClaimConflict? Sources(Claim a, Claim b)
    {
        if (a.Source is not { } x || b.Source is not { } y || variants.SameReferent(x, y) || Mentions(b, x) || Mentions(a, y))
        {
            return null;
        }

        return new ClaimConflict("source", "who is the source", a.SourceText ?? x, b.SourceText ?? y);
    }

    /// <summary>Whether a claim names this referent anywhere (a short form or another spelling counts).</summary>
    private bool Mentions(Claim claim, string key)
    {
        foreach (var name in claim.Names)
        {
            if (variants.SameReferent(name, key))
            {
                return true;
            }
        }

        return false;
    }

    private static string NameText(Claim claim, string key)
    {
        var i = Array.IndexOf(claim.Names, key);
        return i >= 0 && i < claim.NameTexts.Length ? claim.NameTexts[i] : key;
    }
}
