using System.IO.Hashing;
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
/// </remarks>
public sealed class CopyIndex : ICopyIndex
{
    private const long NoDate = long.MinValue;

    // A spun copy still shares some wording with its original (names, numbers, unswapped phrases): two texts that share
    // none are not copies however alike their function words (short captions, headlines of one pattern).
    private const double MinSpunWords = 0.05;

    private readonly CopyIndexOptions options;
    private readonly Fingerprinter fingerprinter;
    private readonly Fingerprint scratch;
    private readonly Dictionary<string, int> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, int> byExactHash = [];
    private readonly ChunkedList<Doc> docs = new();
    private readonly ChunkedList<ushort> wordSketches;
    private readonly ChunkedList<ushort> skeletonSketches;
    private readonly BucketIndex[] wordBands;
    private readonly BucketIndex[] skeletonBands;
    private readonly BucketIndex[] sequenceBands;
    private readonly ChunkedList<ushort> sequenceSketches;
    private readonly BucketIndex anchors;
    private readonly List<int> candidates = [];
    private readonly List<int> anchorHits = [];
    private readonly ChunkedList<uint> storedAnchors = new(1 << 14);

    // Publisher names repeat across thousands of articles: keep one string per name, not one per article.
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    public CopyIndex(CopyIndexOptions? options = null)
    {
        this.options = options ?? CopyIndexOptions.Default;
        this.options.Validate();
        fingerprinter = new Fingerprinter(this.options);
        scratch = fingerprinter.NewScratch();
        wordSketches = new ChunkedList<ushort>(this.options.SketchSize * 256);
        skeletonSketches = new ChunkedList<ushort>(this.options.SkeletonSketchSize * 256);
        wordBands = NewBands(this.options.Bands, this.options.MaxBucketSize);
        skeletonBands = NewBands(this.options.SkeletonBands, this.options.MaxBucketSize);
        sequenceSketches = new ChunkedList<ushort>(this.options.SequenceSketchSize * 256);
        sequenceBands = NewBands(this.options.SequenceBands, this.options.MaxBucketSize);
        anchors = new BucketIndex(this.options.MaxBucketSize);
    }

    /// <summary>How many articles were added.</summary>
    public int Count => docs.Count;

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
        var self = docs.Count;

        // Exact duplicates: linked to the first copy's group and not fingerprinted or indexed further, so 5,000 copies
        // cost one small record each. Same words, same credit line: the twin's credit is the duplicate's.
        if (fp.ExactHash != 0 && byExactHash.TryGetValue(fp.ExactHash, out var twin))
        {
            ref var first = ref docs[twin];
            docs.Add(NewDoc(candidate, self, first.Credit));
            byId.Add(candidate.Id, self);
            var root = first.Root;
            var kind = root == twin ? CopyKind.Duplicate : first.Kind;
            Join(self, root, kind, root == twin ? 1 : first.Similarity);
            return [LinkOf(self)!];
        }

        fingerprinter.ComputeSketches(text, candidate.RestoredText, fp);
        var doc = NewDoc(candidate, self, PublisherCredit.Find(text, candidate.Title));
        doc.Shingles = fp.Shingles;
        doc.SkeletonShingles = fp.SkeletonShingles;
        doc.SequenceAnchors = UseSequence(fp) ? fp.SequenceAnchors : 0;
        doc.Anchors = (short)Math.Min(fp.Anchors.Count, options.MaxAnchors);
        doc.AnchorsTruncated = fp.AnchorsTruncated || fp.Anchors.Count > options.MaxAnchors;

        var best = FindBest(fp, doc, out var bestRelation);
        Store(ref doc, fp);
        docs.Add(doc);
        byId.Add(doc.Id, self);
        if (fp.ExactHash != 0)
        {
            byExactHash.Add(fp.ExactHash, self);
        }

        Index(self, fp);
        if (best < 0)
        {
            return [];
        }

        var rootIndex = docs[best].Root;
        var relation = bestRelation;
        if (rootIndex != best)
        {
            // Judge against the group's root too (it may be fuller than the member we matched), falling back on the
            // member's relation when the root itself drifted too far to compare.
            var toRoot = Relate(fp, rootIndex, docs[self]);
            if (toRoot.Kind is not null)
            {
                relation = toRoot;
            }
        }

        if (TakesOver(self, rootIndex, relation))
        {
            return Reroot(rootIndex, self, relation);
        }

        Join(self, rootIndex, relation.Kind!.Value, relation.Similarity);
        return [LinkOf(self)!];
    }

    private Doc NewDoc(CopyCandidate candidate, int self, string? credit) => new()
    {
        Id = candidate.Id,
        Source = Intern(candidate.Source),
        Credit = Intern(credit),
        Published = candidate.Published?.UtcTicks ?? NoDate,
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
    public CopyLink? LinkOf(string id) => byId.TryGetValue(id, out var index) ? LinkOf(index) : null;

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

        var doc = docs[index];
        return doc.Root == index ? doc.Credit ?? doc.Source : LinkOf(index)!.OriginalPublisher;
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

    private CopyLink? LinkOf(int index)
    {
        var doc = docs[index];
        if (doc.Root == index)
        {
            return null;
        }

        // The original's own credit names the first publisher; then the copy's credit line, unless the copy is spun
        // (spinners rewrite names too: "Ledger" becomes "Record"), where the original's source is surer.
        var root = docs[doc.Root];
        var spun = doc.Kind == CopyKind.SpunCopy || doc.Spun;
        var publisher = root.Credit ?? (spun ? root.Source ?? doc.Credit : doc.Credit ?? root.Source);
        return new CopyLink(doc.Id, root.Id, doc.Kind, Math.Round(doc.Similarity, 3), publisher);
    }

    private int FindBest(Fingerprint fp, Doc doc, out Relation bestRelation)
    {
        candidates.Clear();
        if (fp.Shingles > 0)
        {
            BandKeys(fp.WordSketch, options.RowsPerBand, wordBands, lookup: true);
        }

        if (fp.SkeletonShingles > 0)
        {
            BandKeys(fp.SkeletonSketch, options.SkeletonRowsPerBand, skeletonBands, lookup: true);
        }

        if (UseSequence(fp))
        {
            BandKeys(fp.SequenceSketch, options.SequenceRowsPerBand, sequenceBands, lookup: true);
        }

        if (options.IndexPassages)
        {
            // An article sharing a single anchor shares one phrase, not a text: only two or more hits make a candidate
            // (a containment needs MinSharedAnchors shared anchors, about half of them indexed).
            anchorHits.Clear();
            foreach (var anchor in fp.Anchors)
            {
                if (Indexed(anchor))
                {
                    anchors.Collect(anchor, anchorHits);
                }
            }

            anchorHits.Sort();
            for (var i = 1; i < anchorHits.Count; i++)
            {
                if (anchorHits[i] == anchorHits[i - 1] && (i == 1 || anchorHits[i - 2] != anchorHits[i]))
                {
                    candidates.Add(anchorHits[i]);
                }
            }
        }

        candidates.Sort();
        var best = -1;
        bestRelation = default;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (i > 0 && candidates[i] == candidates[i - 1])
            {
                continue;
            }

            var relation = Relate(fp, candidates[i], doc);
            if (relation.Kind is not null && (best < 0 || relation.Score > bestRelation.Score))
            {
                best = candidates[i];
                bestRelation = relation;
            }
        }

        return best;
    }

    /// <summary>How the newcomer (fingerprints <paramref name="fp"/>) relates to a stored article, if at all.</summary>
    private Relation Relate(Fingerprint fp, int other, Doc newcomer)
    {
        var stored = docs[other];
        var words = fp.Shingles > 0 && stored.WordSketch >= 0
            ? MinHash.Similarity(fp.WordSketch, wordSketches.Block(stored.WordSketch, options.SketchSize))
            : 0;

        // Containment from anchors when both texts have enough of them to judge, else from the sketches.
        double newInStored;
        double storedInNew;
        if (fp.Anchors.Count >= options.MinSharedAnchors && stored.Anchors >= options.MinSharedAnchors)
        {
            var overlap = AnchorOverlap.Of(
                CollectionsMarshal.AsSpan(fp.Anchors), fp.AnchorsTruncated,
                storedAnchors.Block(stored.AnchorStart, stored.Anchors), stored.AnchorsTruncated);
            var enough = overlap.Shared >= options.MinSharedAnchors;
            newInStored = enough ? overlap.AInB : 0;
            storedInNew = enough ? overlap.BInA : 0;
        }
        else
        {
            newInStored = MinHash.Containment(words, fp.Shingles, stored.Shingles);
            storedInNew = MinHash.Containment(words, stored.Shingles, fp.Shingles);
        }

        // One text inside the other (the smaller is a republication) unless each is most of the other (near duplicates).
        var spun = newcomer.Spun || stored.Spun;
        var containment = Math.Max(newInStored, storedInNew);
        var mutual = Math.Min(newInStored, storedInNew) >= options.FullerMinShare;
        if (words >= options.NearDuplicateThreshold && (mutual || containment < options.ContainmentThreshold))
        {
            return new Relation(spun ? CopyKind.SpunCopy : CopyKind.NearDuplicate, words, 2 + words, newInStored, storedInNew, words);
        }

        if (containment >= options.ContainmentThreshold && Math.Min(fp.Shingles, stored.Shingles) > 0)
        {
            return new Relation(CopyKind.Republication, containment, 1 + Math.Max(containment, words), newInStored, storedInNew, words);
        }

        // A spun copy: the skeleton agrees and enough wording survives (names, numbers, unswapped words) that the two
        // together clear the bar; different articles about one event stay far below both (see SpinThreshold).
        if (fp.SkeletonShingles > 0 && stored.SkeletonSketch >= 0)
        {
            var skeleton = MinHash.Similarity(fp.SkeletonSketch, skeletonSketches.Block(stored.SkeletonSketch, options.SkeletonSketchSize));
            var lengths = (double)Math.Min(fp.Shingles, stored.Shingles) / Math.Max(1, Math.Max(fp.Shingles, stored.Shingles));
            if (skeleton >= options.SpinThreshold && words >= MinSpunWords && skeleton + words >= options.SpinCombinedThreshold
                && lengths >= options.SpinMinLengthRatio && skeleton - words >= options.SpinMinExcess)
            {
                return new Relation(CopyKind.SpunCopy, (skeleton + words) / 2, (skeleton + words) / 2, newInStored, storedInNew, words);
            }

            // A heavily spun copy: phrases and function words swapped too, so neither the words nor the skeleton clear
            // their bars, but the names and numbers still stand in the same order and the lengths match. The skeleton
            // must still be half as alike as a lightly spun copy's: without that bar, four more pairs of different
            // ECB+ reports of one event were linked (names in the same order, sentences of their own).
            // A copy from a spinner that swaps function-word phrases too keeps less skeleton still, but then nearly all
            // of its names and numbers must stand in the same order (StrongSequenceThreshold).
            if (fp.SequenceAnchors > 0 && stored.SequenceAnchors > 0 && lengths >= options.SpinMinLengthRatio
                && skeleton >= Math.Min(options.SpinThreshold, options.StrongSequenceSkeleton)
                && Math.Min(fp.SequenceAnchors, stored.SequenceAnchors) >= options.SpinMinLengthRatio * Math.Max(fp.SequenceAnchors, stored.SequenceAnchors))
            {
                var sequence = MinHash.Similarity(fp.SequenceSketch, sequenceSketches.Block(stored.SequenceSketch, options.SequenceSketchSize));
                if (sequence >= options.SequenceThreshold
                    && (skeleton >= options.SpinThreshold || sequence >= options.StrongSequenceThreshold))
                {
                    return new Relation(CopyKind.SpunCopy, (skeleton + sequence) / 2, (skeleton + sequence) / 2, newInStored, storedInNew, words);
                }
            }
        }

        return default;
    }

    /// <summary>
    /// Whether the newcomer becomes the original of the group rooted at <paramref name="root"/>. When the root lies
    /// inside the newcomer, the newcomer is the original if the root is most of it (the same article with an extra
    /// sentence), but a page that merely contains the article among other things is a copy (a republication). When
    /// the newcomer lies inside the root, the root stays (fuller, or earlier).
    /// When neither contains the other, the unspun text beats a spun root, then the earlier publication date wins.
    /// A newcomer that credits another publisher ("first published by ...") never becomes the original.
    /// </summary>
    private bool TakesOver(int self, int root, Relation relation)
    {
        var newcomer = docs[self];
        var original = docs[root];
        if (newcomer.Credit is not null && original.Credit is null)
        {
            return false;
        }

        // A spun text never becomes the original of an unspun one.
        if (newcomer.Spun && !original.Spun)
        {
            return false;
        }

        // Fuller: it holds (nearly) all of the other text, has clearly more, and what it has beyond the other is its
        // extra length (a spun or edited copy differs all over while being about as long: it is not fuller).
        var inside = options.FullerContainment;
        if (relation.StoredInNew >= inside && Fuller(newcomer.Shingles, original.Shingles, relation.NewInStored, relation.Words))
        {
            // A fuller version of the root becomes the original; a page holding it among other things is the copy.
            return relation.NewInStored >= options.FullerMinShare;
        }

        if (relation.NewInStored >= inside && Fuller(original.Shingles, newcomer.Shingles, relation.StoredInNew, relation.Words))
        {
            // The root is the fuller version, or a page that held the newcomer and came first: it stays.
            return false;
        }

        if (original.Spun != newcomer.Spun)
        {
            return original.Spun;
        }

        return newcomer.Published != NoDate && original.Published != NoDate && newcomer.Published < original.Published;
    }

    /// <summary>
    /// Whether a text of <paramref name="big"/> shingles is a fuller version of one of <paramref name="small"/> it
    /// contains: clearly longer, and no more different than its extra length explains. If the small text is all inside,
    /// their Jaccard similarity is small/big and the share of the big one found in the small one is small/big too; an
    /// edited or spun copy of about the same length falls well below both. Either estimate may carry it (with slack
    /// for sampling): the sketch is steadier on short texts, the anchors on long ones.
    /// </summary>
    private static bool Fuller(int big, int small, double bigInSmall, double words)
    {
        if (big < small + Math.Max(5, small / 100))
        {
            return false;
        }

        var expected = (double)small / big;
        return words >= expected - 0.1 || bigInSmall >= expected - 0.05;
    }

    /// <summary>Makes <paramref name="newRoot"/> the original of the whole group of <paramref name="oldRoot"/>.</summary>
    private List<CopyLink> Reroot(int oldRoot, int newRoot, Relation relation)
    {
        var changed = new List<CopyLink>();
        var kind = relation.Kind!.Value;
        var member = oldRoot;
        do
        {
            ref var doc = ref docs[member];
            if (member == oldRoot)
            {
                doc.Kind = kind;
                doc.Similarity = (float)relation.Similarity;
            }
            else
            {
                doc.Kind = Combine(doc.Kind, kind);
                doc.Similarity = Math.Min(doc.Similarity, (float)relation.Similarity);
            }

            doc.Root = newRoot;
            member = doc.NextMember;
        }
        while (member != oldRoot);

        Splice(newRoot, oldRoot);
        for (member = docs[newRoot].NextMember; member != newRoot; member = docs[member].NextMember)
        {
            changed.Add(LinkOf(member)!);
        }

        return changed;
    }

    private void Join(int self, int root, CopyKind kind, double similarity)
    {
        ref var doc = ref docs[self];
        doc.Root = root;
        doc.Kind = kind;
        doc.Similarity = (float)similarity;
        Splice(root, self);
    }

    /// <summary>Joins two circular member lists (each article starts as a list of itself).</summary>
    private void Splice(int a, int b)
    {
        var afterA = docs[a].NextMember;
        var afterB = docs[b].NextMember;
        docs[a].NextMember = afterB;
        docs[b].NextMember = afterA;
    }

    /// <summary>The weaker of two relations: a duplicate of a spun copy is a spun copy of the original.</summary>
    private static CopyKind Combine(CopyKind a, CopyKind b) =>
        a == CopyKind.SpunCopy || b == CopyKind.SpunCopy ? CopyKind.SpunCopy
        : a == CopyKind.Republication || b == CopyKind.Republication ? CopyKind.Republication
        : a == CopyKind.NearDuplicate || b == CopyKind.NearDuplicate ? CopyKind.NearDuplicate
        : CopyKind.Duplicate;

    private void Store(ref Doc doc, Fingerprint fp)
    {
        if (fp.Shingles > 0)
        {
            MinHash.Narrow(fp.WordSketch, wordSketches.AddBlock(options.SketchSize, out var start));
            doc.WordSketch = start;
        }

        if (fp.SkeletonShingles > 0)
        {
            MinHash.Narrow(fp.SkeletonSketch, skeletonSketches.AddBlock(options.SkeletonSketchSize, out var start));
            doc.SkeletonSketch = start;
        }

        if (doc.SequenceAnchors > 0)
        {
            MinHash.Narrow(fp.SequenceSketch, sequenceSketches.AddBlock(options.SequenceSketchSize, out var start));
            doc.SequenceSketch = start;
        }

        if (doc.Anchors > 0)
        {
            CollectionsMarshal.AsSpan(fp.Anchors)[..doc.Anchors].CopyTo(storedAnchors.AddRun(doc.Anchors, out var start));
            doc.AnchorStart = start;
        }
    }

    private void Index(int self, Fingerprint fp)
    {
        if (fp.Shingles > 0)
        {
            BandKeys(fp.WordSketch, options.RowsPerBand, wordBands, lookup: false, self);
        }

        if (fp.SkeletonShingles > 0)
        {
            BandKeys(fp.SkeletonSketch, options.SkeletonRowsPerBand, skeletonBands, lookup: false, self);
        }

        if (UseSequence(fp))
        {
            BandKeys(fp.SequenceSketch, options.SequenceRowsPerBand, sequenceBands, lookup: false, self);
        }

        if (options.IndexPassages)
        {
            foreach (var anchor in fp.Anchors)
            {
                if (Indexed(anchor))
                {
                    anchors.Add(anchor, self);
                }
            }
        }
    }

    private void BandKeys(uint[] sketch, int rows, BucketIndex[] bands, bool lookup, int self = -1)
    {
        for (var b = 0; b < bands.Length; b++)
        {
            var key = (uint)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(sketch.AsSpan(b * rows, rows)));
            if (lookup)
            {
                bands[b].Collect(key, candidates);
            }
            else
            {
                bands[b].Add(key, self);
            }
        }
    }

    private bool UseSequence(Fingerprint fp) => options.SequenceRobust && fp.SequenceAnchors > 0 && fp.SkeletonShingles > 0;

    /// <summary>Half the anchors are looked up and indexed (enough to find a candidate); all are kept to measure overlap.</summary>
    private static bool Indexed(uint anchor) => (anchor & 1) == 0;

    private static BucketIndex[] NewBands(int count, int capacity)
    {
        var bands = new BucketIndex[count];
        for (var i = 0; i < count; i++)
        {
            bands[i] = new BucketIndex(capacity);
        }

        return bands;
    }

    /// <summary>What the index keeps of one article: ids, counts and positions of its sketches, never its text.</summary>
    private struct Doc
    {
        public string Id;
        public string? Source;
        public string? Credit;
        public long Published;
        public int WordSketch;
        public int SkeletonSketch;
        public int Shingles;
        public int SkeletonShingles;
        public int SequenceSketch;
        public int SequenceAnchors;
        public int AnchorStart;
        public short Anchors;
        public bool AnchorsTruncated;
        public int Root;
        public int NextMember;
        public float Similarity;
        public CopyKind Kind;
        public bool Spun;
    }

    /// <summary>A relation found between the newcomer and a stored article; Kind is null when there is none.</summary>
    private readonly record struct Relation(CopyKind? Kind, double Similarity, double Score, double NewInStored, double StoredInNew, double Words);
}
