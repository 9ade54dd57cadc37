using System.Xml.Linq;

namespace Parallax.Ingest.Feeds;

/// <summary>
/// Reads a feed (RSS 2.0 and 0.9x, RSS 1.0/RDF, Atom 1.0 and 0.3, JSON Feed 1.0 and 1.1) from its bytes. Stateless and
/// thread-safe; it never throws for bad input: every file that is not a feed gets a <see cref="FeedParseResult.Error"/>
/// saying why. Links are made absolute against xml:base, the feed's own link, then <c>fetchUrl</c>.
/// </summary>
public sealed class FeedReader(FeedReaderOptions? options = null)
{
    private readonly FeedReaderOptions options = options ?? FeedReaderOptions.Default;

    /// <param name="bytes">The feed as fetched or read, not yet decoded.</param>
    /// <param name="httpCharset">The charset of the HTTP Content-Type, if any.</param>
    /// <param name="fetchUrl">Where the feed came from, the last base for relative links.</param>
    public FeedParseResult Parse(ReadOnlySpan<byte> bytes, string? httpCharset = null, string? fetchUrl = null)
    {
        if (bytes.Length == 0)
        {
            return FeedParseResult.Fail("empty file");
        }

        if (bytes.Length > options.MaxBytes)
        {
            return FeedParseResult.Fail($"the feed is {bytes.Length:N0} bytes, over the {options.MaxBytes:N0}-byte limit");
        }

        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            return FeedParseResult.Fail("gzip data, not a feed (decompress it first)");
        }

        string text;
        try
        {
            text = FeedBytes.Decode(bytes, httpCharset);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return FeedParseResult.Fail("the bytes are not text in any encoding the feed could be in");
        }

        var start = text.AsSpan().TrimStart();
        if (start.IsEmpty)
        {
            return FeedParseResult.Fail("the file holds only white space");
        }

        var baseUri = FeedLinks.AsBase(fetchUrl);
        try
        {
            if (start[0] is '{' or '[')
            {
                return JsonFeedParser.Parse(text, baseUri, options);
            }

            if (start[0] != '<')
            {
                return FeedParseResult.Fail("neither XML nor JSON: the text does not start with '<' or '{'");
            }

            if (LooksLikeHtml(start))
            {
                return FeedParseResult.Fail("an HTML page, not a feed (its site may announce a feed: try feed discovery)");
            }

            var (document, error) = FeedXml.Load(text, options);
            return document is null ? FeedParseResult.Fail(error!) : FromXml(document, baseUri);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("surrogate", StringComparison.OrdinalIgnoreCase))
        {
            return FeedParseResult.Fail("the feed holds a lone surrogate escape, which is not text");
        }
    }

    private static bool LooksLikeHtml(ReadOnlySpan<char> start) =>
        start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);

    private FeedParseResult FromXml(XDocument document, Uri? baseUri)
    {
        var root = document.Root!;
        var name = root.Name;
        if (name.LocalName == "rss" && name.Namespace == XNamespace.None)
        {
            return RssParser.ParseRss(root, baseUri, options);
        }

        if (name == RssParser.Rdf + "RDF")
        {
            return RssParser.ParseRdf(root, baseUri, options);
        }

        if (name.LocalName == "feed" && (name.Namespace == AtomParser.Atom || name.Namespace == AtomParser.Atom03))
        {
            return AtomParser.Parse(root, baseUri, options);
        }

        var what = name.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase)
            ? "an HTML page, not a feed (its address may lead to a feed: try feed discovery)"
            : $"XML, but not a feed: the root element is <{name.LocalName}>{(name.Namespace == XNamespace.None ? "" : $" in {name.Namespace}")}";
        return FeedParseResult.Fail(what);
    }
}
