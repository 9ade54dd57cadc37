using System.Text;
using Parallax.Core.Extraction.Encoding;

namespace Parallax.Core.Tests.Extraction.Decoding;

/// <summary>Pages whose text was encoded as UTF-8 twice are read as their writer wrote them; ordinary accents are left alone.</summary>
public sealed class MojibakeTests
{
    private static readonly Encoding Windows1252 = CodePages();

    /// <summary>What a system that read UTF-8 as <paramref name="misread"/> and saved it as UTF-8 again makes of a text.</summary>
    private static byte[] EncodedTwice(string text, Encoding misread) =>
        Encoding.UTF8.GetBytes(misread.GetString(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void A_page_encoded_twice_through_windows_1252_reads_as_written()
    {
        const string Written = "<html><body><p>We’ve seen the café’s “new” menu — it’s 5 € cheaper.</p></body></html>";
        var bytes = EncodedTwice(Written, Windows1252);
        Assert.Contains("â€™", Encoding.UTF8.GetString(bytes));

        Assert.Equal(Written, TextDecoder.DecodeHtml(bytes));
        Assert.Equal(Written, TextDecoder.Decode(bytes));
    }

    [Fact]
    public void A_page_encoded_twice_through_latin_1_reads_as_written()
    {
        const string Written = "<p>Naïve résumés aren’t rare in São Paulo.</p>";
        Assert.Equal(Written, TextDecoder.DecodeHtml(EncodedTwice(Written, Encoding.Latin1)));
    }

    [Fact]
    public void Every_windows_1252_letter_for_the_bytes_0x80_to_0x9F_is_put_back()
    {
        // Each of the code page's letters there (€ ‚ ƒ „ ... Ÿ) ends a run somewhere: "’" is E2 80 99, "Š" is C5 A0... the
        // repair's table of them must hold every one, whatever stands in the prose around them.
        var letters = new StringBuilder();
        for (var b = 0x80; b <= 0x9F; b++)
        {
            var letter = Windows1252.GetString([(byte)b]);
            if (letter[0] >= '\u0100')
            {
                letters.Append(letter).Append(' ');
            }
        }

        var written = "<p>plain ASCII first, " + letters + "and after them œuvre, naïve, 東京 and ‘quotes’.</p>";
        Assert.Equal(27, letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(written, TextDecoder.DecodeHtml(EncodedTwice(written, Windows1252)));
    }

    [Theory]
    [InlineData("Ça coûte 5 €, à peu près. Élève, ôte ça!")]
    [InlineData("A informação está disponível: ação, não, então.")]
    [InlineData("Äpfel, Öl und Übermaß — straße.")]
    [InlineData("Ã is a letter, and so is ©; one pair Ã© alone is not a pattern.")]
    public void Ordinary_accented_text_is_left_as_it_is(string text) => Assert.Equal(text, Mojibake.Repair(text));

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
