using AngleSharp;
using AngleSharp.Html.Dom;
using Parallax.Core.Extraction.Encoding;

namespace Parallax.Core.Extraction.Html;

/// <summary>
/// Extracts the article(s) of an HTML page: decode (BOM, HTTP charset, meta prescan, sniffing), estimate the tree's
/// cost (<see cref="TreeScan"/>), parse with AngleSharp, read the metadata (JSON-LD, Open Graph, meta, time
/// elements), mark boilerplate, score containers for the body, and write paragraphs, all within the page's
/// <see cref="ExtractionOptions"/> budgets. Stateless and thread-safe: build it once and share it.
/// It never throws for bad input; a page it cannot read comes back as <see cref="PageExtraction.Failed"/>.
/// </summary>
public sealed class HtmlExtractor
{
    /// <summary>A body shorter than this sends the page round again with fewer junk rules.</summary>
    private const int RetryBelowChars = 500;

    private readonly ExtractionOptions options;

    /// <summary>One browsing context for every page; each page gets its own parser, whose callbacks count its budget.</summary>
    private readonly IBrowsingContext context = BrowsingContext.New();

    public HtmlExtractor()
        : this(ExtractionOptions.Default)
    {
    }

    public HtmlExtractor(ExtractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Validate();
    }

    public PageExtraction Extract(PageInput page)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            return ExtractChecked(page);
        }
        catch (BudgetExceededException exception)
        {
            return PageExtraction.Failed(page.Path, exception.Message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A last guard so one strange page cannot end a run; the reason names what went wrong.
            return PageExtraction.Failed(page.Path, $"could not extract: {exception.GetType().Name}: {exception.Message}");
        }
    }

    private PageExtraction ExtractChecked(PageInput page)
    {
        var bytes = page.Content.Span;
        if (bytes.IsEmpty)
        {
            return PageExtraction.Failed(page.Path, "empty page");
        }

        if (bytes.Length > options.MaxBytes)
        {
            return PageExtraction.Failed(page.Path, $"page is {bytes.Length:N0} bytes, over the {options.MaxBytes:N0}-byte limit");
        }

        var budget = new PageBudget(options);
        var html = TextDecoder.DecodeHtml(bytes, page.DeclaredCharset);
        if (LooksBinary(html))
        {
            return PageExtraction.Failed(page.Path, "binary content, not HTML text");
        }

        if (string.IsNullOrWhiteSpace(html))
        {
            return PageExtraction.Failed(page.Path, "empty page (whitespace only)");
        }

        // The scan reads what the parser will read, so the estimate is of the tree AngleSharp would build.
        var source = HtmlPrefilter.Strip(html);
        var estimate = TreeScan.Scan(source, options);
        if (estimate.Refusal is not null)
        {
            return PageExtraction.Failed(page.Path, $"refused before parsing: {estimate.Refusal}");
        }

        var parsed = TreeScan.WithoutStrays(source, estimate.Strays);
        using var document = budget.Parser(context).ParseDocument(parsed);
        var body = document.Body;
        if (body is null)
        {
            return PageExtraction.Failed(page.Path, "no body element");
        }

        if (StreamedSegments.MayHold(parsed))
        {
            StreamedSegments.Place(document);
        }
        var index = DomIndex.Build(body, budget);
        if (index.TextChars.Length == 0 || index.OwnChars.Sum() == 0)
        {
            return new PageExtraction(page.Path, [], [], HasScripts(document) ? "no visible text (script-only page)" : "no visible text");
        }

        var metadata = PageMetadata.Read(document, page.Url);
        ArticlePass? best = null;
        for (var strictness = 2; strictness >= 0; strictness--)
        {
            budget.CheckTime("analysing the page");
            JunkMarker.MarkJunk(index, strictness);
            var attempt = ArticlePass.Run(index, metadata, strictness);
            if (best is null || attempt.Chars > best.Chars)
            {
                best = attempt;
            }

            // As Readability does: too little text means the junk rules ate the article; try again trusting fewer of them.
            if (attempt.Chars >= RetryBelowChars)
            {
                break;
            }
        }

        var kept = best!;
        var articles = kept.Articles;
        var removed = kept.OutsideBlocks(index);
        removed.AddRange(kept.Boilerplate);

        // Blocks from around and inside the articles, merged back into page order (a stable sort keeps ties in place).
        var outside = removed.OrderBy(b => b.Order).Select(b => b.Text).ToList();
        if (articles.Count == 0)
        {
            // Say how much text there was, so that a one-word page and a page of link lists read differently.
            var reason = index.TooDeep
                ? $"no article found (elements nested deeper than {DomIndex.MaxDepth} levels)"
                : $"no article found ({index.OwnChars.Sum():N0} characters of visible text, none of it read as article prose)";
            return new PageExtraction(page.Path, [], outside, reason);
        }

        return new PageExtraction(page.Path, articles, outside);
    }

    private static bool HasScripts(IHtmlDocument document) => document.GetElementsByTagName("script").Length > 0;

    /// <summary>NUL characters or many control characters early in the text mean the bytes are not a text document.</summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 4096));
        var controls = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f'))
            {
                controls++;
            }
        }

        return controls > sample.Length / 20;
    }
}
