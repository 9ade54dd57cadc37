using System.Text;
using System.Text.RegularExpressions;
using Parallax.Core.Extraction.Encoding;

namespace Parallax.Ingest.Feeds;

/// <summary>
/// Decodes a feed's bytes to text. Real feeds get their encoding wrong in every way, so the order is: a byte order
/// mark wins; bytes that are valid UTF-8 and not plain ASCII are UTF-8 (a legacy feed is almost never valid UTF-8 by
/// chance, while a stale "iso-8859-1" declaration on a UTF-8 feed is common); then the XML declaration's encoding,
/// then the HTTP charset; then Windows-1252, the web's usual fallback.
/// </summary>
public static partial class FeedBytes
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, string? httpCharset)
    {
        var (bom, bomLength) = TextDecoder.FromBom(bytes);
        if (bom is not null)
        {
            return bom.GetString(bytes[bomLength..]);
        }

        // UTF-16 without a mark: "<?" spelled with zero bytes between.
        if (bytes is [(byte)'<', 0, (byte)'?', 0, ..])
        {
            return Encoding.Unicode.GetString(bytes);
        }

        if (bytes is [0, (byte)'<', 0, (byte)'?', ..])
        {
            return Encoding.BigEndianUnicode.GetString(bytes);
        }

        var ascii = Ascii.IsValid(bytes);
        if (!ascii && System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return StrictUtf8.GetString(bytes);
        }

        var declared = TextDecoder.TryGetEncoding(XmlDeclaredEncoding(bytes)) ?? TextDecoder.TryGetEncoding(httpCharset);
        if (declared is UnicodeEncoding)
        {
            // Bytes that spell an ASCII declaration are not UTF-16, whatever the declaration says.
            declared = null;
        }

        return (declared ?? (ascii ? Encoding.ASCII : Encoding.GetEncoding(1252))).GetString(bytes);
    }

    /// <summary>The encoding named in the XML declaration at the start of the bytes, or null.</summary>
    public static string? XmlDeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 256)];
        var end = head.IndexOf("?>"u8);
        if (!head.TrimStart(" \t\r\n"u8).StartsWith("<?xml"u8) || end < 0)
        {
            return null;
        }

        var match = EncodingAttribute().Match(Encoding.ASCII.GetString(head[..end]));
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"encoding\s*=\s*[""']([A-Za-z0-9._:-]+)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex EncodingAttribute();
}
