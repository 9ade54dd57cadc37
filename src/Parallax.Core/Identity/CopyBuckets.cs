using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Parallax.Core.Identity;

/// <summary>
/// Where the copy index looks for candidates: the LSH bands of the three sketches (words, skeleton, name/number
/// sequence) and the sampled anchors, each a capped <see cref="BucketIndex"/>. A newcomer is compared only with the
/// articles filed under one of its keys, so the cost of an addition does not grow with the number stored.
/// </summary>
internal sealed class CopyBuckets
{
    private readonly CopyIndexOptions options;
    private readonly BucketIndex[] wordBands;
    private readonly BucketIndex[] skeletonBands;
    private readonly BucketIndex[] sequenceBands;
    private readonly BucketIndex anchors;
    private readonly List<int> anchorHits = [];

    public CopyBuckets(CopyIndexOptions options)
    {
        this.options = options;
        wordBands = NewBands(options.Bands, options.MaxBucketSize);
        skeletonBands = NewBands(options.SkeletonBands, options.MaxBucketSize);
        sequenceBands = NewBands(options.SequenceBands, options.MaxBucketSize);
        anchors = new BucketIndex(options.MaxBucketSize);
    }

    /// <summary>
    /// Whether an article's name/number sequence is banded and kept: only with <see cref="CopyIndexOptions.SequenceRobust"/>,
    /// and only beside a skeleton, since the sequence judges a spun copy together with the skeleton.
    /// </summary>
    public bool UsesSequence(Fingerprint fp) => options.SequenceRobust && fp.SequenceAnchors > 0 && fp.SkeletonShingles > 0;

    /// <summary>
    /// Adds to <paramref name="candidates"/> every stored article that shares a band key with the newcomer, or two or
    /// more indexed anchors; unsorted, and with repeats.
    /// </summary>
    public void Collect(Fingerprint fp, List<int> candidates)
    {
        Bands(fp, candidates, article: -1);
        if (!options.IndexPassages)
        {
            return;
        }

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

    /// <summary>Files a stored article under its band keys and indexed anchors.</summary>
    public void File(int article, Fingerprint fp)
    {
        Bands(fp, lookupInto: null, article);
        if (options.IndexPassages)
        {
            foreach (var anchor in fp.Anchors)
            {
                if (Indexed(anchor))
                {
                    anchors.Add(anchor, article);
                }
            }
        }
    }

    /// <summary>
    /// Every band key of the sketches an article is banded by: looked up into <paramref name="lookupInto"/>, or, when
    /// that is null, filed under <paramref name="article"/>. One walk for both, so an article is looked up by the very
    /// keys it would be filed under.
    /// </summary>
    private void Bands(Fingerprint fp, List<int>? lookupInto, int article)
    {
        if (fp.Shingles > 0)
        {
            Bands(fp.WordSketch, options.RowsPerBand, wordBands, lookupInto, article);
        }

        if (fp.SkeletonShingles > 0)
        {
            Bands(fp.SkeletonSketch, options.SkeletonRowsPerBand, skeletonBands, lookupInto, article);
        }

        if (UsesSequence(fp))
        {
            Bands(fp.SequenceSketch, options.SequenceRowsPerBand, sequenceBands, lookupInto, article);
        }
    }

    private static void Bands(uint[] sketch, int rows, BucketIndex[] bands, List<int>? lookupInto, int article)
    {
        for (var b = 0; b < bands.Length; b++)
        {
            var key = BandKey(sketch, rows, b);
            if (lookupInto is not null)
            {
                bands[b].Collect(key, lookupInto);
            }
            else
            {
                bands[b].Add(key, article);
            }
        }
    }

    /// <summary>The key of band <paramref name="band"/>: a hash of its rows, so two sketches share it only when all rows agree.</summary>
    private static uint BandKey(uint[] sketch, int rows, int band) =>
        (uint)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(sketch.AsSpan(band * rows, rows)));

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
}
