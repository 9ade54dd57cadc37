namespace Parallax.Core.Identity;

/// <summary>An article offered to the copy index, in arrival order.</summary>
/// <param name="Id">The article's id (unique within the index).</param>
/// <param name="Title">Its title, or empty.</param>
/// <param name="Text">Its body; paragraphs separated by a blank line.</param>
/// <param name="Source">The publisher's name as extracted, or null.</param>
/// <param name="Published">When it was published, when known.</param>
/// <param name="RestoredText">The body with spun wording restored (SpinAnalyzer), or null when not spun.</param>
public sealed record CopyCandidate(
    string Id,
    string Title,
    string Text,
    string? Source,
    DateTimeOffset? Published,
    string? RestoredText = null);

/// <summary>How a copy relates to its original.</summary>
public enum CopyKind
{
    /// <summary>The same text, word for word (after normalising case, spacing and punctuation).</summary>
    Duplicate,

    /// <summary>Nearly the same text: small edits, a changed sentence or two.</summary>
    NearDuplicate,

    /// <summary>One text sits inside the other: a republication inside a larger page, or a shortened version.</summary>
    Republication,

    /// <summary>The same text with words swapped for synonyms.</summary>
    SpunCopy,
}

/// <summary>A link from a copy to its original.</summary>
/// <param name="CopyId">The copy's id.</param>
/// <param name="OriginalId">The root original's id (never itself a copy).</param>
/// <param name="Kind">How the copy relates to the original.</param>
/// <param name="Similarity">0 to 1: Jaccard similarity for duplicates, containment for republications.</param>
/// <param name="OriginalPublisher">The original's publisher: named in the copy or the original's source, or null.</param>
public sealed record CopyLink(string CopyId, string OriginalId, CopyKind Kind, double Similarity, string? OriginalPublisher);

/// <summary>How two texts compare (see <see cref="CopyIndex.Compare"/>).</summary>
/// <param name="Exact">Same words in the same order.</param>
/// <param name="Words">Estimated Jaccard similarity of the word shingles, or -1 when a text is too short.</param>
/// <param name="Skeleton">Estimated Jaccard similarity of the skeletons (function words and numbers), or -1.</param>
/// <param name="AInB">Share of A's anchors found in B.</param>
/// <param name="BInA">Share of B's anchors found in A.</param>
/// <param name="SharedAnchors">Anchors the two share.</param>
/// <param name="Sequence">Estimated Jaccard similarity of the ordered name/number pairs, or -1 when a text has too few.</param>
public sealed record CopySimilarity(bool Exact, double Words, double Skeleton, double AInB, double BInA, int SharedAnchors, double Sequence = -1);

/// <summary>Settings of the copy index. The defaults suit news articles; change them only with a measurement.</summary>
/// <remarks>Fingerprints depend on the shingle, sketch and anchor settings: an index must keep them for its lifetime.</remarks>
public sealed record CopyIndexOptions
{
    public static CopyIndexOptions Default { get; } = new();

    /// <summary>Words per shingle.</summary>
    public int ShingleSize { get; init; } = 3;

    /// <summary>MinHash values per word sketch (a multiple of 16); it must be at least Bands x RowsPerBand.</summary>
    public int SketchSize { get; init; } = 64;

    /// <summary>LSH bands over the word sketch.</summary>
    public int Bands { get; init; } = 20;

    /// <summary>Sketch values per band: two texts become candidates when one band matches in full.</summary>
    public int RowsPerBand { get; init; } = 3;

    /// <summary>
    /// Estimated Jaccard similarity of word shingles from which two texts are near duplicates. At 0.5, reports that
    /// share half their sentences verbatim were linked too often; 0.6 still takes an article with a sentence dropped
    /// and words changed (the benchmark's near copies, 0.985 linked).
    /// </summary>
    public double NearDuplicateThreshold { get; init; } = 0.6;

    /// <summary>
    /// Share of the smaller text's anchors found in the larger one from which it is a republication (a whole article
    /// inside a page scores about 1; a report that reuses a few wire sentences stays well below).
    /// </summary>
    public double ContainmentThreshold { get; init; } = 0.8;

    /// <summary>
    /// When one text contains another, it is a fuller version (and becomes the original) if the contained text is at
    /// least this share of it; below, it is a larger page that republishes the article (and is the copy).
    /// </summary>
    public double FullerMinShare { get; init; } = 0.65;

    /// <summary>Containment from which the text holding the other is a fuller version of it (or a page holding it).</summary>
    public double FullerContainment { get; init; } = 0.9;

    /// <summary>A containment needs at least this many shared anchors (short texts have too few to judge).</summary>
    public int MinSharedAnchors { get; init; } = 4;

    /// <summary>Texts with fewer shingles than this are matched by exact hash only (never copies of everything).</summary>
    public int MinShingles { get; init; } = 8;

    /// <summary>At most this many words of an article are shingled (enormous articles).</summary>
    public int MaxWords { get; init; } = 20_000;

    /// <summary>At most this many articles are kept per LSH bucket or anchor, so thousands of copies stay linear.</summary>
    public int MaxBucketSize { get; init; } = 8;

    /// <summary>Index anchors (sampled shingles) to find republications inside larger pages. Costs memory per article.</summary>
    public bool IndexPassages { get; init; } = true;

    /// <summary>One shingle in this many becomes an anchor (a power of two).</summary>
    public int AnchorSampling { get; init; } = 8;

    /// <summary>
    /// At most this many anchors are kept per article to measure overlaps (the smallest hashes: a consistent sample of
    /// long pages); twice as many are looked up and indexed, so an article inside a long page still finds it.
    /// </summary>
    public int MaxAnchors { get; init; } = 128;

    /// <summary>Match spun copies through the skeleton of words spinners never touch (function words, numbers).</summary>
    public bool SpinRobust { get; init; } = true;

    /// <summary>
    /// A skeleton needs at least this many shingles (short texts have few function words). At 8, a third of the ECB+
    /// texts under 30 words had none and their spun copies went unfound; 5 found them with no new false link (measured on
    /// all 982 ECB+ texts, not on the topic 1-22 split).
    /// </summary>
    public int MinSkeletonShingles { get; init; } = 5;

    /// <summary>MinHash values per skeleton sketch (a multiple of 16); at least SkeletonBands x SkeletonRowsPerBand.</summary>
    public int SkeletonSketchSize { get; init; } = 64;

    /// <summary>LSH bands over the skeleton sketch.</summary>
    public int SkeletonBands { get; init; } = 20;

    /// <summary>Skeleton sketch values per band.</summary>
    public int SkeletonRowsPerBand { get; init; } = 3;

    /// <summary>Skeleton elements per skeleton shingle.</summary>
    public int SkeletonShingleSize { get; init; } = 3;

    /// <summary>
    /// Content-word gaps longer than this count as this: with 1, the skeleton only says whether content words stand
    /// between two function words, so a swap of one word for two ("toll" -> "loss toll") changes nothing.
    /// </summary>
    public int SkeletonGapCap { get; init; } = 1;

    /// <summary>A skeleton is used only when at least this share of the words are function words or numbers.</summary>
    public double MinFixedShare { get; init; } = 0.2;

    /// <summary>
    /// Estimated Jaccard similarity of skeletons from which two texts may be spun copies; they are when skeleton plus
    /// word similarity reach <see cref="SpinCombinedThreshold"/>. Chosen on ECB+ topics 1-22 (CopyBenchmark): the
    /// skeleton similarity of spun copies is at least 0.47 at 30% spin and 0.38 at 50% for 99% of them.
    /// </summary>
    public double SpinThreshold { get; init; } = 0.3;

    /// <summary>
    /// A spun copy is about as long as its original (a spinner swaps words, it does not add or drop sentences): the
    /// shorter text's shingle count must be at least this share of the longer's. Two reports that share some
    /// sentences verbatim (wire copy) are usually of different lengths and are judged by containment instead.
    /// </summary>
    public double SpinMinLengthRatio { get; init; } = 0.8;

    /// <summary>
    /// Skeleton similarity minus word similarity from which two texts may be spun copies: spinning changes words and
    /// leaves the skeleton, while texts that merely share sentences have both similarities alike. With the length ratio,
    /// it cut the reports of the stories engineer's synthetic stream (same-event reports drawing sentences from one
    /// pool) linked as spun copies from 617 to 177 in 60,000, and lost no spun copy of ECB+ at 30%.
    /// </summary>
    public double SpinMinExcess { get; init; }

    /// <summary>
    /// Skeleton plus word similarity from which two texts are spun copies. On ECB+ topics 1-22, 99% of spun copies reach
    /// 0.86 at 30% spin and 0.53 at 50% (98%: 0.58); different reports of one event that share a sentence or a quote
    /// stay below 0.65, and the pairs above 0.7 share whole paragraphs of wire copy (true partial copies).
    /// </summary>
    public double SpinCombinedThreshold { get; init; } = 0.7;

    /// <summary>
    /// Match heavily spun copies (function words and phrases swapped too, so neither words nor skeleton agree) through
    /// the ordered sequence of names and numbers. Costs about 0.3 KB per article with enough names and numbers.
    /// </summary>
    public bool SequenceRobust { get; init; } = true;

    /// <summary>MinHash values per anchor-sequence sketch (a multiple of 16); at least SequenceBands x SequenceRowsPerBand.</summary>
    public int SequenceSketchSize { get; init; } = 64;

    /// <summary>LSH bands over the anchor-sequence sketch (two rows each: a heavily spun copy keeps about half its pairs).</summary>
    public int SequenceBands { get; init; } = 16;

    /// <summary>Anchor-sequence sketch values per band.</summary>
    public int SequenceRowsPerBand { get; init; } = 2;

    /// <summary>
    /// A text needs at least this many name/number tokens (and pairs) for its sequence to count: with fewer, two reports
    /// of one event can share most of them by chance.
    /// </summary>
    public int MinSequenceAnchors { get; init; } = 12;

    /// <summary>
    /// Estimated Jaccard similarity of the anchor-sequence pairs from which two texts of similar length, with both
    /// enough anchors and a skeleton at least <see cref="SpinThreshold"/> alike, are spun copies. Measured on all 982
    /// ECB+ texts (CopyBenchmark): at 0.4 no pair of different reports was linked by it; at 0.25, three more pairs of
    /// one event's reports were. The hand-spun test text keeps 0.8 (a mangled name costs three of its pairs).
    /// </summary>
    public double SequenceThreshold { get; init; } = 0.4;

    /// <summary>
    /// Anchor-sequence similarity from which a copy whose skeleton is only <see cref="StrongSequenceSkeleton"/> alike is
    /// still a spun copy: a real spinner (SpinBot) swaps prepositions and function-word phrases, leaving skeletons 0.23
    /// to 0.28 alike while the names and numbers keep their order (0.69 to 1.0). Chosen on the SpinBot calibration half
    /// (d000-d015: 13 of 16 linked before, 15 after; held out 16 of 16 either way); the 982 ECB+ articles get no new
    /// spun-copy link from it (3 before and after, `parallax bench spin`).
    /// </summary>
    public double StrongSequenceThreshold { get; init; } = 0.6;

    /// <summary>The skeleton similarity a copy needs when its anchor sequence reaches <see cref="StrongSequenceThreshold"/>.</summary>
    public double StrongSequenceSkeleton { get; init; } = 0.2;

    /// <summary>Checks the settings; throws with the reason when they cannot work.</summary>
    public void Validate()
    {
        if (ShingleSize < 1 || MinShingles < 1 || MaxWords < 1 || MaxBucketSize < 1 || MaxAnchors is < 1 or > 4096)
        {
            throw new ArgumentException("Shingle size, minimum shingles, maximum words and bucket size must be positive; anchors 1 to 4096.");
        }

        if (Bands * RowsPerBand > SketchSize || SkeletonBands * SkeletonRowsPerBand > SkeletonSketchSize
            || SequenceBands * SequenceRowsPerBand > SequenceSketchSize || MinSequenceAnchors < 2)
        {
            throw new ArgumentException("Bands x rows must fit in the sketch size.");
        }

        if (AnchorSampling < 1 || (AnchorSampling & (AnchorSampling - 1)) != 0)
        {
            throw new ArgumentException("Anchor sampling must be a power of two.");
        }
    }
}
