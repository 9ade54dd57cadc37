namespace Parallax.Core.Extraction.Text;

/// <summary>Extracts the article(s) of a plain-text page. PLACEHOLDER: being written.</summary>
public sealed class TextExtractor
{
    public PageExtraction Extract(PageInput page) => PageExtraction.Failed(page.Path, "text extraction not written yet");
}
