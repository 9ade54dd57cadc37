using System.Text;

namespace Parallax.Core.Extraction.Encoding;

/// <summary>
/// Repairs text that was encoded as UTF-8 twice: a publisher's system read UTF-8 bytes as Windows-1252 (or Latin-1)
/// and saved the characters it saw as UTF-8 again, so "we’ve" reaches us as "weâ€™ve". Each such run is a lead
/// character (U+00C2-U+00F4) followed by the one to three characters that stand for UTF-8 continuation bytes
/// (0x80-0xBF, as Latin-1 or as Windows-1252's letters for 0x80-0x9F), and it is put back only when those bytes decode to
/// one character. Ordinary accented text almost never forms such a run ("é", "ção", "Ä" stand before letters, not
/// before "€", "™" or "\u0099"), and a text is repaired only when it holds several of them.
/// </summary>
public static class Mojibake
{
    /// <summary>Runs a text must hold before any is repaired: one could be a symbol beside a capital, several are a pattern.</summary>
    private const int MinRuns = 2;

    private static readonly System.Text.Encoding Windows1252 = CodePages();

    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Count(text, MinRuns) < MinRuns)
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (Run(text, i) is { Length: > 0 } run)
            {
                output.Append(run.Decoded);
                i += run.Length;
            }
            else
            {
                output.Append(text[i++]);
            }
        }

        return output.ToString();
    }

    private static int Count(string text, int enough)
    {
        var found = 0;
        for (var i = 0; i < text.Length && found < enough; i++)
        {
            if (Run(text, i) is { Length: > 0 } run)
            {
                found++;
                i += run.Length - 1;
            }
        }

        return found;
    }

    /// <summary>The double-encoded character starting at <paramref name="start"/>, or length 0.</summary>
    private static (int Length, string Decoded) Run(string text, int start)
    {
        var lead = text[start];
        var continuations = lead switch
        {
            >= '\u00C2' and <= '\u00DF' => 1,
            >= '\u00E0' and <= '\u00EF' => 2,
            >= '\u00F0' and <= '\u00F4' => 3,
            _ => 0,
        };
        if (continuations == 0 || start + continuations >= text.Length)
        {
            return (0, "");
        }

        Span<byte> bytes = stackalloc byte[4];
        bytes[0] = (byte)lead;
        for (var k = 1; k <= continuations; k++)
        {
            if (ContinuationByte(text[start + k]) is not { } b)
            {
                return (0, "");
            }

            bytes[k] = b;
        }

        var utf8 = bytes[..(continuations + 1)];
        return System.Text.Unicode.Utf8.IsValid(utf8) ? (continuations + 1, System.Text.Encoding.UTF8.GetString(utf8)) : (0, "");
    }

    /// <summary>The byte 0x80-0xBF a character stands for when UTF-8 was read as Windows-1252 or Latin-1, or null.</summary>
    private static byte? ContinuationByte(char c)
    {
        if (c is >= '\u0080' and <= '\u00BF')
        {
            return (byte)c;
        }

        if (c < '\u0100')
        {
            return null;
        }

        // Windows-1252's letters for 0x80-0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ).
        Span<char> one = [c];
        Span<byte> back = stackalloc byte[2];
        return Windows1252.GetBytes(one, back) == 1 && back[0] is >= 0x80 and <= 0x9F ? back[0] : null;
    }

    private static System.Text.Encoding CodePages()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1252, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
    }
}
