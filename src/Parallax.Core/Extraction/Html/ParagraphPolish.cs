namespace Parallax.Core.Extraction.Html;

/// <summary>
/// The last cleaning of an article's written paragraphs, where whole paragraphs are judged against each other and the
/// title rather than by their markup: what a page repeats or appends around the article, kept as boilerplate.
/// </summary>
internal static class ParagraphPolish
{
    /// <summary>
    /// Drops paragraphs that repeat the title or are only links, a second copy of the text (<see cref="RepeatedRuns"/>),
    /// and a publisher's appeal that ends the article (as one block), moving them to the boilerplate.
    /// </summary>
    public static List<string> Polish(List<WrittenParagraph> written, string? title, List<BoilerplateBlock> boilerplate, out string? dateline)
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
}
