using System.IO.Hashing;
using System.Runtime.InteropServices;
using Parallax.Core.Language;

namespace Parallax.Core.Identity;

/// <summary>The fingerprints of one article; a scratch object the fingerprinter refills for every article.</summary>
internal sealed class Fingerprint(int sketchSize, int skeletonSize, int sequenceSize)
{
    /// <summary>Hash of the whole word sequence (lower-cased), 0 when the text has no words.</summary>
    public ulong ExactHash { get; set; }

    /// <summary>Number of word (or character) shingles that went into <see cref="WordSketch"/>.</summary>
    public int Shingles { get; set; }

    /// <summary>Number of skeleton shingles that went into <see cref="SkeletonSketch"/>; 0 when it has none.</summary>
    public int SkeletonShingles { get; set; }

    public uint[] WordSketch { get; } = new uint[sketchSize];

    public uint[] SkeletonSketch { get; } = new uint[skeletonSize];

    /// <summary>Number of name and number tokens (see <see cref="Fingerprinter"/>); 0 below the minimum.</summary>
    public int SequenceAnchors { get; set; }

    /// <summary>MinHash of the ordered pairs of consecutive name/number tokens; valid when SequenceAnchors &gt; 0.</summary>
    public uint[] SequenceSketch { get; } = new uint[sequenceSize];

    /// <summary>The sampled shingle hashes ("0 mod p"), sorted: a subset that is the same wherever the same text appears.</summary>
    public List<uint> Anchors { get; } = [];

    /// <summary>Whether <see cref="Anchors"/> was cut to the smallest values (an enormous text).</summary>
    public bool AnchorsTruncated { get; set; }
}

/// <summary>
/// Turns an article into fingerprints:
/// <list type="bullet">
/// <item>an exact hash of its words (for duplicates, and for texts too short for anything else);</item>
/// <item>a MinHash sketch of its word 3-shingles (near duplicates), over the restored text when it was spun;</item>
/// <item>a MinHash sketch of its "skeleton": the words spinners never touch (function words and numbers), each with the
/// number of content words since the previous one. A synonym swap replaces a content word by another, so the skeleton
/// of a spun copy equals the original's except around multi-word swaps;</item>
/// <item>a MinHash sketch of its anchor sequence: the tokens heavy spinners leave alone (numbers, and capitalised
/// names not at a sentence start), as ordered pairs of each with the next and the one after. A spinner that swaps function
/// words and phrases too ("after" -> "in the wake of") breaks both sketches above, but keeps nearly every name and number
/// in place; a skipped pair survives the odd name it does mangle ("River Avel" -> "Stream Avel"). Another report of the
/// same event shares the names but not their order, and has other numbers;</item>
/// <item>anchors: the shingle hashes that are 0 modulo p. Unlike a MinHash, this sample is consistent under containment
/// (every anchor of a text is an anchor of any page that contains it), which finds republications inside larger pages.</item>
/// </list>
/// Texts whose words are long runs without spaces (Chinese, Japanese, Thai) are shingled by characters instead.
/// </summary>
internal sealed class Fingerprinter
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;
    private const int CharShingle = 4;

    private readonly CopyIndexOptions options;
    private readonly MinHash words;
    private readonly MinHash skeleton;
    private readonly List<ulong> tokens = [];
    private readonly List<bool> fixedWords = [];
    private readonly List<ulong> skeletonElements = [];
    private readonly MinHash sequence;
    private readonly List<ulong> sequenceTokens = [];
    private readonly List<int> sequencePositions = [];

    // What the token lists above currently hold (per article scratch; the fingerprinter serves one writer).
    private string? tokenized;
    private long spacelessChars;
    private long wordChars;

    public Fingerprinter(CopyIndexOptions options)
    {
        this.options = options;
        words = new MinHash(options.SketchSize, 0x5041524C4C4158UL);
        skeleton = new MinHash(options.SkeletonSketchSize, 0x534B454C45544FUL);
        sequence = new MinHash(options.SequenceSketchSize, 0x414E43484F5253UL);
    }

    public Fingerprint NewScratch() => new(options.SketchSize, options.SkeletonSketchSize, options.SequenceSketchSize);

    /// <summary>
    /// First step: the exact hash of the article's words (into <paramref name="into"/>), tokenising the text once so
    /// that <see cref="ComputeSketches"/> can reuse the tokens. An exact duplicate needs nothing more.
    /// </summary>
    public void ComputeExact(string title, string text, Fingerprint into)
    {
        var count = Tokenize(text, out ulong hash);
        tokenized = text;
        if (count == 0)
        {
            into.ExactHash = 0;
            return;
        }

        // Too short to shingle: the title counts too, so two one-word bodies ("Video") under different titles differ.
        if (count < options.MinShingles + options.ShingleSize - 1)
        {
            foreach (var token in new WordTokenizer(title))
            {
                hash = Mix(hash + TokenHash(token.In(title)) * Prime2);
            }
        }

        into.ExactHash = hash == 0 ? 1 : hash;
    }

    /// <summary>Second step: sketches and anchors, over the restored text when there is one.</summary>
    public void ComputeSketches(string text, string? restored, Fingerprint into)
    {
        var body = restored ?? text;
        if (!ReferenceEquals(body, tokenized))
        {
            Tokenize(body, out _);
            tokenized = body;
        }

        into.Anchors.Clear();
        into.SkeletonShingles = 0;
        into.SequenceAnchors = 0;

        // Scripts written without spaces (Chinese, Japanese, Thai...): the tokenizer returns whole clauses, whose shingles
        // would be few and fragile, so shingle characters instead.
        var characterMode = wordChars > 0 && spacelessChars * 2 >= wordChars;
        into.Shingles = characterMode ? CharacterShingles(body, into) : WordShingles(into);
        if (!characterMode && options.SpinRobust)
        {
            into.SkeletonShingles = SkeletonShingles(into);
            into.SequenceAnchors = SequenceShingles(into);
        }

        into.AnchorsTruncated = FinishAnchors(into.Anchors);
    }

    /// <summary>Both steps.</summary>
    public void Compute(string title, string text, string? restored, Fingerprint into)
    {
        ComputeExact(title, text, into);
        ComputeSketches(text, restored, into);
    }

    /// <summary>
    /// Hashes every word (lower-cased) into <paramref name="exactHash"/>, keeping the first MaxWords word hashes, whether
    /// each is a fixed word (function word or number), and how many letters are in scripts written without spaces.
    /// </summary>
    private int Tokenize(string body, out ulong exactHash)
    {
        tokens.Clear();
        fixedWords.Clear();
        sequenceTokens.Clear();
        sequencePositions.Clear();
        spacelessChars = 0;
        wordChars = 0;
        exactHash = 0;
        var count = 0;
        foreach (var token in new WordTokenizer(body))
        {
            var word = token.In(body);
            var hash = TokenHash(word);
            exactHash = Mix(exactHash + hash * Prime1);
            count++;
            if (tokens.Count >= options.MaxWords)
            {
                continue;
            }

            var number = word.IndexOfAnyInRange('0', '9') >= 0;
            if (number || (char.IsUpper(word[0]) && !SentenceStart.At(body, token.Start)))
            {
                sequenceTokens.Add(hash);
                sequencePositions.Add(tokens.Count);
            }

            tokens.Add(hash);
            fixedWords.Add(StopLists.English.Contains(word) || number);
            wordChars += word.Length;
            foreach (var c in word)
            {
                if (Scripts.IsSpaceless(c))
                {
                    spacelessChars++;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Sketches the anchor sequence: each name/number token paired with the next and with the one after (hashed in
    /// order). Pairs of tokens that stand side by side in the text are left out: they are one multi-word name ("Daniel
    /// Okafor", "Old Mill"), which any report of the event repeats, and say nothing of the order. Returns the number
    /// of anchor tokens, or 0 when there are too few to judge.
    /// </summary>
    private int SequenceShingles(Fingerprint into)
    {
        var count = sequenceTokens.Count;
        if (count < options.MinSequenceAnchors)
        {
            return 0;
        }

        var sketch = into.SequenceSketch.AsSpan();
        sequence.Reset(sketch);
        var pairs = 0;
        for (var i = 0; i + 1 < count; i++)
        {
            for (var k = 1; k <= 2 && i + k < count; k++)
            {
                if (sequencePositions[i + k] - sequencePositions[i] == k)
                {
                    continue;
                }

                sequence.Add(sketch, Mix(sequenceTokens[i] * Prime1 + sequenceTokens[i + k] * Prime3));
                pairs++;
            }
        }

        return pairs >= options.MinSequenceAnchors ? count : 0;
    }

    private int WordShingles(Fingerprint into)
    {
        var size = options.ShingleSize;
        var count = tokens.Count - size + 1;
        if (count < options.MinShingles)
        {
            return 0;
        }

        var sketch = into.WordSketch.AsSpan();
        words.Reset(sketch);
        var hashes = CollectionsMarshal.AsSpan(tokens);
        for (var i = 0; i < count; i++)
        {
            var shingle = 0UL;
            for (var k = 0; k < size; k++)
            {
                shingle = Mix(shingle + hashes[i + k] * (k % 2 == 0 ? Prime1 : Prime3));
            }

            words.Add(sketch, shingle);
            AddAnchor(into.Anchors, shingle);
        }

        return count;
    }

    private int CharacterShingles(string body, Fingerprint into)
    {
        // The word characters only, lower-cased: spacing and punctuation differences do not matter.
        var sketch = into.WordSketch.AsSpan();
        words.Reset(sketch);
        ulong window = 0;
        var seen = 0;
        var count = 0;
        var limit = options.MaxWords * 4;
        foreach (var c in body)
        {
            if (!WordTokenizer.IsWordChar(c))
            {
                continue;
            }

            window = (window << 16) | char.ToLowerInvariant(c);
            if (++seen < CharShingle)
            {
                continue;
            }

            var shingle = Mix(window * Prime2);
            words.Add(sketch, shingle);
            AddAnchor(into.Anchors, shingle);
            if (++count >= limit)
            {
                break;
            }
        }

        return count >= options.MinShingles ? count : 0;
    }

    private int SkeletonShingles(Fingerprint into)
    {
        // Elements: each fixed word with the (capped) number of content words before it.
        skeletonElements.Clear();
        var gap = 0;
        var fixedCount = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (fixedWords[i])
            {
                skeletonElements.Add(Mix(tokens[i] + (ulong)Math.Min(gap, options.SkeletonGapCap) * Prime3));
                gap = 0;
                fixedCount++;
            }
            else
            {
                gap++;
            }
        }

        // Without function words (another language, a list of names) a skeleton says nothing: leave it out.
        var size = options.SkeletonShingleSize;
        var count = skeletonElements.Count - size + 1;
        if (count < options.MinSkeletonShingles || fixedCount < tokens.Count * options.MinFixedShare)
        {
            return 0;
        }

        var sketch = into.SkeletonSketch.AsSpan();
        skeleton.Reset(sketch);
        var elements = CollectionsMarshal.AsSpan(skeletonElements);
        for (var i = 0; i < count; i++)
        {
            var shingle = 0UL;
            for (var k = 0; k < size; k++)
            {
                shingle = Mix(shingle + elements[i + k] * Prime1);
            }

            skeleton.Add(sketch, shingle);
        }

        return count;
    }

    private void AddAnchor(List<uint> anchors, ulong shingle)
    {
        // The high bits choose (independent of the low bits the sketches use); the middle bits are the anchor.
        // (An anchor is indexed for lookup only when its own low bit is 0: see CopyIndex.)
        if ((shingle >> 58 & (ulong)(options.AnchorSampling - 1)) == 0)
        {
            anchors.Add((uint)(shingle >> 20));
        }
    }

    private bool FinishAnchors(List<uint> anchors)
    {
        anchors.Sort();
        var unique = 0;
        for (var i = 0; i < anchors.Count; i++)
        {
            if (i == 0 || anchors[i] != anchors[unique - 1])
            {
                anchors[unique++] = anchors[i];
            }
        }

        // Keep the smallest ones: still a consistent sample for pages up to 2 x MaxAnchors x AnchorSampling shingles.
        // All of them are looked up and indexed; the index stores the smallest MaxAnchors per article for overlaps.
        var kept = Math.Min(unique, options.MaxAnchors * 2);
        anchors.RemoveRange(kept, anchors.Count - kept);
        return unique > kept;
    }

    /// <summary>XxHash3 of the lower-cased word, with typographic apostrophes made plain.</summary>
    internal static ulong TokenHash(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[64];
        if (word.Length > buffer.Length)
        {
            word = word[..buffer.Length];
        }

        var lower = buffer[..word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            lower[i] = c is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(c);
        }

        return XxHash3.HashToUInt64(MemoryMarshal.AsBytes((ReadOnlySpan<char>)lower));
    }

    /// <summary>The 64-bit finaliser of MurmurHash3: every input bit affects every output bit.</summary>
    internal static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
