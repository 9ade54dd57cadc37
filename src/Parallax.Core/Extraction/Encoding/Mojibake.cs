using System.Collections.Frozen;
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

    /// <summary>The first and last lead characters a run can start with (U+00C2-U+00F4), for a vectorised search.</summary>
    private const char FirstLead = '\u00C2';

    private const char LastLead = '\u00F4';

    /// <summary>Windows-1252's letters for the bytes 0x80-0x9F, each with its byte (read once from the code page).</summary>
    private static readonly FrozenDictionary<char, byte> Windows1252High = HighLetters();

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
            // Most of a page is markup and ASCII: copy up to the next possible lead character in one go.
            var next = text.AsSpan(i).IndexOfAnyInRange(FirstLead, LastLead);
            if (next != 0)
            {
                var plain = next < 0 ? text.Length - i : next;
                output.Append(text, i, plain);
                i += plain;
                continue;
            }

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
            // A vectorised jump to the next possible lead character: a page without one is read once, quickly.
            var next = text.AsSpan(i).IndexOfAnyInRange(FirstLead, LastLead);
            if (next < 0)
            {
                break;
            }

            i += next;
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
        return Windows1252High.TryGetValue(c, out var b) ? b : null;
    }

    /// <summary>
    /// The characters above U+00FF that Windows-1252 writes as one byte 0x80-0x9F, read from the code page itself (its
    /// five unassigned bytes decode to themselves, below U+0100, and need no entry).
    /// </summary>
    private static FrozenDictionary<char, byte> HighLetters()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1252 = System.Text.Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        var letters = new Dictionary<char, byte>();
        for (var b = 0x80; b <= 0x9F; b++)
        {
            var decoded = windows1252.GetString([(byte)b]);
            if (decoded.Length == 1 && decoded[0] >= '\u0100' && decoded[0] != '\uFFFD')
            {
                letters[decoded[0]] = (byte)b;
            }
        }

        return letters.ToFrozenDictionary();
    }
}
