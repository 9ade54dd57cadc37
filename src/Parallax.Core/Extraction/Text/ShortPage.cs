using Parallax.Core.Language;

namespace Parallax.Core.Extraction.Text;

/// <summary>
/// A page the segmenter found no article in: one sentence, a title and one line, a few short lines. Short articles
/// are articles, so such a page gives one, read line by line: menus and markers are boilerplate, metadata lines
/// fill the fields, the first short line before any text is the title, everything else is the body. Only a page of
/// nothing but boilerplate gives none.
/// </summary>
internal static class ShortPage
{
    public static TextSegmentation? Segment(IReadOnlyList<TextLine> lines)
    {
        string? title = null, source = null, author = null;
        DateTimeOffset? published = null;
        var paragraphs = new List<string>();
        var classified = new List<ClassifiedLine>(lines.Count);
        var boilerplate = new List<string>();
        foreach (var line in lines)
        {
            var kind = TextLineClass.Body;
            switch (line.Shape)
            {
                case LineShape.Chrome or LineShape.Marker:
                    kind = TextLineClass.Boilerplate;
                    boilerplate.Add(line.Text);
                    break;
                case LineShape.Time:
                    kind = TextLineClass.Metadata;
                    published ??= DateParser.FromLine(line.Text);
                    break;
                case LineShape.Byline:
                    kind = TextLineClass.Metadata;
                    author ??= MetadataLines.AuthorOf(line);
                    break;
                case LineShape.DashSource or LineShape.LabelSource:
                    kind = TextLineClass.Metadata;
                    source ??= MetadataLines.SourceOf(line);
                    break;
                case LineShape.Short when title is null && paragraphs.Count == 0 && lines.Count > 1:
                    kind = TextLineClass.Title;
                    title = line.Text;
                    break;
                default:
                    paragraphs.Add(line.Text);
                    break;
            }

            classified.Add(new ClassifiedLine(line.Number, line.Text, kind, kind == TextLineClass.Boilerplate ? -1 : 0));
        }

        if (paragraphs.Count == 0 && title is not null)
        {
            paragraphs.Add(title); // a title alone is also the whole text
        }

        return paragraphs.Count == 0
            ? null
            : new TextSegmentation([new TextArticle(title, source, published, author, paragraphs)], classified, boilerplate);
    }
}
