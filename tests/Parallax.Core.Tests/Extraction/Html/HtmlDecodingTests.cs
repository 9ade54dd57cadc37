using System.Text;
using Parallax.Core.Extraction.Encoding;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>How HTML bytes become text: BOM, valid UTF-8, HTTP charset, meta prescan, fallback.</summary>
public sealed class HtmlDecodingTests
{
    static HtmlDecodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("<meta charset=\"windows-1251\">", "windows-1251")]
    [InlineData("<meta charset=koi8-r>", "koi8-r")]
    [InlineData("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-2\">", "ISO-8859-2")]
    [InlineData("<meta http-equiv='content-type' content='text/html;charset=shift_jis' />", "shift_jis")]
    [InlineData("<!-- <meta charset=\"utf-16\"> --><meta charset=\"gb2312\">", "gb2312")]
    [InlineData("<metadata charset=\"x\"><meta name=\"viewport\" content=\"width=device-width\">", null)]
    [InlineData("<p>no meta at all</p>", null)]
    public void Prescan_finds_the_declared_charset(string head, string? expected)
    {
        var bytes = Encoding.ASCII.GetBytes("<html><head>" + head + "</head><body></body></html>");

        Assert.Equal(expected, TextDecoder.PrescanMetaCharset(bytes));
    }

    [Fact]
    public void Meta_charset_decodes_a_legacy_page()
    {
        var html = "<html><head><meta charset=\"windows-1251\"></head><body>Новости дня</body></html>";

        var text = TextDecoder.DecodeHtml(Encoding.GetEncoding(1251).GetBytes(html));

        Assert.Contains("Новости дня", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_charset_wins_over_the_meta_tag_for_legacy_bytes()
    {
        var html = "<html><head><meta charset=\"iso-8859-1\"></head><body>Новости</body></html>";

        var text = TextDecoder.DecodeHtml(Encoding.GetEncoding("koi8-r").GetBytes(html), "koi8-r");

        Assert.Contains("Новости", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_order_mark_wins_over_everything()
    {
        var html = "<html><head><meta charset=\"windows-1252\"></head><body>Grüße</body></html>";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(html)).ToArray();

        var text = TextDecoder.DecodeHtml(bytes, "iso-8859-1");

        Assert.Contains("Grüße", text, StringComparison.Ordinal);
        Assert.False(text.StartsWith('\uFEFF'));
    }

    [Fact]
    public void Valid_utf8_wins_over_a_stale_legacy_declaration()
    {
        var html = "<html><head><meta charset=\"iso-8859-1\"></head><body>São Paulo, Zürich</body></html>";

        var text = TextDecoder.DecodeHtml(Encoding.UTF8.GetBytes(html), "windows-1251");

        Assert.Contains("São Paulo, Zürich", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Undeclared_legacy_bytes_fall_back_to_windows_1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<p>café – déjà vu</p>");

        Assert.Equal("<p>café – déjà vu</p>", TextDecoder.DecodeHtml(bytes));
    }

    [Fact]
    public void Utf16_declared_in_ascii_bytes_is_read_as_utf8()
    {
        var bytes = Encoding.ASCII.GetBytes("<meta charset=\"utf-16\"><p>plain</p>");

        Assert.Equal("<meta charset=\"utf-16\"><p>plain</p>", TextDecoder.DecodeHtml(bytes));
    }
}
