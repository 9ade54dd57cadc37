using System.Runtime.InteropServices;

namespace Parallax.Core.Identity;

/// <summary>
/// A relation found between a newcomer and a stored article; <see cref="Kind"/> is null when there is none.
/// <see cref="Score"/> ranks candidates (near duplicates over republications over spun copies).
/// </summary>
internal readonly record struct CopyRelation(CopyKind? Kind, double Similarity, double Score, double NewInStored, double StoredInNew, double Words);

/// <summary>
/// The copy index's judgements on fingerprints: whether a newcomer is a copy of a stored article and of which kind
/// (<see cref="Relate"/>), and which of the two is the original (<see cref="TakesOver"/>). Kept apart from the
/// candidate lookup and the group bookkeeping, since these thresholds are what the copy benchmarks tune.
/// </summary>
internal sealed class CopyJudge(CopyIndexOptions options, SketchStore sketches)
{
    // A spun copy still shares some wording with its original (names, numbers, unswapped phrases): two texts that share
    // none are not copies however alike their function words (short captions, headlines of one pattern).
    private const double MinSpunWords = 0.05;

    /// <summary>How the newcomer (fingerprints <paramref name="fp"/>) relates to a stored article, if at all.</summary>
    public CopyRelation Relate(Fingerprint fp, in StoredArticle stored, bool newcomerSpun)
    {
        var words = fp.Shingles > 0 && stored.WordSketch >= 0
            ? MinHash.Similarity(fp.WordSketch, sketches.WordSketch(stored))
            : 0;

        // Containment from anchors when both texts have enough of them to judge, else from the sketches.
        double newInStored;
        double storedInNew;
        if (fp.Anchors.Count >= options.MinSharedAnchors && stored.Anchors >= options.MinSharedAnchors)
        {
            var overlap = AnchorOverlap.Of(
                CollectionsMarshal.AsSpan(fp.Anchors), fp.AnchorsTruncated,
                sketches.Anchors(stored), stored.AnchorsTruncated);
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
        var spun = newcomerSpun || stored.Spun;
        var containment = Math.Max(newInStored, storedInNew);
        var mutual = Math.Min(newInStored, storedInNew) >= options.FullerMinShare;
        if (words >= options.NearDuplicateThreshold && (mutual || containment < options.ContainmentThreshold))
        {
            return new CopyRelation(spun ? CopyKind.SpunCopy : CopyKind.NearDuplicate, words, 2 + words, newInStored, storedInNew, words);
        }

        if (containment >= options.ContainmentThreshold && Math.Min(fp.Shingles, stored.Shingles) > 0)
        {
            return new CopyRelation(CopyKind.Republication, containment, 1 + Math.Max(containment, words), newInStored, storedInNew, words);
        }

        // A spun copy: the skeleton agrees and enough wording survives (names, numbers, unswapped words) that the two
        // together clear the bar; different articles about one event stay far below both (see SpinThreshold).
        if (fp.SkeletonShingles > 0 && stored.SkeletonSketch >= 0)
        {
            var skeleton = MinHash.Similarity(fp.SkeletonSketch, sketches.SkeletonSketch(stored));
            var lengths = (double)Math.Min(fp.Shingles, stored.Shingles) / Math.Max(1, Math.Max(fp.Shingles, stored.Shingles));
            if (skeleton >= options.SpinThreshold && words >= MinSpunWords && skeleton + words >= options.SpinCombinedThreshold
                && lengths >= options.SpinMinLengthRatio && skeleton - words >= options.SpinMinExcess)
            {
                return new CopyRelation(CopyKind.SpunCopy, (skeleton + words) / 2, (skeleton + words) / 2, newInStored, storedInNew, words);
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
                var sequence = MinHash.Similarity(fp.SequenceSketch, sketches.SequenceSketch(stored));
                if (sequence >= options.SequenceThreshold
                    && (skeleton >= options.SpinThreshold || sequence >= options.StrongSequenceThreshold))
                {
                    return new CopyRelation(CopyKind.SpunCopy, (skeleton + sequence) / 2, (skeleton + sequence) / 2, newInStored, storedInNew, words);
                }
            }
        }

        return default;
    }

    /// <summary>
    /// Whether the newcomer becomes the original of the group rooted at <paramref name="original"/>. When the root lies
    /// inside the newcomer, the newcomer is the original if the root is most of it (the same article with an extra
    /// sentence), but a page that merely contains the article among other things is a copy (a republication). When
    /// the newcomer lies inside the root, the root stays (fuller, or earlier).
    /// When neither contains the other, the unspun text beats a spun root, then the earlier publication date wins.
    /// A newcomer that credits another publisher ("first published by ...") never becomes the original.
    /// </summary>
    public bool TakesOver(in StoredArticle newcomer, in StoredArticle original, CopyRelation relation)
    {
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

        return newcomer.Published != StoredArticle.NoDate && original.Published != StoredArticle.NoDate && newcomer.Published < original.Published;
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
}
