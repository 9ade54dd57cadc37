using AngleSharp;
using AngleSharp.Dom;
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
        Attempt? best = null;
        for (var strictness = 2; strictness >= 0; strictness--)
        {
            budget.CheckTime("analysing the page");
            JunkMarker.MarkJunk(index, strictness);
            var attempt = Articles(index, metadata, strictness);
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

        var (articles, containers, boilerplate, _) = best!;
        var removed = OutsideBlocks(index, containers);
        removed.AddRange(boilerplate);

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

    /// <summary>The articles of one pass over the page at one junk strictness.</summary>
    private sealed record Attempt(List<ExtractedArticle> Articles, List<int> Containers, List<BoilerplateBlock> Boilerplate, int Chars);

    private static Attempt Articles(DomIndex index, PageMetadata metadata, int strictness)
    {
        var scopes = ArticleScopes.Find(index);
        var articles = new List<ExtractedArticle>(scopes.Count);
        var containers = new List<int>();
        var boilerplate = new List<BoilerplateBlock>();
        var chars = 0;
        foreach (var scope in scopes)
        {
            var choice = BodyFinder.Find(index, scope, strictness);
            if (choice is null)
            {
                continue;
            }

            var writer = new ParagraphWriter(index, choice.Removed);
            foreach (var container in choice.Containers)
            {
                writer.Write(index.Elements[container]);
            }

            containers.AddRange(choice.Containers);
            var own = scopes.Count > 1 ? ArticleOwnMetadata(index.Elements[scope], metadata) : metadata;
            var paragraphs = Polish(writer.Paragraphs, own.Title, boilerplate, out var dateline);
            if (own.Published is null)
            {
                // No machine-readable date: read the visible dateline, in the body or among the short blocks cut from it.
                var date = dateline is null ? null : Dates.FromDateline(dateline);
                for (var b = 0; b < writer.Boilerplate.Count && date is null; b++)
                {
                    var block = writer.Boilerplate[b].Text;
                    date = block.Length <= 120 ? Dates.FromDateline(block) : null;
                }

                own = own with { Published = date };
            }

            if (own.Author is null && dateline is not null && ParagraphFilter.BylineName(dateline) is { Length: > 0 } name)
            {
                own = own with { Author = name };
            }

            boilerplate.AddRange(writer.Boilerplate);
            if (paragraphs.Count == 0)
            {
                continue;
            }

            // No author in the metadata or the dateline: the byline element the page marks as the author's name.
            own = own.Author is null ? own with { Author = BylineElement(index.Elements[scope]) } : own;

            foreach (var paragraph in paragraphs)
            {
                chars += paragraph.Length;
            }

            articles.Add(new ExtractedArticle(
                own.Title ?? FirstHeading(index.Elements[scope]) ?? paragraphs[0],
                own.Source,
                own.Url,
                own.Published,
                own.Author,
                own.Language,
                paragraphs));
        }

        return new Attempt(articles, containers, boilerplate, chars);
    }

    /// <summary>The title, source, date, author and address an article element carries itself, over the page's.</summary>
    private static PageMetadata ArticleOwnMetadata(IElement article, PageMetadata page)
    {
        var title = FirstHeading(article);
        DateTimeOffset? published = null;
        string? source = null;
        string? author = null;
        string? url = null;
        foreach (var element in FirstDescendants(article, 2000))
        {
            if (published is null && element.LocalName == "time")
            {
                published = Dates.Parse(element.GetAttribute("datetime"));
            }

            if (url is null && element.LocalName == "a" && element.ParentElement?.LocalName is "h1" or "h2" or "h3")
            {
                url = element.GetAttribute("href");
            }

            var role = element.GetAttribute("itemprop") ?? element.GetAttribute("class");
            if (role is null || role.Length > 200)
            {
                continue;
            }

            if (source is null && NamesRole(role, "source", "publisher", "provider", "outlet", "origin"))
            {
                source = ShortText(element);
            }
            else if (author is null && NamesRole(role, "author", "byline", "creator"))
            {
                author = ShortText(element);
            }
        }

        return page with
        {
            Title = title ?? page.Title,
            Source = source ?? page.Source,
            Published = published ?? page.Published,
            Author = author,
            Url = Resolve(url, page.Url),
        };
    }

    /// <summary>
    /// The author's name from the element the markup names for it: rel="author", itemprop="author", or a class or id
    /// naming the author or byline, the first one short enough to be a name ("By" and the like taken off).
    /// </summary>
    private static string? BylineElement(IElement scope)
    {
        foreach (var element in FirstDescendants(scope, 3000))
        {
            var named = element.GetAttribute("rel") is "author"
                || element.GetAttribute("itemprop") is "author"
                || (element.GetAttribute("class") is { Length: <= 200 } words && NamesRole(words, "author-name", "authorname", "byline", "author"));
            if (!named || ShortText(element) is not { } text)
            {
                continue;
            }

            var name = ParagraphFilter.BylineName(text) ?? text;
            if (name.Length is > 2 and <= 60 && char.IsLetter(name[0]))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// The first <paramref name="limit"/> elements below <paramref name="scope"/> in document order, walked lazily: a tag-name
    /// collection of "*" gathers the whole subtree (and its Length and indexer walk it again) where the search stops early.
    /// </summary>
    private static IEnumerable<IElement> FirstDescendants(IElement scope, int limit) => scope.GetDescendants().OfType<IElement>().Take(limit);

    /// <summary>An href made absolute against the page's address; null when it cannot be.</summary>
    private static string? Resolve(string? href, string? pageUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }

        return Uri.TryCreate(pageUrl, UriKind.Absolute, out var basis) && Uri.TryCreate(basis, href, out var resolved) ? resolved.ToString() : null;
    }

    private static bool NamesRole(string words, params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (words.Contains(role, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An element's text when it is short enough to be a name, else null.</summary>
    private static string? ShortText(IElement element)
    {
        var text = ParagraphWriter.TextOf(element);
        return text.Length is > 0 and <= 80 ? text : null;
    }

    private static string? FirstHeading(IElement scope)
    {
        foreach (var tag in (ReadOnlySpan<string>)["h1", "h2", "h3"])
        {
            var headings = scope.GetElementsByTagName(tag);
            if (headings.Length > 0)
            {
                var text = ParagraphWriter.TextOf(headings[0]);
                if (text.Length > 0)
                {
                    return text;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Drops paragraphs that repeat the title or are only links, a second copy of the text (<see cref="RepeatedRuns"/>),
    /// and a publisher's appeal that ends the article (as one block), moving them to the boilerplate.
    /// </summary>
    private static List<string> Polish(List<WrittenParagraph> written, string? title, List<BoilerplateBlock> boilerplate, out string? dateline)
    {
        var paragraphs = new List<string>(written.Count);
        var orders = new List<int>(written.Count);
        dateline = null;
        foreach (var paragraph in written)
        {
            var text = paragraph.Text;
            var reason = ParagraphFilter.Judge(paragraph, title);
            var drop = reason != DropReason.None;
            if (reason is DropReason.Dateline or DropReason.Byline)
            {
                dateline ??= text;
            }

            if (drop)
            {
                boilerplate.Add(new BoilerplateBlock(paragraph.Order, text));
            }
            else
            {
                paragraphs.Add(text);
                orders.Add(paragraph.Order);
            }
        }

        var copy = RepeatedRuns.Find(paragraphs);
        for (var k = paragraphs.Count - 1; k >= 0; k--)
        {
            if (copy[k])
            {
                boilerplate.Add(new BoilerplateBlock(orders[k], paragraphs[k]));
                paragraphs.RemoveAt(k);
                orders.RemoveAt(k);
            }
        }

        var appeal = PublisherAppeal.Start(paragraphs);
        if (appeal > 0)
        {
            boilerplate.Add(new BoilerplateBlock(orders[appeal], string.Join(' ', paragraphs.Skip(appeal))));
            paragraphs.RemoveRange(appeal, paragraphs.Count - appeal);
        }

        return paragraphs;
    }

    /// <summary>One boilerplate block per maximal subtree that holds no part of any article.</summary>
    private static List<BoilerplateBlock> OutsideBlocks(DomIndex index, List<int> containers)
    {
        var blocks = new List<BoilerplateBlock>();
        var i = 1;
        while (i < index.Count)
        {
            var holds = false;
            var inside = false;
            foreach (var c in containers)
            {
                if (c == i)
                {
                    inside = true;
                }
                else if (index.IsInside(c, i))
                {
                    holds = true;
                }
            }

            if (inside)
            {
                i = index.End[i];
                continue;
            }

            if (holds)
            {
                i++;
                continue;
            }

            var text = ParagraphWriter.TextOf(index.Elements[i]);
            if (text.Length > 0)
            {
                blocks.Add(new BoilerplateBlock(i, text));
            }

            i = index.End[i];
        }

        return blocks;
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
