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
    public void A_truncated_resource_is_refused_not_misread()
    {
        Assert.Throws<InvalidDataException>(() => new ResourceCursor(new MemoryStream(new byte[3])).ReadInt32());
        Assert.Throws<InvalidDataException>(() => new ResourceCursor(new MemoryStream(new byte[] { 0x80, 0x80 })).Varint());
        Assert.Throws<InvalidDataException>(() => new ResourceCursor(new MemoryStream(new byte[] { 4, (byte)'a' })).ReadWordIds(1));
        Assert.Throws<InvalidDataException>(() => new ResourceCursor(new MemoryStream(new byte[10])).ReadBytes(11));
    }
}
