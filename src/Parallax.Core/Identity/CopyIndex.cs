using System.Runtime.InteropServices;

namespace Parallax.Core.Identity;

/// <summary>
/// The growing duplicate index: one per run (analyze) or per store (serve). Not thread-safe; one writer.
/// </summary>
/// <remarks>
/// Per article it keeps up to three small MinHash sketches (words, skeleton, name/number sequence; 64 values each by
/// default), its LSH band keys and sampled anchors, and no text. A new article is compared only with the articles that share an exact hash, an LSH bucket or an anchor,
/// and every bucket holds at most <see cref="CopyIndexOptions.MaxBucketSize"/> articles, so the cost of an addition
/// does not grow with the number stored. Copies form groups around one root original; <see cref="LinkOf"/> resolves to it.
/// The index runs the steps of an addition; its parts hold the state: <see cref="StoredArticle"/> records,
/// <see cref="SketchStore"/> (sketches and anchors), <see cref="CopyBuckets"/> (where to look), <see cref="CopyJudge"/>
/// (copy or not, and which is the original) and <see cref="CopyGroups"/> (who is a copy of whom).
/// </remarks>
public sealed class CopyIndex : ICopyIndex
{
    private readonly CopyIndexOptions options;
    private readonly Fingerprinter fingerprinter;
    private readonly Fingerprint scratch;
    private readonly Dictionary<string, int> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, int> byExactHash = [];
    private readonly ChunkedList<StoredArticle> articles = new();
    private readonly SketchStore sketches;
    private readonly CopyBuckets buckets;
    private readonly CopyJudge judge;
    private readonly CopyGroups groups;
    private readonly List<int> candidates = [];

    // Publisher names repeat across thousands of articles: keep one string per name, not one per article.
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    public CopyIndex(CopyIndexOptions? options = null)
    {
        this.options = options ?? CopyIndexOptions.Default;
        this.options.Validate();
        fingerprinter = new Fingerprinter(this.options);
        scratch = fingerprinter.NewScratch();
        sketches = new SketchStore(this.options);
        buckets = new CopyBuckets(this.options);
        judge = new CopyJudge(this.options, sketches);
        groups = new CopyGroups(articles);
    }

    /// <summary>How many articles were added.</summary>
    public int Count => articles.Count;

    /// <summary>
    /// Adds an article in arrival order; returns the links that were created or changed by it (the newcomer is a copy
    /// of an earlier article, or an earlier article turns out to be a copy of the fuller newcomer).
    /// </summary>
    /// <exception cref="ArgumentException">An article with the same id was added before.</exception>
    public IReadOnlyList<CopyLink> Add(CopyCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (byId.ContainsKey(candidate.Id))
        {
            throw new ArgumentException($"An article with id '{candidate.Id}' is already in the copy index.", nameof(candidate));
        }

        var fp = scratch;
        var text = candidate.Text ?? "";
        fingerprinter.ComputeExact(candidate.Title ?? "", text, fp);
        var self = articles.Count;

        // Exact duplicates: linked to the first copy's group and not fingerprinted or indexed further, so 5,000 copies
        // cost one small record each. Same words, same credit line: the twin's credit is the duplicate's.
        if (fp.ExactHash != 0 && byExactHash.TryGetValue(fp.ExactHash, out var twin))
        {
            ref var first = ref articles[twin];
            articles.Add(NewArticle(candidate, self, first.Credit));
            byId.Add(candidate.Id, self);
            var root = first.Root;
            var kind = root == twin ? CopyKind.Duplicate : first.Kind;
            groups.Join(self, root, kind, root == twin ? 1 : first.Similarity);
            return [groups.LinkOf(self)!];
        }

        fingerprinter.ComputeSketches(text, candidate.RestoredText, fp);
        var article = NewArticle(candidate, self, PublisherCredit.Find(text, candidate.Title));
        article.Shingles = fp.Shingles;
        article.SkeletonShingles = fp.SkeletonShingles;
        article.SequenceAnchors = buckets.UsesSequence(fp) ? fp.SequenceAnchors : 0;
        article.Anchors = (short)Math.Min(fp.Anchors.Count, options.MaxAnchors);
        article.AnchorsTruncated = fp.AnchorsTruncated || fp.Anchors.Count > options.MaxAnchors;

        var best = FindBest(fp, article.Spun, out var bestRelation);
        sketches.Store(ref article, fp);
        articles.Add(article);
        byId.Add(article.Id, self);
        if (fp.ExactHash != 0)
        {
            byExactHash.Add(fp.ExactHash, self);
        }

        buckets.File(self, fp);
        if (best < 0)
        {
            return [];
        }

        var rootIndex = articles[best].Root;
        var relation = bestRelation;
        if (rootIndex != best)
        {
            // Judge against the group's root too (it may be fuller than the member we matched), falling back on the
            // member's relation when the root itself drifted too far to compare.
            var toRoot = judge.Relate(fp, articles[rootIndex], articles[self].Spun);
            if (toRoot.Kind is not null)
            {
                relation = toRoot;
            }
        }

        if (judge.TakesOver(articles[self], articles[rootIndex], relation))
        {
            return groups.Reroot(rootIndex, self, relation);
        }

        groups.Join(self, rootIndex, relation.Kind!.Value, relation.Similarity);
        return [groups.LinkOf(self)!];
    }

    private StoredArticle NewArticle(CopyCandidate candidate, int self, string? credit) => new()
    {
        Id = candidate.Id,
        Source = Intern(candidate.Source),
        Credit = Intern(credit),
        Published = candidate.Published?.UtcTicks ?? StoredArticle.NoDate,
        WordSketch = -1,
        SkeletonSketch = -1,
        SequenceSketch = -1,
        AnchorStart = -1,
        Root = self,
        NextMember = self,
        Kind = CopyKind.Duplicate,
        Similarity = 1,
        Spun = candidate.RestoredText is not null,
    };

    private string? Intern(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(names, name, out var exists);
        if (!exists)
        {
            kept = name;
        }

        return kept;
    }

    /// <summary>The current link of an article, resolved to the root original; null when it is no copy or unknown.</summary>
    public CopyLink? LinkOf(string id) => byId.TryGetValue(id, out var index) ? groups.LinkOf(index) : null;

    /// <summary>
    /// The publisher of an article as far as the index knows: for a copy, its original's publisher; for an original,
    /// the publisher its text credits ("first published by ...") or else its own source.
    /// </summary>
    public string? PublisherOf(string id)
    {
        if (!byId.TryGetValue(id, out var index))
        {
            return null;
        }

        var article = articles[index];
        return article.Root == index ? article.Credit ?? article.Source : groups.LinkOf(index)!.OriginalPublisher;
    }

    /// <summary>
    /// Compares two articles directly, for diagnostics and tests: estimated Jaccard similarity of their word shingles,
    /// of their skeletons and of their name/number sequences (-1 when either text has too few), and the containment of
    /// each in the other.
    /// </summary>
    public static CopySimilarity Compare(CopyCandidate a, CopyCandidate b, CopyIndexOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= CopyIndexOptions.Default;
        var fingerprinter = new Fingerprinter(options);
        var fa = fingerprinter.NewScratch();
        var fb = fingerprinter.NewScratch();
        fingerprinter.Compute(a.Title ?? "", a.Text ?? "", a.RestoredText, fa);
        fingerprinter.Compute(b.Title ?? "", b.Text ?? "", b.RestoredText, fb);
        var words = fa.Shingles > 0 && fb.Shingles > 0 ? MinHash.Similarity(fa.WordSketch, fb.WordSketch) : -1;
        var skeleton = fa.SkeletonShingles > 0 && fb.SkeletonShingles > 0 ? MinHash.Similarity(fa.SkeletonSketch, fb.SkeletonSketch) : -1;
        var overlap = AnchorOverlap.Of(
            CollectionsMarshal.AsSpan(fa.Anchors), fa.AnchorsTruncated, CollectionsMarshal.AsSpan(fb.Anchors), fb.AnchorsTruncated);
        var sequence = fa.SequenceAnchors > 0 && fb.SequenceAnchors > 0 ? MinHash.Similarity(fa.SequenceSketch, fb.SequenceSketch) : -1;
        return new CopySimilarity(
            fa.ExactHash != 0 && fa.ExactHash == fb.ExactHash, words, skeleton, overlap.AInB, overlap.BInA, overlap.Shared, sequence);
    }

    /// <summary>The stored article the newcomer relates to best (-1 when none), among those that share a bucket with it.</summary>
    private int FindBest(Fingerprint fp, bool newcomerSpun, out CopyRelation bestRelation)
    {
        candidates.Clear();
        buckets.Collect(fp, candidates);
        candidates.Sort();
        var best = -1;
        bestRelation = default;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i > 0 && candidates[i] == candidates[i - 1])
            {
                continue;
            }

            var relation = judge.Relate(fp, articles[candidates[i]], newcomerSpun);
            if (relation.Kind is not null && (best < 0 || relation.Score > bestRelation.Score))
            {
                best = candidates[i];
                bestRelation = relation;
            }
        }

        return best;
    }
}
