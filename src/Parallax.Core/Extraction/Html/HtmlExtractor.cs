namespace Parallax.Core.Extraction.Html;

/// <summary>Extracts the article(s) of an HTML page. PLACEHOLDER: being written.</summary>
public sealed class HtmlExtractor
{
    public PageExtraction Extract(PageInput page) => PageExtraction.Failed(page.Path, "HTML extraction not written yet");
}
