using System.Text;

namespace Parallax.Core.Extraction.Encoding;

/// <summary>
/// Turns a page's bytes into text: a byte order mark wins, then a charset declared outside the document,
/// then valid UTF-8, and Windows-1252 as the web's usual fallback for bytes that are not UTF-8.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder()
    {
        // Windows-1252 and the other legacy code pages live in this provider. Registering is idempotent and global by design of .NET.
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        var (encoding, bomLength) = FromBom(bytes);
        if (encoding is not null)
        {
            return encoding.GetString(bytes[bomLength..]);
        }

        if (TryGetEncoding(declaredCharset) is { } declared)
        {
            return declared.GetString(bytes);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return System.Text.Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    /// <summary>The encoding a byte order mark names, and the mark's length; (null, 0) without one.</summary>
    public static (System.Text.Encoding? Encoding, int BomLength) FromBom(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (System.Text.Encoding.UTF8, 3),
        [0xFF, 0xFE, ..] => (System.Text.Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (System.Text.Encoding.BigEndianUnicode, 2),
        _ => (null, 0),
    };

    /// <summary>The encoding for a charset label ("utf-8", "iso-8859-1", "windows-1251"...), or null when unknown.</summary>
    public static System.Text.Encoding? TryGetEncoding(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        var label = charset.Trim().Trim('"', '\'').ToLowerInvariant();

        // The WHATWG encoding standard reads these labels as Windows-1252, since that is what pages labelled so really use.
        if (label is "iso-8859-1" or "latin1" or "us-ascii" or "ascii" or "l1")
        {
            label = "windows-1252";
        }

        try
        {
            return System.Text.Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
