namespace Parallax.Core.Extraction.Text;

/// <summary>One article found by the segmenter, still as line numbers and strings.</summary>
internal sealed record TextArticle(
    string? Title,
    string? Source,
    DateTimeOffset? Published,
    string? Author,
    IReadOnlyList<string> Paragraphs);

/// <summary>The page split into articles, every line with its class, and the removed blocks.</summary>
internal sealed record TextSegmentation(
    IReadOnlyList<TextArticle> Articles,
    IReadOnlyList<ClassifiedLine> Lines,
    IReadOnlyList<string> Boilerplate);

/// <summary>
/// Turns classified lines into articles. An article starts at a head: a title-shaped line whose next
/// content (after metadata lines) is running text. Whether a head opens a new article or is a subheading
/// of the current one is decided by structure, the way aggregator listings repeat it:
/// <list type="bullet">
/// <item>a head with its own metadata cluster (source, time, byline around the title) opens an article;</item>
/// <item>so does a head after a section break (an editorial marker, "Related Articles", "Comments");</item>
/// <item>so does a head set off by blank lines when the current article's paragraphs have none between them;</item>
/// <item>otherwise it is a subheading and stays in the body.</item>
/// </list>
/// The heads come from <see cref="HeadFinder"/>, the lines' owners are kept in <see cref="LineClaims"/>, and text that
/// no head claimed gets a last chance in <see cref="UnclaimedText"/>.
/// Static and without shared state: safe to call from many threads at once.
/// </summary>
internal static class PageSegmenter
{
    public static TextSegmentation Segment(IReadOnlyList<TextLine> lines)
    {
        var n = lines.Count;
        var (heads, candidateSource) = HeadFinder.Find(lines);
        var claims = new LineClaims(lines);
        var builders = new List<TextArticleBuilder>();
        TextArticleBuilder? current = null;
        var open = false;
        var nextHead = 0;

        // Running text before the first head is an untitled article only when there is enough of it;
        // a lone sentence up there is a site's tagline, not an article.
        var firstHeadAt = heads.Count > 0 ? heads[0].ClusterStart : n;
        var leadingBody = 0;
        for (var i = 0; i < firstHeadAt; i++)
        {
            leadingBody += lines[i].Shape == LineShape.Body ? 1 : 0;
        }

        var untitledLead = heads.Count == 0 ? leadingBody > 0 : leadingBody >= 2;

        for (var i = 0; i < n; i++)
        {
            var line = lines[i];
            if (nextHead < heads.Count && heads[nextHead].ClusterStart == i)
            {
                var head = heads[nextHead++];
                var hasMetadata = false;
                for (var k = head.ClusterStart; k < head.BodyStart; k++)
                {
                    hasMetadata |= k != head.Title && (LineShapes.IsMetadata(lines[k].Shape) || candidateSource[k]);
                }

                // Blank lines around a headline in an article whose paragraphs have none between them mark a new
                // item; where paragraphs are spaced, a spaced heading is only a subheading.
                var wideGap = current is not null && line.GapBefore >= 2 && current.WidestGap == 0;
                if (current is null || !open || hasMetadata || wideGap)
                {
                    current = new TextArticleBuilder(i);
                    builders.Add(current);
                    for (var k = head.ClusterStart; k < head.BodyStart; k++)
                    {
                        if (k == head.Title)
                        {
                            current.Title = lines[k].Text;
                            claims.Assign(k, TextLineClass.Title, current);
                        }
                        else if (LineShapes.IsMetadata(lines[k].Shape) || candidateSource[k])
                        {
                            current.ReadMetadata(lines[k], candidateSource[k]);
                            claims.Assign(k, TextLineClass.Metadata, current);
                        }
                        else
                        {
                            // A caption or credit between the byline and the text.
                            claims.Assign(k, TextLineClass.Boilerplate, current);
                        }
                    }

                    open = true;
                    i = head.BodyStart - 1;
                    continue;
                }

                // A subheading inside the current article: part of its text.
                claims.AddBody(i, current);
                continue;
            }

            switch (line.Shape)
            {
                case LineShape.Body:
                    if (current is null && untitledLead)
                    {
                        current = new TextArticleBuilder(i);
                        builders.Add(current);
                        open = true;
                    }

                    if (open && current is not null)
                    {
                        claims.AddBody(i, current);
                    }

                    break;
                case LineShape.ShortSentence:
                    if (open && current is not null && current.Paragraphs.Count > 0)
                    {
                        claims.AddBody(i, current);
                    }

                    break;
                case LineShape.Time or LineShape.Byline or LineShape.DashSource or LineShape.LabelSource:
                    if (open && current is not null)
                    {
                        current.ReadMetadata(line, candidate: false);
                        claims.Assign(i, TextLineClass.Metadata, current);
                    }

                    break;
                case LineShape.Marker:
                    // "DETAILS TO FOLLOW", "BREAKING": the article ends here.
                    open = false;
                    break;
                case LineShape.Chrome:
                    // A section header ("Related Articles", "Comments") ends the article; an inline
                    // "Read also: <headline>" between paragraphs does not.
                    if (LineShapes.IsSectionHeader(line))
                    {
                        open = false;
                    }

                    break;
                default:
                    // A lone short line that heads nothing: a caption, a label, a site name.
                    break;
            }
        }

        // A head over a few lines of link text or a form's thank-you note is not an article: give its lines back.
        foreach (var builder in builders)
        {
            if (!builder.HasRunningText)
            {
                claims.Release(builder);
            }
        }

        builders.RemoveAll(b => !b.HasRunningText);
        UnclaimedText.Promote(lines, claims, builders);
        builders.Sort((a, b) => a.FirstLine.CompareTo(b.FirstLine));

        return claims.Result(builders);
    }
}
