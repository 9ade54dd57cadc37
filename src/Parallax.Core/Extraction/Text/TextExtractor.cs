using Parallax.Core.Extraction.Encoding;
using Parallax.Core.Language;

namespace Parallax.Core.Extraction.Text;

/// <summary>
/// Extracts the article(s) of a plain-text page, as text extractors save web pages: one block per line.
/// Each line is classified as title, body, metadata or boilerplate from its shape and its words
/// (<see cref="LineShapes"/>), then the page's structure splits it into articles (<see cref="PageSegmenter"/>):
/// an aggregator page that repeats "source / time / title / body" gives one record per item.
/// Stateless and thread-safe; bad input gives <see cref="PageExtraction.Failed"/> with a reason, never an exception.
/// </summary>
public sealed class TextExtractor
{
    /// <summary>More lines than this is not one page; the limit keeps a runaway file from costing minutes.</summary>
    public const int MaxLines = 20_000;

    /// <summary>A "line" longer than this is a dump or a minified blob, not a block of a page.</summary>
    public const int MaxLineLength = 100_000;

    /// <summary>The cap on the whole decoded page.</summary>
    public const int MaxChars = 8_000_000;

    public PageExtraction Extract(PageInput page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Content.IsEmpty)
        {
            return PageExtraction.Failed(page.Path, "empty page");
        }

        var text = TextDecoder.Decode(page.Content.Span, page.DeclaredCharset);
        var (segmentation, error) = Analyse(text);
        if (segmentation is null)
        {
            return PageExtraction.Failed(page.Path, error!);
        }

        var articles = new List<ExtractedArticle>(segmentation.Articles.Count);
        foreach (var article in segmentation.Articles)
        {
            articles.Add(new ExtractedArticle(
                article.Title ?? TitleFromBody(article.Paragraphs[0]),
                article.Source,
                Url: null,
                article.Published,
                article.Author,
                LanguageOf(article.Paragraphs),
                article.Paragraphs));
        }

        return articles.Count == 0
            ? new PageExtraction(page.Path, [], segmentation.Boilerplate, "only boilerplate: every line is a menu, a notice or a marker")
            : new PageExtraction(page.Path, articles, segmentation.Boilerplate);
    }

    /// <summary>Every non-blank line of a text with the class it ends up in; for tests and for explaining a result.</summary>
    public IReadOnlyList<ClassifiedLine> ClassifyLines(string text) =>
        Analyse(text).Segmentation?.Lines ?? [];

    /// <summary>The shape of one line on its own, before its neighbours are taken into account.</summary>
    public static LineShape ShapeOf(string line)
    {
        var trimmed = line.AsSpan().Trim();
        return LineShapes.Classify(trimmed, LineFeatures.Of(trimmed));
    }

    internal static (TextSegmentation? Segmentation, string? Error) Analyse(string text)
    {
        if (text.Length > MaxChars)
        {
            return (null, $"text page is {text.Length:N0} characters, over the {MaxChars:N0}-character limit");
        }

        if (LooksBinary(text) is { } binary)
        {
            return (null, binary);
        }

        var lines = new List<TextLine>();
        var number = 0;
        var gap = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            number++;
            if (number > MaxLines)
            {
                return (null, $"text page has more than {MaxLines:N0} lines, over the limit for one page");
            }

            if (raw.Length > MaxLineLength)
            {
                return (null, $"line {number:N0} is {raw.Length:N0} characters, over the {MaxLineLength:N0}-character limit for one block");
            }

            var trimmed = raw.Trim();
            if (trimmed.IsEmpty)
            {
                gap++;
                continue;
            }

            var features = LineFeatures.Of(trimmed);
            lines.Add(new TextLine(number, trimmed.ToString(), LineShapes.Classify(trimmed, features), features, gap));
            gap = 0;
        }

        if (lines.Count == 0)
        {
            return (null, "empty page: only whitespace");
        }

        var segmentation = lines.Count == 1 ? null : PageSegmenter.Segment(lines);
        if (segmentation is null || segmentation.Articles.Count == 0)
        {
            segmentation = ShortPage.Segment(lines) ?? segmentation;
        }

        return segmentation is null ? (null, "only boilerplate: every line is a menu, a notice or a marker") : (segmentation, null);
    }

    /// <summary>A text page declares no language: the identifier names it from the first paragraphs, or null when unsure.</summary>
    private static string? LanguageOf(IReadOnlyList<string> paragraphs)
    {
        var sample = new System.Text.StringBuilder();
        for (var i = 0; i < paragraphs.Count && sample.Length < 2000; i++)
        {
            sample.Append(paragraphs[i]).Append("\n\n");
        }

        var language = LanguageAnalyzer.IdentifyLanguage(sample.ToString());
        return language == TextAnalysis.Undetermined ? null : language;
    }

    /// <summary>Text with NULs or many control characters is a binary file read as text.</summary>
    private static string? LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 65_536));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return "binary content: the page holds NUL characters";
            }

            if (c == '\uFFFD' || char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v' or '\u0085'))
            {
                control++;
            }
        }

        return control > 8 && control * 100 > sample.Length
            ? $"binary content: {control:N0} control or undecodable characters in the first {sample.Length:N0}"
            : null;
    }

    /// <summary>A page without a title line: its first sentence stands in, cut to a headline's length.</summary>
    private static string TitleFromBody(string paragraph)
    {
        var span = paragraph.AsSpan();
        var end = span.Length;
        for (var i = 0; i + 1 < span.Length; i++)
        {
            if (span[i] is '.' or '?' or '!' && span[i + 1] == ' ' && i > 0 && char.IsLower(span[i - 1]))
            {
                end = i + 1;
                break;
            }
        }

        var sentence = span[..end];
        if (sentence.Length > 120)
        {
            var space = sentence[..120].LastIndexOf(' ');
            sentence = sentence[..(space > 40 ? space : 120)];
            return string.Concat(sentence.TrimEnd(" ,;:"), "…");
        }

        return sentence.ToString();
    }
}
