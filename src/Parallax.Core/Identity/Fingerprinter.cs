using System.IO.Hashing;
using System.Runtime.InteropServices;
using Parallax.Core.Language;
using Parallax.Core.Spin;

namespace Parallax.Core.Identity;

/// <summary>The fingerprints of one article; a scratch object the fingerprinter refills for every article.</summary>
internal sealed class Fingerprint(int sketchSize, int skeletonSize)
{
    /// <summary>Hash of the whole word sequence (lower-cased), 0 when the text has no words.</summary>
    public ulong ExactHash { get; set; }

    /// <summary>Number of word (or character) shingles that went into <see cref="WordSketch"/>.</summary>
    public int Shingles { get; set; }

    /// <summary>Number of skeleton shingles that went into <see cref="SkeletonSketch"/>; 0 when it has none.</summary>
    public int SkeletonShingles { get; set; }

    public uint[] WordSketch { get; } = new uint[sketchSize];

    public uint[] SkeletonSketch { get; } = new uint[skeletonSize];

    /// <summary>The sampled shingle hashes ("0 mod p"): a subset that is the same wherever the same text appears.</summary>
    public List<uint> Anchors { get; } = [];
}

/// <summary>
/// Turns an article into fingerprints:
/// <list type="bullet">
/// <item>an exact hash of its words (for duplicates, and for texts too short for anything else);</item>
/// <item>a MinHash sketch of its word 3-shingles (near duplicates), over the restored text when it was spun;</item>
/// <item>a MinHash sketch of its "skeleton": the words spinners never touch (function words and numbers), each with the
/// number of content words since the previous one. A synonym swap replaces a content word by another, so the skeleton
/// of a spun copy equals the original's except around multi-word swaps;</item>
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

    public Fingerprinter(CopyIndexOptions options)
    {
        this.options = options;
        words = new MinHash(options.SketchSize, 0x5041524C4C4158UL);
        skeleton = new MinHash(options.SkeletonSketchSize, 0x534B454C45544FUL);
    }

    public Fingerprint NewScratch() => new(options.SketchSize, options.SkeletonSketchSize);

    /// <summary>Fills <paramref name="into"/> with the fingerprints of one article.</summary>
    public void Compute(string title, string text, string? restored, Fingerprint into)
    {
        into.ExactHash = ExactHash(title, text);
        var body = restored ?? text;
        Tokenize(body, out var tokenChars);
        into.Anchors.Clear();
        into.SkeletonShingles = 0;

        // Long space-less runs (CJK, Thai): word shingles would be few and fragile, so shingle characters.
        var characterMode = tokens.Count > 0 && tokenChars / tokens.Count > options.CharacterModeTokenLength;
        into.Shingles = characterMode ? CharacterShingles(body, into) : WordShingles(into);
        if (!characterMode && options.SpinRobust)
        {
            into.SkeletonShingles = SkeletonShingles(into);
        }

        FinishAnchors(into.Anchors);
    }

    /// <summary>Hash of the lower-cased word sequence; when the body is too short to shingle, the title counts too,
    /// so two one-word bodies ("Video") under different titles are not duplicates.</summary>
    private ulong ExactHash(string title, string text)
    {
        ulong hash = 0;
        var count = 0;
        foreach (var token in new WordTokenizer(text))
        {
            hash = Mix(hash + TokenHash(token.In(text)) * Prime1);
            count++;
        }

        if (count == 0)
        {
            return 0;
        }

        if (count < options.MinShingles + options.ShingleSize - 1)
        {
            foreach (var token in new WordTokenizer(title))
            {
                hash = Mix(hash + TokenHash(token.In(title)) * Prime2);
            }
        }

        return hash == 0 ? 1 : hash;
    }

    private void Tokenize(string body, out long tokenChars)
    {
        tokens.Clear();
        fixedWords.Clear();
        tokenChars = 0;
        foreach (var token in new WordTokenizer(body))
        {
            if (tokens.Count >= options.MaxWords)
            {
                break;
            }

            var word = token.In(body);
            tokens.Add(TokenHash(word));
            fixedWords.Add(StopWords.Contains(word) || word.IndexOfAnyInRange('0', '9') >= 0);
            tokenChars += word.Length;
        }
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
        if (count < options.MinShingles || fixedCount < tokens.Count * options.MinFixedShare)
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
        if ((shingle >> 58 & (ulong)(options.AnchorSampling - 1)) == 0)
        {
            anchors.Add((uint)(shingle >> 20));
        }
    }

    private void FinishAnchors(List<uint> anchors)
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

        // Keep the smallest ones: still a consistent sample for pages up to MaxAnchors x AnchorSampling shingles.
        anchors.RemoveRange(Math.Min(unique, options.MaxAnchors), anchors.Count - Math.Min(unique, options.MaxAnchors));
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
