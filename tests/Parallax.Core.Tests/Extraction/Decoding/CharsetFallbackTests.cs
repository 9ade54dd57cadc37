using System.Text;
using Parallax.Core.Extraction.Encoding;

namespace Parallax.Core.Tests.Extraction.Decoding;

/// <summary>Charsets browsers do not decode (UTF-7, UTF-32, EBCDIC, unknown labels) fall back instead of losing the page.</summary>
public sealed class CharsetFallbackTests
{
    [Theory]
    [InlineData("utf-7")]
    [InlineData("x-unknown-charset")]
    [InlineData("utf-32")]
    [InlineData("ibm037")]
    [InlineData("")]
    public void A_charset_browsers_ignore_gives_no_encoding(string label) => Assert.Null(TextDecoder.TryGetEncoding(label));

    [Theory]
    [InlineData("windows-1251")]
    [InlineData("utf-8")]
    [InlineData("shift_jis")]
    [InlineData("utf-16le")]
    public void A_charset_browsers_decode_is_kept(string label) => Assert.NotNull(TextDecoder.TryGetEncoding(label));

    [Fact]
    public void A_utf7_page_with_a_non_utf8_byte_is_read_as_windows_1252()
    {
        var bytes = Encoding.ASCII.GetBytes("<html><head><meta charset=\"utf-7\"></head><body><p>caf_ au lait</p></body></html>");
        bytes[Array.IndexOf(bytes, (byte)'_')] = 0xE9;

        Assert.Contains("café au lait", TextDecoder.DecodeHtml(bytes));
        Assert.Contains("café au lait", TextDecoder.Decode(bytes, "utf-7"));
    }
}
