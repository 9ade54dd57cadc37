using System.Diagnostics;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace Parallax.Core.Extraction.Html;

/// <summary>
/// One page's budgets while AngleSharp parses it and the extractor walks it: elements created, nodes indexed,
/// visible characters, and the wall clock as a last guard. Passing one throws <see cref="BudgetExceededException"/>,
/// which <see cref="HtmlExtractor"/> turns into the page's refusal; the work stops where the budget ran out, not
/// after the whole page is built. Per-page state: one instance per page.
/// </summary>
internal sealed class PageBudget(ExtractionOptions options)
{
    /// <summary>The clock is read once per this many parser tokens or indexed nodes: cheap, and still often.</summary>
    private const int ClockEvery = 1_024;

    private readonly long deadline = Stopwatch.GetTimestamp() + (long)(options.TimeLimit.TotalSeconds * Stopwatch.Frequency);
    private long created;
    private long tokens;
    private long nodes;
    private long textChars;

    /// <summary>A parser for this page alone, whose callbacks charge this budget.</summary>
    public HtmlParser Parser(IBrowsingContext context) => new(
        new HtmlParserOptions
        {
            SkipComments = true,
            SkipRawText = true,
            SkipCDATA = true,
            SkipProcessingInstructions = true,
            IsKeepingSourceReferences = false,
            DisableElementPositionTracking = true,
            OnCreated = OnCreated,
            OnToken = OnToken,
        },
        context);

    /// <summary>Charges one indexed node (element or text) and its visible characters.</summary>
    public void Index(int chars)
    {
        nodes++;
        textChars += chars;
        if (nodes > options.MaxNodes)
        {
            throw new BudgetExceededException($"the page holds over {options.MaxNodes:N0} DOM nodes");
        }

        if (textChars > options.MaxTextChars)
        {
            throw new BudgetExceededException($"the page holds over {options.MaxTextChars:N0} characters of visible text; no single article is that long");
        }

        if (nodes % ClockEvery == 0)
        {
            CheckTime("indexing the page");
        }
    }

    public void CheckTime(string stage)
    {
        if (Stopwatch.GetTimestamp() > deadline)
        {
            throw new BudgetExceededException($"{stage} passed the {options.TimeLimit.TotalSeconds:0.###}-second time limit");
        }
    }

    private void OnCreated(IElement element, TextPosition position)
    {
        if (++created > options.MaxNodes)
        {
            throw new BudgetExceededException($"parsing created over {options.MaxNodes:N0} elements");
        }
    }

    private void OnToken(HtmlToken token, TextRange range)
    {
        if (++tokens % ClockEvery == 0)
        {
            CheckTime("parsing the page");
        }
    }
}

/// <summary>A page passed one of its budgets; the message is the refusal's reason.</summary>
internal sealed class BudgetExceededException(string reason) : Exception(reason);
