using System.Runtime.InteropServices;

namespace Parallax.Core.Identity;

/// <summary>
/// The sketches and anchors of every stored article, narrowed to 16 bits and packed in chunked lists: the bulk of the
/// copy index's memory, kept apart from the per-article records that point into it (<see cref="StoredArticle"/>).
/// </summary>
internal sealed class SketchStore
{
    private readonly CopyIndexOptions options;
    private readonly ChunkedList<ushort> wordSketches;
    private readonly ChunkedList<ushort> skeletonSketches;
    private readonly ChunkedList<ushort> sequenceSketches;
    private readonly ChunkedList<uint> anchors = new(1 << 14);

    public SketchStore(CopyIndexOptions options)
    {
        this.options = options;
        wordSketches = new ChunkedList<ushort>(options.SketchSize * 256);
        skeletonSketches = new ChunkedList<ushort>(options.SkeletonSketchSize * 256);
        sequenceSketches = new ChunkedList<ushort>(options.SequenceSketchSize * 256);
    }

    /// <summary>
    /// Keeps the fingerprints of a new article and records where they lie. The article's sequence and anchor counts
    /// say how much of them to keep (none of the sequence when it is not used, at most MaxAnchors anchors).
    /// </summary>
    public void Store(ref StoredArticle article, Fingerprint fp)
    {
        if (fp.Shingles > 0)
        {
            MinHash.Narrow(fp.WordSketch, wordSketches.AddBlock(options.SketchSize, out var start));
            article.WordSketch = start;
        }

        if (fp.SkeletonShingles > 0)
        {
            MinHash.Narrow(fp.SkeletonSketch, skeletonSketches.AddBlock(options.SkeletonSketchSize, out var start));
            article.SkeletonSketch = start;
        }

        if (article.SequenceAnchors > 0)
        {
            MinHash.Narrow(fp.SequenceSketch, sequenceSketches.AddBlock(options.SequenceSketchSize, out var start));
            article.SequenceSketch = start;
        }

        if (article.Anchors > 0)
        {
            CollectionsMarshal.AsSpan(fp.Anchors)[..article.Anchors].CopyTo(anchors.AddRun(article.Anchors, out var start));
            article.AnchorStart = start;
        }
    }

    public Span<ushort> WordSketch(in StoredArticle article) => wordSketches.Block(article.WordSketch, options.SketchSize);

    public Span<ushort> SkeletonSketch(in StoredArticle article) => skeletonSketches.Block(article.SkeletonSketch, options.SkeletonSketchSize);

    public Span<ushort> SequenceSketch(in StoredArticle article) => sequenceSketches.Block(article.SequenceSketch, options.SequenceSketchSize);

    public Span<uint> Anchors(in StoredArticle article) => anchors.Block(article.AnchorStart, article.Anchors);
}
