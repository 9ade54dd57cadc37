namespace Parallax.Core.Identity;

/// <summary>
/// What the copy index keeps of one article: ids, counts and the positions of its sketches in the
/// <see cref="SketchStore"/>, and its place in its copy group; never its text. A mutable struct in a chunked list, so a
/// million articles cost one small record each and a re-rooting rewrites fields in place.
/// </summary>
internal struct StoredArticle
{
    /// <summary>The publication date of an article that gave none.</summary>
    public const long NoDate = long.MinValue;

    public string Id;
    public string? Source;
    public string? Credit;

    /// <summary>UTC ticks, or <see cref="NoDate"/>.</summary>
    public long Published;

    /// <summary>Start of the word sketch in the store, or -1 when the text had no shingles.</summary>
    public int WordSketch;

    /// <summary>Start of the skeleton sketch in the store, or -1.</summary>
    public int SkeletonSketch;
    public int Shingles;
    public int SkeletonShingles;

    /// <summary>Start of the name/number sequence sketch in the store, or -1.</summary>
    public int SequenceSketch;

    /// <summary>Name/number pairs behind the sequence sketch; 0 when the sequence is not used.</summary>
    public int SequenceAnchors;

    /// <summary>Start of the kept anchors in the store, or -1.</summary>
    public int AnchorStart;
    public short Anchors;
    public bool AnchorsTruncated;

    /// <summary>The group's root original (itself when it is no copy).</summary>
    public int Root;

    /// <summary>The next member of its group's circular list (itself when alone).</summary>
    public int NextMember;
    public float Similarity;
    public CopyKind Kind;

    /// <summary>It came with a restored text: spun wording was found in it.</summary>
    public bool Spun;
}
