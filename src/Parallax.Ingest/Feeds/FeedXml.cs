using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Parallax.Ingest.Feeds;

/// <summary>
/// Loads a feed's XML safely and leniently. A DTD is never processed: no entity it declares is expanded (the
/// "billion laughs" bomb) and no external entity or schema is fetched (XXE); a feed that uses a declared entity is
/// refused with that reason. What real feeds get wrong and a browser forgives is repaired on a second try: HTML
/// entities such as &amp;nbsp; that XML does not know, and bare ampersands ("AT&amp;T"). Depth and size are bounded.
/// </summary>
internal static partial class FeedXml
{
    private static readonly HashSet<string> XmlEntities = new(StringComparer.Ordinal) { "amp", "lt", "gt", "quot", "apos" };

    /// <summary>The document, or the reason it cannot be read as XML.</summary>
    public static (XDocument? Document, string? Error) Load(string text, FeedReaderOptions options)
    {
        var (document, error, repairable) = TryLoad(text, options);
        if (document is not null || !repairable)
        {
            return (document, error);
        }

        var (repaired, _, _) = TryLoad(Repair(text), options);
        return repaired is not null ? (repaired, null) : (null, error);
    }

    private static (XDocument? Document, string? Error, bool Repairable) TryLoad(string text, FeedReaderOptions options)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = (long)options.MaxBytes * 2,
            CheckCharacters = false,
            IgnoreProcessingInstructions = true,
            IgnoreComments = true,
        };

        try
        {
            // A first pass bounds the depth before a tree is built; the second builds it.
            using (var scan = XmlReader.Create(new StringReader(text), settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth > options.MaxDepth)
                    {
                        return (null, $"the XML nests deeper than {options.MaxDepth} elements, which no feed does; refused", false);
                    }
                }
            }

            using var reader = XmlReader.Create(new StringReader(text), settings);
            return (XDocument.Load(reader, LoadOptions.None), null, false);
        }
        catch (XmlException e)
        {
            var declaresEntities = text.Contains("<!ENTITY", StringComparison.Ordinal);
            if (e.Message.Contains("undeclared entity", StringComparison.OrdinalIgnoreCase) && declaresEntities)
            {
                return (null, "the feed uses entities declared in its DTD; DTDs are not processed (this is how entity-expansion " +
                    "and external-entity attacks work), so it is refused", false);
            }

            if (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
            {
                return (null, $"the XML is longer than the {options.MaxBytes:N0}-byte limit", false);
            }

            return (null, $"not well-formed XML ({Describe(e)})", !declaresEntities);
        }
    }

    /// <summary>The parser's complaint as a short phrase, with where it is.</summary>
    private static string Describe(XmlException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        return $"{message.TrimEnd('.', ' ')}, at line {e.LineNumber}, position {e.LinePosition}";
    }

    /// <summary>HTML entities as character references, and bare ampersands escaped: what a browser forgives in a feed.</summary>
    private static string Repair(string text) => Ampersand().Replace(text, match =>
    {
        var name = match.Groups["name"];
        if (!name.Success)
        {
            return match.Value.StartsWith("&#", StringComparison.Ordinal) ? match.Value : "&amp;" + match.Value[1..];
        }

        if (XmlEntities.Contains(name.Value))
        {
            return match.Value;
        }

        var decoded = WebUtility.HtmlDecode(match.Value);
        if (decoded == match.Value)
        {
            return "&amp;" + match.Value[1..];
        }

        var builder = new StringBuilder();
        for (var i = 0; i < decoded.Length; i += char.IsSurrogatePair(decoded, i) ? 2 : 1)
        {
            builder.Append("&#").Append(char.ConvertToUtf32(decoded, i)).Append(';');
        }

        return builder.ToString();
    });

    // A named reference, a numeric one (kept), or a bare ampersand (escaped).
    [GeneratedRegex(@"&(?:(?<name>[A-Za-z][A-Za-z0-9]{1,31});|#[0-9]{1,7};|#x[0-9A-Fa-f]{1,6};)?", RegexOptions.CultureInvariant)]
    private static partial Regex Ampersand();
}
