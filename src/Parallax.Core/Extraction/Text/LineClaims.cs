namespace Parallax.Core.Extraction.Text;

/// <summary>
/// Which article each line of a page went to, and as what (title, metadata, body, boilerplate). Every line starts as
/// unclaimed boilerplate; the segmenter's walk and its rescue of unclaimed text (<see cref="UnclaimedText"/>) claim
/// lines, and an article that turns out to be none gives its lines back. At the end the claims become the
/// <see cref="TextSegmentation"/>.
/// </summary>
internal sealed class LineClaims
{
    private readonly IReadOnlyList<TextLine> lines;
    private readonly TextLineClass[] classes;
    private readonly TextArticleBuilder?[] owners;

    public LineClaims(IReadOnlyList<TextLine> lines)
    {
        this.lines = lines;
        classes = new TextLineClass[lines.Count];
        owners = new TextArticleBuilder?[lines.Count];
        Array.Fill(classes, TextLineClass.Boilerplate);
    }

    /// <summary>The article that claimed a line; null while it is unclaimed.</summary>
    public TextArticleBuilder? OwnerOf(int index) => owners[index];

    /// <summary>Gives a line to an article (or, with null, to none) as <paramref name="value"/>.</summary>
    public void Assign(int index, TextLineClass value, TextArticleBuilder? article)
    {
        classes[index] = value;
        owners[index] = article;
        article?.Lines.Add(index);
    }

    /// <summary>Adds a line to an article's text, noting the widest gap between its paragraphs.</summary>
    public void AddBody(int index, TextArticleBuilder article)
    {
        if (article.Paragraphs.Count > 0)
        {
            article.WidestGap = Math.Max(article.WidestGap, lines[index].GapBefore);
        }

        article.AddParagraph(lines[index]);
        Assign(index, TextLineClass.Body, article);
    }

    /// <summary>Gives every line of a rejected article back as unclaimed boilerplate.</summary>
    public void Release(TextArticleBuilder article)
    {
        foreach (var i in article.Lines)
        {
            Assign(i, TextLineClass.Boilerplate, null);
        }
    }

    /// <summary>
    /// The articles in the order given, every line with its class and article, and the boilerplate: unclaimed lines,
    /// metadata lines, and the trailing markers cut from body lines.
    /// </summary>
    public TextSegmentation Result(List<TextArticleBuilder> builders)
    {
        var articles = new List<TextArticle>(builders.Count);
        var indexOf = new Dictionary<TextArticleBuilder, int>(builders.Count, ReferenceEqualityComparer.Instance);
        foreach (var builder in builders)
        {
            indexOf[builder] = articles.Count;
            articles.Add(builder.Build());
        }

        var boilerplate = new List<string>();
        var classified = new List<ClassifiedLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            classified.Add(new ClassifiedLine(lines[i].Number, lines[i].Text, classes[i], owners[i] is { } o ? indexOf[o] : -1));
            if (classes[i] is TextLineClass.Boilerplate or TextLineClass.Metadata)
            {
                boilerplate.Add(lines[i].Text);
            }
            else if (classes[i] == TextLineClass.Body && TrailingMarker.Split(lines[i].Text).Marker is { } marker)
            {
                boilerplate.Add(marker);
            }
        }

        return new TextSegmentation(articles, classified, boilerplate);
    }
}
