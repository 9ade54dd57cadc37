namespace Parallax.Core.Analysis;

/// <summary>
/// What the distinct reports of one story say, side by side (GUIDE section 3, `stories[].coverage`): what they share,
/// what only one carries, where they conflict, each quoted statement as every outlet rendered it, and the different
/// words outlets use for one thing. Every line carries its article id and the [start, end) character span of its
/// sentence in that article's `text`.
/// </summary>
/// <param name="Reports">The distinct reports compared (copies add nothing new), in story order.</param>
/// <param name="LeftOut">Reports of the story not compared: past the size bound, or with no sentence to read, each with its reason.</param>
public sealed record StoryCoverage(
    IReadOnlyList<string> Reports,
    IReadOnlyList<SharedClaim> Shared,
    IReadOnlyList<ExclusiveClaims> Exclusive,
    IReadOnlyList<CoverageConflict> Conflicts,
    IReadOnlyList<QuotedStatement> Quotes,
    IReadOnlyList<TermVariants> Terms,
    IReadOnlyList<LeftOutReport> LeftOut)
{
    public static StoryCoverage Empty { get; } = new([], [], [], [], [], [], []);
}

/// <summary>One article's sentence (or its words) in a coverage line.</summary>
/// <param name="Span">[start, end) of the sentence in the article's `text`.</param>
/// <param name="Value">The slot value that differs (a conflict), or the quoted words' speaker as written (a quote); else null.</param>
public sealed record CoverageVariant(string Article, string Text, int[] Span, string? Value = null);

/// <summary>A statement that two or more reports carry, in other words or the same; one sentence per article.</summary>
/// <param name="Claim">The wording of the first report that carries it.</param>
/// <param name="Spans">Per article, the span of its sentence.</param>
/// <param name="Variants">Each article's own wording with its span.</param>
public sealed record SharedClaim(string Claim, IReadOnlyList<string> Articles, IReadOnlyDictionary<string, int[]> Spans, IReadOnlyList<CoverageVariant> Variants);

/// <summary>What only one report carries: its claims, each with the span of its sentence (spans[i] is the span of claims[i]).</summary>
public sealed record ExclusiveClaims(string Article, IReadOnlyList<string> Claims, IReadOnlyList<int[]> Spans);

/// <summary>
/// The same slot of one statement with different values: a number, a date, a place, who did what, who is the source,
/// or one report denying what another states.
/// </summary>
/// <param name="Topic">What differs, for a person ("number of people", "date", "who is the source").</param>
/// <param name="Kind">number, date, place, agent, roles, source or negation.</param>
public sealed record CoverageConflict(string Topic, string Kind, IReadOnlyList<CoverageVariant> Variants);

/// <summary>
/// One statement as each outlet quoted it. <paramref name="Speaker"/> is the name the story uses for who said it, or
/// null when the reports do not make that clear (a pronoun, an unnamed source, a title that fits no one or several).
/// </summary>
/// <param name="Variants">Each rendering: the quoted words as `text`, the quote's sentence as `span`, the speaker as that outlet wrote it as `value`.</param>
public sealed record QuotedStatement(string? Speaker, IReadOnlyList<CoverageVariant> Variants);

/// <summary>One referent named differently by different outlets (a spelling, a transliteration, a title, a label).</summary>
/// <param name="Kind">name (a spelling or transliteration) or label (a title or a loaded word for the same thing).</param>
public sealed record TermVariants(string Kind, IReadOnlyList<CoverageVariant> Variants);

/// <summary>A report of the story that coverage did not compare, and why.</summary>
public sealed record LeftOutReport(string Article, string Reason);
