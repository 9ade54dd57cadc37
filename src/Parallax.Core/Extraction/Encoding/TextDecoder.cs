using System.Text;

namespace Parallax.Core.Extraction.Encoding;

/// <summary>
/// Turns a page's bytes into text: a byte order mark wins, then a charset declared outside the document,
/// then valid UTF-8, and Windows-1252 as the web's usual fallback for bytes that are not UTF-8. Text read as UTF-8 that
/// was encoded twice is repaired (<see cref="Mojibake"/>).
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
            return Mojibake.Repair(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return System.Text.Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    /// <summary>
    /// Decodes an HTML document: a byte order mark wins; then bytes that are valid UTF-8 with non-ASCII
    /// sequences are read as UTF-8 (a legacy page is almost never valid UTF-8 by chance, while a stale
    /// header or meta tag on a re-saved page is common); then the HTTP charset, then a
    /// <c>&lt;meta charset&gt;</c> or <c>http-equiv</c> declaration found by a prescan of the first bytes,
    /// and Windows-1252 last.
    /// </summary>
    public static string DecodeHtml(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        var (encoding, bomLength) = FromBom(bytes);
        if (encoding is not null)
        {
            return encoding.GetString(bytes[bomLength..]);
        }

        var ascii = System.Text.Ascii.IsValid(bytes);
        if (!ascii && System.Text.Unicode.Utf8.IsValid(bytes))
        {
            // Valid UTF-8 is also what a page encoded twice looks like; its runs are put back (Mojibake).
            return Mojibake.Repair(StrictUtf8.GetString(bytes));
        }

        var chosen = TryGetEncoding(declaredCharset) ?? TryGetEncoding(PrescanMetaCharset(bytes));
        if (chosen is not null)
        {
            // A document cannot declare itself UTF-16 in ASCII bytes; the HTML standard reads that label as UTF-8.
            if (chosen is UnicodeEncoding)
            {
                chosen = System.Text.Encoding.UTF8;
            }

            return chosen.GetString(bytes);
        }

        return ascii ? System.Text.Encoding.ASCII.GetString(bytes) : System.Text.Encoding.GetEncoding(1252).GetString(bytes);
    }

    /// <summary>
    /// The charset label of the first <c>&lt;meta charset=...&gt;</c> or
    /// <c>&lt;meta http-equiv="Content-Type" content="...; charset=..."&gt;</c> in the document's first bytes,
    /// or null. Like the HTML standard's prescan it reads the bytes as ASCII and skips comments.
    /// </summary>
    public static string? PrescanMetaCharset(ReadOnlySpan<byte> bytes)
    {
        // The standard looks at 1024 bytes; real pages often put the tag later, after long comments or scripts.
        var head = bytes[..Math.Min(bytes.Length, PrescanBytes)];
        var i = 0;
        while (i < head.Length)
        {
            var lt = head[i..].IndexOf((byte)'<');
            if (lt < 0)
            {
                return null;
            }

            i += lt;
            if (head[i..].StartsWith("<!--"u8))
            {
                var end = head[(i + 4)..].IndexOf("-->"u8);
                if (end < 0)
                {
                    return null;
                }

                i += 4 + end + 3;
                continue;
            }

            var close = head[i..].IndexOf((byte)'>');
            var tag = close < 0 ? head[i..] : head[i..(i + close)];
            i += close < 0 ? tag.Length : close + 1;
            if (tag.Length < 6 || !IsAsciiWordIgnoreCase(tag[1..5], "meta"u8) || !IsTagNameEnd(tag[5]))
            {
                continue;
            }

            var label = CharsetIn(tag);
            if (label is not null)
            {
                return label;
            }
        }

        return null;
    }

    private const int PrescanBytes = 8192;

    private static bool IsTagNameEnd(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'/';

    private static bool IsAsciiWordIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> lowerWord)
    {
        if (bytes.Length != lowerWord.Length)
        {
            return false;
        }

        for (var k = 0; k < bytes.Length; k++)
        {
            if ((bytes[k] | 0x20) != lowerWord[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value after "charset=" in a meta tag's bytes (in a charset attribute or inside content), or null.</summary>
    private static string? CharsetIn(ReadOnlySpan<byte> tag)
    {
        for (var k = 0; k + 7 <= tag.Length; k++)
        {
            if (!IsAsciiWordIgnoreCase(tag.Slice(k, 7), "charset"u8))
            {
                continue;
            }

            var j = k + 7;
            while (j < tag.Length && tag[j] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                j++;
            }

            if (j >= tag.Length || tag[j] != (byte)'=')
            {
                continue;
            }

            j++;
            while (j < tag.Length && tag[j] is (byte)' ' or (byte)'"' or (byte)'\'' or (byte)'\t')
            {
                j++;
            }

            var start = j;
            while (j < tag.Length && (char.IsAsciiLetterOrDigit((char)tag[j]) || tag[j] is (byte)'-' or (byte)'_' or (byte)':' or (byte)'.'))
            {
                j++;
            }

            if (j > start)
            {
                return System.Text.Encoding.ASCII.GetString(tag[start..j]);
            }
        }

        return null;
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

        System.Text.Encoding encoding;
        try
        {
            encoding = System.Text.Encoding.GetEncoding(label);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // Unknown labels, and UTF-7 (which .NET refuses: SYSLIB0001), fall back as browsers do.
            return null;
        }

        // Browsers decode only ASCII-compatible encodings and UTF-16 (the WHATWG encoding standard); UTF-7, UTF-32
        // and EBCDIC labels are ignored there, and a page that names one is read as if it had named none.
        return encoding.CodePage != Utf7CodePage && (encoding is UnicodeEncoding || IsAsciiCompatible(encoding)) ? encoding : null;
    }

    private const int Utf7CodePage = 65000;

    private static bool IsAsciiCompatible(System.Text.Encoding encoding) =>
        encoding.GetBytes("<meta charset=\"a\">").AsSpan().SequenceEqual("<meta charset=\"a\">"u8);
}
