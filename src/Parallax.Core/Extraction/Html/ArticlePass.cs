using Parallax.Core.Language;

namespace Parallax.Core.Extraction.Html;

/// <summary>
/// The articles of one pass over the page at one junk strictness: for each article scope, the body containers, the
/// paragraphs written from them and polished, and the article's metadata; with the containers and the boilerplate
/// cut inside them, so that the pass the extractor keeps can say what lay outside. The extractor runs passes of
/// falling strictness until one finds enough text.
/// </summary>
internal sealed record ArticlePass(List<ExtractedArticle> Articles, List<int> Containers, List<BoilerplateBlock> Boilerplate, int Chars)
{
    public static ArticlePass Run(DomIndex index, PageMetadata metadata, int strictness)
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
            var own = scopes.Count > 1 ? ArticleMetadata.ReadOwn(index.Elements[scope], metadata) : metadata;
            var paragraphs = ParagraphPolish.Polish(writer.Paragraphs, own.Title, boilerplate, out var dateline);
            if (own.Published is null)
            {
                // No machine-readable date: read the visible dateline, in the body or among the short blocks cut from it.
                var date = dateline is null ? null : DateParser.FromDateline(dateline);
                for (var b = 0; b < writer.Boilerplate.Count && date is null; b++)
                {
                    var block = writer.Boilerplate[b].Text;
                    date = block.Length <= 120 ? DateParser.FromDateline(block) : null;
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
            own = own.Author is null ? own with { Author = ArticleMetadata.BylineElement(index.Elements[scope]) } : own;

            foreach (var paragraph in paragraphs)
            {
                chars += paragraph.Length;
            }

            articles.Add(new ExtractedArticle(
                own.Title ?? ArticleMetadata.FirstHeading(index.Elements[scope]) ?? paragraphs[0],
                own.Source,
                own.Url,
                own.Published,
                own.Author,
                own.Language,
                paragraphs));
        }

        return new ArticlePass(articles, containers, boilerplate, chars);
    }

    /// <summary>One boilerplate block per maximal subtree that holds no part of this pass's articles.</summary>
    public List<BoilerplateBlock> OutsideBlocks(DomIndex index)
    {
        var blocks = new List<BoilerplateBlock>();
        var i = 1;
        while (i < index.Count)
        {
            var holds = false;
            var inside = false;
            foreach (var c in Containers)
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
}
