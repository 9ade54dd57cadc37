namespace Parallax.Core.Spin;

/// <summary>
/// A trigram language model with Katz back-off: the CMU Sphinx generic US English model (72k lower-case words,
/// 2.05M word pairs, 1.67M triples), probabilities and back-offs kept as one byte each. It knows which words follow
/// which over whole phrases ("pronounced dead at", "told reporters after"), the context a spinner destroys.
/// Read-only after loading, so one instance serves every thread.
/// </summary>
public sealed class NgramModel
{
    /// <summary>The id of a word the model does not know.</summary>
    public const int Unknown = -1;

    // log10 probability given to a word the model does not know: below its rarest words (-8, where the scale stops).
    private const double UnknownLog10 = -8.5;

    // A plain dictionary, not a frozen one: freezing its 72k words cost more at load than its faster look-ups saved
    // over a whole run. Nothing writes to it after the constructor, so concurrent readers are safe.
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ids;
    private readonly float[] probTable;
    private readonly float[] backoffTable;
    private readonly byte[] unigramProb;
    private readonly byte[] unigramBackoff;
    private readonly int[] bigramStart;
    private readonly int[] bigramWord;
    private readonly byte[] bigramProb;
    private readonly byte[] bigramBackoff;
    private readonly int[] trigramStart;
    private readonly int[] trigramWord;
    private readonly byte[] trigramProb;

    private NgramModel(
        Dictionary<string, int> ids, float[] probTable, float[] backoffTable, byte[] unigramProb,
        byte[] unigramBackoff, int[] bigramStart, int[] bigramWord, byte[] bigramProb, byte[] bigramBackoff,
        int[] trigramStart, int[] trigramWord, byte[] trigramProb)
    {
        this.ids = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        this.probTable = probTable;
        this.backoffTable = backoffTable;
        this.unigramProb = unigramProb;
        this.unigramBackoff = unigramBackoff;
        this.bigramStart = bigramStart;
        this.bigramWord = bigramWord;
        this.bigramProb = bigramProb;
        this.bigramBackoff = bigramBackoff;
        this.trigramStart = trigramStart;
        this.trigramWord = trigramWord;
        this.trigramProb = trigramProb;
        SentenceStart = IdOf("<s>");
        SentenceEnd = IdOf("</s>");
    }

    /// <summary>The id of the sentence-start marker, the left context of a sentence's first word.</summary>
    public int SentenceStart { get; }

    /// <summary>The id of the sentence-end marker, the word after a sentence's last.</summary>
    public int SentenceEnd { get; }

    /// <summary>The id of a lower-case word, or <see cref="Unknown"/>.</summary>
    public int IdOf(ReadOnlySpan<char> word) => ids.TryGetValue(word, out var id) ? id : Unknown;

    /// <summary>
    /// log10 P(<paramref name="word"/> | <paramref name="first"/> <paramref name="second"/>), backing off to shorter
    /// histories where the model has no entry; an unknown history word shortens the history.
    /// </summary>
    public double Log10(int first, int second, int word)
    {
        if (word < 0)
        {
            return UnknownLog10;
        }

        if (second < 0)
        {
            return probTable[unigramProb[word]];
        }

        var pair = first < 0 ? -1 : Find(bigramStart, bigramWord, first, second);
        if (pair >= 0)
        {
            var triple = Find(trigramStart, trigramWord, pair, word);
            if (triple >= 0)
            {
                return probTable[trigramProb[triple]];
            }
        }

        var backoff = pair >= 0 ? backoffTable[bigramBackoff[pair]] : 0;
        var next = Find(bigramStart, bigramWord, second, word);
        return backoff + (next >= 0
            ? probTable[bigramProb[next]]
            : backoffTable[unigramBackoff[second]] + probTable[unigramProb[word]]);
    }

    /// <summary>
    /// The longest n-gram the model holds that ends in <paramref name="word"/> after the history given: 3 for the
    /// triple, 2 for the pair, 1 when only the word itself is known, 0 for an unknown word.
    /// </summary>
    public int Order(int first, int second, int word)
    {
        if (word < 0)
        {
            return 0;
        }

        if (second < 0)
        {
            return 1;
        }

        var pair = first < 0 ? -1 : Find(bigramStart, bigramWord, first, second);
        if (pair >= 0 && Find(trigramStart, trigramWord, pair, word) >= 0)
        {
            return 3;
        }

        return Find(bigramStart, bigramWord, second, word) >= 0 ? 2 : 1;
    }

    // The row of (context, word) among the sorted words that follow the context; -1 when absent.
    private static int Find(int[] start, int[] words, int context, int word)
    {
        // A span's search compares ints inline; Array.BinarySearch went through a comparer, a third of the fluency's cost.
        var from = start[context];
        var index = words.AsSpan(from, start[context + 1] - from).BinarySearch(word);
        return index >= 0 ? from + index : -1;
    }

    internal static NgramModel Load(Stream stream)
    {
        var reader = new ResourceCursor(stream);
        var vocabulary = reader.ReadInt32();
        var bigrams = reader.ReadInt32();
        var trigrams = reader.ReadInt32();
        var probTable = Levels(reader.ReadSingle(), reader.ReadSingle());
        var backoffTable = Levels(reader.ReadSingle(), reader.ReadSingle());
        var ids = reader.ReadWordIds(vocabulary);

        var unigramProb = reader.ReadBytes(vocabulary);
        var unigramBackoff = reader.ReadBytes(vocabulary);
        var (bigramStart, bigramWord) = Rows(reader, vocabulary, bigrams);
        var bigramProb = reader.ReadBytes(bigrams);
        var bigramBackoff = reader.ReadBytes(bigrams);
        var (trigramStart, trigramWord) = Rows(reader, bigrams, trigrams);
        var trigramProb = reader.ReadBytes(trigrams);
        return new NgramModel(ids, probTable, backoffTable, unigramProb, unigramBackoff, bigramStart, bigramWord,
            bigramProb, bigramBackoff, trigramStart, trigramWord, trigramProb);
    }

    // The 256 values a quantised byte stands for, evenly spaced from low to high.
    private static float[] Levels(float low, float high)
    {
        var table = new float[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = low + (high - low) * i / 255;
        }

        return table;
    }

    // Per context, a count and the sorted following words as gaps (variable-length integers).
    private static (int[] Start, int[] Words) Rows(ResourceCursor reader, int contexts, int total)
    {
        var start = new int[contexts + 1];
        var words = new int[total];
        var filled = 0;
        for (var c = 0; c < contexts; c++)
        {
            start[c] = filled;
            var count = reader.Varint();
            if (count > (uint)(total - filled))
            {
                throw new InvalidDataException("The n-gram file lists more n-grams than its header.");
            }

            reader.ReadGaps(words.AsSpan(filled, (int)count));
            filled += (int)count;
        }

        start[contexts] = filled;
        return filled == total ? (start, words) : throw new InvalidDataException("The n-gram file is truncated.");
    }
}
