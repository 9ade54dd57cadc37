using Parallax.Core.Language;

namespace Parallax.Core.Extraction.Text;

/// <summary>
/// One article as the segmenter gathers it: its title, the metadata read from its lines, its paragraphs, and the lines
/// it claimed, so that an article that turns out to be none can give them back.
/// </summary>
internal sealed class TextArticleBuilder(int firstLine)
{
    /// <summary>The article's first line (its title or metadata, or its first paragraph); orders articles by page position.</summary>
    public int FirstLine { get; set; } = firstLine;

    public int Words { get; private set; }

    /// <summary>It has a paragraph of running text that ends like a sentence, and enough words to be read as an article.</summary>
    public bool HasRunningText => hasSentence && Words >= 12;

    public string? Title { get; set; }

    public string? Source { get; private set; }

    public DateTimeOffset? Published { get; private set; }

    public string? Author { get; private set; }

    public int WidestGap { get; set; }

    public List<string> Paragraphs { get; } = [];

    /// <summary>The lines given to this article, so that a rejected article can give them back without a page scan.</summary>
    public List<int> Lines { get; } = [];

    private bool hasSentence;

    public void AddParagraph(TextLine line)
    {
        Paragraphs.Add(TrailingMarker.Split(line.Text).Body);
        Words += line.Features.Words;
        hasSentence |= line.Shape == LineShape.Body && (line.Features.EndsLikeSentence || TrailingMarker.Split(line.Text).Marker is not null);
    }

    public void ReadMetadata(TextLine line, bool candidate)
    {
        switch (line.Shape)
        {
            case LineShape.DashSource or LineShape.LabelSource:
                // An explicit source line beats a bare name found beside a time.
                Source = MetadataLines.SourceOf(line) ?? Source;
                break;
            case LineShape.Short when candidate:
                Source ??= MetadataLines.SourceOf(line);
                break;
            case LineShape.Byline:
                Author ??= MetadataLines.AuthorOf(line);
                Published ??= DateParser.FromLine(line.Text);
                break;
            case LineShape.Time:
                Published ??= DateParser.FromLine(line.Text);
                break;
        }
    }

    public TextArticle Build() => new(Title, Source, Published, Author, Paragraphs.ToArray());
}
