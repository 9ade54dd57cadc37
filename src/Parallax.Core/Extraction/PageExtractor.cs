using Parallax.Core.Extraction.Html;
using Parallax.Core.Extraction.Text;

namespace Parallax.Core.Extraction;

/// <summary>Sends each page to the extractor for its format. Stateless and thread-safe.</summary>
public sealed class PageExtractor(HtmlExtractor html, TextExtractor text)
{
    public PageExtractor() : this(new HtmlExtractor(), new TextExtractor())
    {
    }

    public PageExtraction Extract(PageInput page) => page.Format switch
    {
        PageFormat.Html => html.Extract(page),
        PageFormat.Text => text.Extract(page),
        _ => PageExtraction.Failed(page.Path, $"unsupported page format {page.Format}"),
    };
}
