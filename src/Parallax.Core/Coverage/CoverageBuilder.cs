using Parallax.Core.Analysis;
using Parallax.Core.Language;
using Parallax.Core.Stories;

namespace Parallax.Core.Coverage;

/// <summary>One distinct report of a story as coverage reads it.</summary>
/// <param name="Article">Its article id.</param>
/// <param name="Analysis">The language layer's reading of its `text`; every span points into that text.</param>
/// <param name="Restored">For a spun report, the reading of its restored wording, which claims are compared in.</param>
public sealed record CoverageReport(string Article, TextAnalysis Analysis, TextAnalysis? Restored = null);

/// <summary>
/// The coverage stage: the distinct reports of one story in, a <see cref="StoryCoverage"/> out. Claims
/// (<see cref="ClaimReader"/>) are aligned across reports (<see cref="ClaimAligner"/>, deciding with
/// <see cref="ClaimMatcher"/>); quotes are grouped into statements with their speakers (<see cref="QuoteAligner"/>,
/// <see cref="SpeakerResolver"/>); term variants are read from the aligned statements (<see cref="TermFinder"/>).
/// Thread-safe, and it keeps nothing between stories but each report's claims (read once per report). The embedding
/// model is optional; with none, words decide alone. Time is bounded: at most <see cref="CoverageOptions.MaxReports"/>
/// reports, <see cref="ClaimReader.MaxClaimsPerReport"/> claims each, and <see cref="CoverageOptions.MaxEmbeddings"/>
/// model calls.
/// </summary>
public sealed class CoverageBuilder
{
    private readonly CoverageOptions options;
    private readonly ITextEmbedder? embedder;
    private readonly ClaimVocabulary vocabulary;
    private readonly ClaimReader reader;
    private readonly ClaimAligner aligner;
    private readonly QuoteAligner quotes;
    private readonly TermFinder terms;

    // The claims of each report, read once: a stored report (the ingest keeps its recent ones) is compared again at
    // every report its story gains, and reading its claims was a twentieth of an import's CPU. Claims are immutable;
    // an entry goes with its report.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<CoverageReport, List<Claim>> claimsOf = [];

    public CoverageBuilder(CoverageOptions? options = null, ITextEmbedder? embedder = null, ClaimVocabulary? vocabulary = null, TermVariantsTable? variants = null)
    {
        this.options = options ?? CoverageOptions.Default;
        var problems = this.options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        this.embedder = embedder;
        this.vocabulary = vocabulary ?? new ClaimVocabulary();
        Matcher = new ClaimMatcher(this.options, variants);
        reader = new ClaimReader(this.vocabulary);
        aligner = new ClaimAligner(Matcher);
        quotes = new QuoteAligner(this.vocabulary, Matcher);
        terms = new TermFinder(Matcher.Variants);
    }

    /// <summary>The decision that groups claims, shared with `parallax align`.</summary>
    public ClaimMatcher Matcher { get; }

    public ClaimReader Reader => reader;

    /// <summary>The one decision for two sentences on their own (`parallax align`): each is read as a claim of one sentence.</summary>
    public ClaimComparison Align(string a, string b, LanguageAnalyzer language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var ca = ReadSentence("a", a, language);
        var cb = ReadSentence("b", b, language);
        if (ca is null || cb is null)
        {
            return new ClaimComparison(0, false, null);
        }

        return Matcher.Compare(ca, cb, Embedding());
    }

    /// <summary>
    /// A text read as one claim: all its words, whatever its sentence split; null when it has no sentence. The reading
    /// of `parallax align` and of the ECB+ alignment benchmark.
    /// </summary>
    public Claim? ReadSentence(string id, string text, LanguageAnalyzer language)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var analysis = language.Analyze(null, oneLine);
        if (analysis.Sentences.Length == 0)
        {
            return null;
        }

        // A pair may be a sentence the splitter cuts in two ("Dr. Doe said..."): the claim is the whole text.
        var whole = analysis with
        {
            Sentences = [new Sentence(analysis.Sentences[0].Start, analysis.Sentences[^1].End, 0, 0, analysis.Tokens.Length)],
        };
        return reader.Read(id, whole, 0, whole.Sentences[0].Span);
    }

    /// <summary>Reports compared per story (<see cref="CoverageOptions.MaxReports"/>).</summary>
    public int MaxReports => options.MaxReports;

    /// <summary>Whether a report has a sentence to compare; one without is left out.</summary>
    public static bool IsComparable(CoverageReport report) => report.Analysis.Sentences.Length > 0;

    /// <summary>
    /// The comparison of a story's distinct reports, in story order: the first <see cref="MaxReports"/> comparable
    /// ones are compared, and every report after the last of those is left out as past the bound without being read
    /// (so a caller may stop reading there and name the rest with <see cref="LeaveOut"/>: the result is the same).
    /// </summary>
    public StoryCoverage Build(IReadOnlyList<CoverageReport> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var leftOut = new List<LeftOutReport>();
        var compared = new List<CoverageReport>();
        foreach (var report in reports)
        {
            if (compared.Count >= options.MaxReports)
            {
                leftOut.Add(PastBound(report.Article));
            }
            else if (!IsComparable(report))
            {
                leftOut.Add(new LeftOutReport(report.Article, "no sentence to compare"));
            }
            else
            {
                compared.Add(report);
            }
        }

        var ids = compared.ConvertAll(r => r.Article);
        if (compared.Count < 2)
        {
            // One report has nothing to compare with; skipping it also spares a run of single-report stories the
            // word data's load (about two seconds, once per process).
            return new StoryCoverage(ids, [], [], [], [], [], leftOut);
        }

        var claims = new List<Claim>();
        foreach (var report in compared)
        {
            cancellationToken.ThrowIfCancellationRequested();
            claims.AddRange(claimsOf.GetValue(report, r => r.Restored is { } restored
                ? reader.Read(r.Article, restored, r.Analysis)
                : reader.Read(r.Article, r.Analysis)));
        }

        var embed = Embedding();
        var speakers = new SpeakerResolver(compared.Select(r => r.Analysis));
        var renderings = new List<QuoteAligner.Rendering>();
        foreach (var report in compared)
        {
            renderings.AddRange(quotes.Read(report.Article, report.Analysis, speakers));
        }

        var statements = quotes.Align(renderings, embed);

        // A sentence whose quote another outlet also carries is shown with that quote, not again as a claim.
        var quotedElsewhere = statements.Where(q => q.Variants.Select(v => v.Article).Distinct().Count() > 1)
            .SelectMany(q => q.Variants).Select(v => (v.Article, v.Span[0])).ToHashSet();
        var quoteSentences = statements.Where(q => q.Variants.Select(v => v.Article).Distinct().Count() > 1)
            .Select(q => (IReadOnlyList<Claim>)q.Variants.Select(v => claims.Find(c => c.Article == v.Article && c.Span.Start == v.Span[0])).OfType<Claim>().ToList())
            .ToList();
        var alignment = aligner.Align(claims.Where(c => !quotedElsewhere.Contains((c.Article, c.Span.Start))).ToList(), embed, cancellationToken);
        var shared = new List<SharedClaim>();
        var alone = new HashSet<Claim>(ReferenceEqualityComparer.Instance);
        foreach (var group in alignment.Groups)
        {
            if (group.Count == 1)
            {
                alone.Add(group[0]);
                continue;
            }

            shared.Add(new SharedClaim(
                group[0].Text,
                group.Select(c => c.Article).ToList(),
                group.ToDictionary(c => c.Article, c => c.SpanArray, StringComparer.Ordinal),
                group.Select(c => new CoverageVariant(c.Article, c.Text, c.SpanArray)).ToList()));
        }

        var conflicts = MergeConflicts(alignment.Conflicts);
        var inConflict = alignment.Conflicts.SelectMany(c => new[] { c.A, c.B }).ToHashSet(ReferenceEqualityComparer.Instance);
        var exclusive = new List<ExclusiveClaims>();
        foreach (var id in ids)
        {
            // A sentence whose quote another outlet also carries is shown with that quote, not as exclusive.
            var own = claims.Where(c => c.Article == id && alone.Contains(c) && !inConflict.Contains(c) && !quotedElsewhere.Contains((id, c.Span.Start))).ToList();
            if (own.Count > 0)
            {
                exclusive.Add(new ExclusiveClaims(id, own.ConvertAll(c => c.Text), own.ConvertAll(c => c.SpanArray)));
            }
        }

        // The sentences of one quoted statement are aligned too: outlets name its place or people their own way.
        var aligned = alignment.Groups.Where(g => g.Count > 1).Concat(alignment.Conflicts.Select(c => (IReadOnlyList<Claim>)[c.A, c.B])).Concat(quoteSentences);
        return new StoryCoverage(ids, shared, exclusive, conflicts, statements, terms.Find(aligned, claims), leftOut);
    }

    /// <summary>
    /// A comparison that reached <see cref="MaxReports"/>, with reports that came after those it read: they are left
    /// out as past the bound and nothing else changes, so a story that keeps growing is not compared again.
    /// </summary>
    public StoryCoverage LeaveOut(StoryCoverage coverage, IEnumerable<string> later)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(later);
        var past = later.Select(PastBound).ToList();
        if (past.Count == 0)
        {
            return coverage;
        }

        if (coverage.Reports.Count < options.MaxReports)
        {
            throw new ArgumentException("Only a comparison that reached the bound on reports leaves later reports out.", nameof(coverage));
        }

        return coverage with { LeftOut = [.. coverage.LeftOut, .. past] };
    }

    private LeftOutReport PastBound(string article) => new(article, $"past the first {options.MaxReports} reports compared per story");

    /// <summary>Conflict pairs on one slot that share a sentence are one conflict, with one variant per article.</summary>
    private static List<CoverageConflict> MergeConflicts(IReadOnlyList<ConflictPair> pairs)
    {
        var merged = new List<(ClaimConflict Conflict, List<(Claim Claim, string Value)> Variants)>();
        foreach (var pair in pairs)
        {
            var home = merged.FindIndex(m => m.Conflict.Kind == pair.Conflict.Kind
                && m.Variants.Exists(v => ReferenceEquals(v.Claim, pair.A) || ReferenceEquals(v.Claim, pair.B)));
            if (home < 0)
            {
                // A sentence already shown against another on this slot is not repeated against a third's other sentence.
                if (merged.Exists(m => m.Conflict.Kind == pair.Conflict.Kind && m.Variants.Exists(v => v.Claim.Article == pair.A.Article)
                    && m.Variants.Exists(v => v.Claim.Article == pair.B.Article)))
                {
                    continue;
                }

                merged.Add((pair.Conflict, [(pair.A, pair.Conflict.ValueA), (pair.B, pair.Conflict.ValueB)]));
                continue;
            }

            var variants = merged[home].Variants;
            foreach (var (claim, value) in new[] { (pair.A, pair.Conflict.ValueA), (pair.B, pair.Conflict.ValueB) })
            {
                if (!variants.Exists(v => v.Claim.Article == claim.Article))
                {
                    variants.Add((claim, value));
                }
            }
        }

        return merged.ConvertAll(m => new CoverageConflict(m.Conflict.Topic, m.Conflict.Kind,
            m.Variants.ConvertAll(v => new CoverageVariant(v.Claim.Article, v.Claim.Text, v.Claim.SpanArray, v.Value))));
    }

    /// <summary>Embeddings of claims, each made once per call and at most <see cref="CoverageOptions.MaxEmbeddings"/> in all; null without a model.</summary>
    private Func<Claim, float[]?>? Embedding()
    {
        if (embedder is null || options.MaxEmbeddings == 0)
        {
            return null;
        }

        var made = new Dictionary<Claim, float[]?>(ReferenceEqualityComparer.Instance);
        return claim =>
        {
            if (made.TryGetValue(claim, out var vector))
            {
                return vector;
            }

            vector = made.Count < options.MaxEmbeddings ? embedder.Embed(string.Join(' ', claim.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))) : null;
            made[claim] = vector;
            return vector;
        };
    }
}
