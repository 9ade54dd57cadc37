using System.Globalization;
using Parallax.Core.Spin;

namespace Parallax.Core.Tests.Spin;

/// <summary>
/// The loaders of the shipped word data read exactly what the earlier loaders read: the figures below were printed by
/// the build before the loaders changed (BinaryReader over the stream, pairs through a dictionary), so a faster loader
/// that misreads one field fails here, not only in a spin benchmark.
/// </summary>
public sealed class WordDataLoadingTests
{
    private static Thesaurus Thesaurus => Thesaurus.Default;

    [Theory]
    [InlineData("pronounced", "dead", "at", "-0.6274509429931641")]
    [InlineData("told", "reporters", "after", "-1.4745097160339355")]
    [InlineData("the", "of", "the", "-0.28235292434692383")]
    [InlineData("<s>", "the", "council", "-3.1999998092651367")]
    [InlineData("zzzq", "the", "river", "-3.388235092163086")]
    [InlineData("in", "the", "zzzq", "-8.5")]
    public void The_trigram_model_gives_the_probabilities_it_gave_before(string first, string second, string word, string log10)
    {
        var ngrams = Thesaurus.Ngrams;
        Assert.Equal(double.Parse(log10, CultureInfo.InvariantCulture), ngrams.Log10(ngrams.IdOf(first), ngrams.IdOf(second), ngrams.IdOf(word)));
    }

    [Fact]
    public void Every_table_of_the_trigram_model_reads_as_before()
    {
        // A grid over the first 2,000 word ids touches unigram, bigram and trigram rows and both back-off tables.
        var ngrams = Thesaurus.Ngrams;
        var sum = 0.0;
        for (var a = 0; a < 2000; a += 7)
        {
            for (var b = 0; b < 2000; b += 13)
            {
                for (var c = 0; c < 2000; c += 11)
                {
                    sum += ngrams.Log10(a, b, c);
                }
            }
        }

        Assert.Equal(-36034454.502892494, sum, 6);
    }

    [Fact]
    public void The_word_vectors_read_as_before()
    {
        var vectors = Thesaurus.Vectors;
        long checksum = 0;
        for (var i = 0; i < 1000; i++)
        {
            var row = vectors.Of(i * 37 % 40000);
            for (var d = 0; d < row.Length; d++)
            {
                checksum += row[d] * (d + 1);
            }
        }

        Assert.Equal(100, vectors.Dimensions);
        Assert.Equal(3474, vectors.IdOf("flood"));
        Assert.Equal(-1657038, checksum);
    }

    [Fact]
    public void The_pair_words_keep_their_ids()
    {
        Assert.Equal(2459752, Thesaurus.BigramTotal);
        Assert.Equal(1, Thesaurus.PairWordId("the"));
        Assert.Equal(4499, Thesaurus.PairWordId("flood"));
    }

    [Fact]
    public void The_cursor_reads_what_a_binary_writer_wrote()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(-123456);
            writer.Write(2.5f);
            writer.Write((byte)5);
            writer.Write("flood"u8);
            writer.Write((byte)3);
            writer.Write("\u00E9t"u8); // two bytes for the accented letter, one for the t
            writer.Write(new byte[] { 0x96, 0x01, 0x7F }); // 150 and 127 as 7-bit groups
        }

        var cursor = new ResourceCursor(new MemoryStream(buffer.ToArray()));
        Assert.Equal(-123456, cursor.ReadInt32());
        Assert.Equal(2.5f, cursor.ReadSingle());
        var ids = cursor.ReadWordIds(1);
        Assert.Equal(0, ids["flood"]);
        Assert.Equal(3, cursor.ReadByte());
        Assert.Equal([0xC3, 0xA9, (byte)'t'], cursor.ReadBytes(3));
        Assert.Equal(150u, cursor.Varint());
        Assert.Equal(127u, cursor.Varint());
    }

    [Fact]
    public void A_row_of_gaps_reads_as_one_varint_at_a_time_also_across_the_buffer_end()
    {
        // 40,000 gaps of one to five bytes each: more than the cursor's 64 KB buffer, so refills fall inside numbers.
        var random = new Random(7);
        var gaps = new uint[40_000];
        using var buffer = new MemoryStream();
        for (var i = 0; i < gaps.Length; i++)
        {
            // Five-byte numbers every 4,000th; the running sums overflow and wrap alike on both paths (real rows stay small).
            gaps[i] = (uint)(i % 4000 == 3 ? random.Next(1 << 28, 1 << 29) : random.Next(0, 4) switch
            {
                0 => random.Next(0, 128),
                1 => random.Next(128, 1 << 14),
                2 => random.Next(1 << 14, 1 << 21),
                _ => random.Next(1 << 21, 1 << 22),
            });
            for (var value = gaps[i]; ; value >>= 7)
            {
                buffer.WriteByte((byte)(value < 0x80 ? value : (value & 0x7F) | 0x80));
                if (value < 0x80)
                {
                    break;
                }
            }
        }

        var bytes = buffer.ToArray();
        var one = new ResourceCursor(new MemoryStream(bytes));
        var expected = new int[gaps.Length];
        var sum = 0;
        for (var i = 0; i < gaps.Length; i++)
        {
            expected[i] = sum += (int)one.Varint();
        }

        var rows = new ResourceCursor(new MemoryStream(bytes));
        var read = new int[gaps.Length];
        rows.ReadGaps(read.AsSpan(0, 17_000));
        rows.ReadGaps(read.AsSpan(17_000)); // a second row starts from zero again
        for (var i = 17_000; i < read.Length; i++)
        {
            expected[i] -= expected[16_999];
        }

        Assert.Equal(expected, read);
    }

    [Fact]
    public void A_malformed_gap_is_refused_in_the_buffer_as_at_its_end()
    {
        var tooLong = new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0, 0, 0, 0 };
        Assert.Throws<InvalidDataException>(() => new ResourceCursor(new MemoryStream(tooLong)).ReadGaps(new int[1]));
        Assert.Throws<InvalidDataException>(() => new ResourceCursor(new MemoryStream(new byte[] { 1, 0x80 })).ReadGaps(new int[2]));
    }

    [Fact]
    public void The_lemma_index_lists_each_lemmas_synsets_in_order_and_its_phrases()
    {
        var index = new LemmaIndex(
        [
            new Synset(WordPos.Noun, ["loss", "loss of life"], [3, 1]),
            new Synset(WordPos.Verb, ["lose", "misplace"], [5, 0]),
            new Synset(WordPos.Noun, ["death", "loss of life", "loss"], [9, 1, 1]),
            new Synset(WordPos.Noun, ["loss", "red ink", "red"], [1, 0, 0]),
        ]);
        Assert.Equal([0, 2, 3], index.SynsetsOf("loss").ToArray());
        Assert.Equal([0, 2], index.SynsetsOf("loss of life").ToArray());
        Assert.Equal([1], index.SynsetsOf("misplace").ToArray());
        Assert.True(index.SynsetsOf("gain").IsEmpty);
        Assert.True(index.HasLemma("red ink") && !index.HasLemma("ink"));
        Assert.True(index.HasLemmaWithPos("lose", WordPos.Verb) && !index.HasLemmaWithPos("lose", WordPos.Noun));
        Assert.Equal(4, index.SynonymCount("loss")); // loss of life, death, red ink, red
        Assert.Equal(3, index.LongestPhraseFrom("loss"));
        Assert.Equal(2, index.LongestPhraseFrom("red"));
        Assert.Equal(0, index.LongestPhraseFrom("death"));
        Assert.True(index.OpensLongPhrase("loss of"));
        Assert.False(index.OpensLongPhrase("red ink")); // a phrase of two words only
        Assert.False(index.OpensLongPhrase("loss"));
        Assert.False(index.OpensLongPhrase("of life"));
        Assert.Equal(3, index.LongestLemmaWords);
    }

    [Fact]
    public void The_shipped_lemma_index_reads_as_before()
    {
        // Figures of the index as built before its lists became ranges of one array.
        var lemmas = Thesaurus.Lemmas;
        var checksum = 0L;
        for (var i = 0; i < lemmas.Synsets.Count; i += 97)
        {
            foreach (var lemma in lemmas.Synsets[i].Lemmas)
            {
                var k = 1;
                foreach (var id in lemmas.SynsetsOf(lemma))
                {
                    checksum += (long)id * k++;
                }
            }
        }

        Assert.Equal(218063789L, checksum);
        Assert.Equal(37867, lemmas.Synsets.Count);
        Assert.Equal(7, lemmas.LongestLemmaWords);
    }

    [Fact]
    public void A_truncated_resource_is_refused_not_misread()
    {
        Assert.Throws<InvalidDataException>(() => new ResourceCursor(new MemoryStream(new byte[3])).ReadInt32());
        Assert.Throws<InvalidDataException>(() => new ResourceCursor(new MemoryStream(new byte[] { 0x80, 0x80 })).Varint());
        Assert.Throws<InvalidDataException>(() => new ResourceCursor(new MemoryStream(new byte[] { 4, (byte)'a' })).ReadWordIds(1));
        Assert.Throws<InvalidDataException>(() => new ResourceCursor(new MemoryStream(new byte[10])).ReadBytes(11));
    }
}
