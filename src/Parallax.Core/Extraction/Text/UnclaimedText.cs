namespace Parallax.Core.Extraction.Text;

/// <summary>
/// The segmentation's second pass: the walk over the lines opens articles only at heads, so a page's main text with no
/// head right above it would be lost; this pass gives it an article of its own.
/// </summary>
internal static class UnclaimedText
{
    /// <summary>
    /// The page's main text must not be lost because no head sat right above it (a page saved with its byline,
    /// share buttons and captions between title and text). The longest run of running text that no article
    /// claimed becomes an article when it outweighs everything claimed; its title is the nearest headline that
    /// a byline or a date follows, as on an article's own page, or else its first sentence.
    /// </summary>
    public static void Promote(IReadOnlyList<TextLine> lines, LineClaims claims, List<TextArticleBuilder> builders)
    {
        var claimedWords = 0;
        foreach (var builder in builders)
        {
            claimedWords += builder.Words;
        }

        int bestStart = -1, bestEnd = -1, bestWords = 0, bestSentences = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsUnclaimedText(i) || lines[i].Shape != LineShape.Body)
            {
                continue;
            }

            // A run: unclaimed running text, allowing one stray label or caption between two paragraphs.
            int end = i, words = 0, sentences = 0;
            for (var k = i; k < lines.Count; k++)
            {
                if (IsUnclaimedText(k))
                {
                    end = k;
                    words += lines[k].Features.Words;
                    sentences += lines[k].Shape == LineShape.Body && lines[k].Features.EndsLikeSentence ? 1 : 0;
                }
                else if (k == end + 1 && claims.OwnerOf(k) is null && lines[k].Shape is LineShape.Chrome or LineShape.Short &&
                         lines[k].Features.SectionBreak == 0)
                {
                    continue;
                }
                else
                {
                    break;
                }
            }

            if (words > bestWords)
            {
                (bestStart, bestEnd, bestWords, bestSentences) = (i, end, words, sentences);
            }

            i = end;
        }

        if (bestStart < 0 || bestWords < 50 || bestSentences < 2 || bestWords <= claimedWords)
        {
            return;
        }

        var article = new TextArticleBuilder(bestStart);
        for (var k = bestStart - 1; k >= 0 && k >= bestStart - 40; k--)
        {
            if (claims.OwnerOf(k) is not null)
            {
                break;
            }

            if (lines[k].Shape == LineShape.Short && LineShapes.IsTitleShaped(lines[k].Features) &&
                k + 1 < lines.Count && LineShapes.IsMetadata(lines[k + 1].Shape))
            {
                article.Title = lines[k].Text;
                article.FirstLine = k;
                claims.Assign(k, TextLineClass.Title, article);
                for (var m = k + 1; m < bestStart && LineShapes.IsMetadata(lines[m].Shape); m++)
                {
                    article.ReadMetadata(lines[m], candidate: false);
                    claims.Assign(m, TextLineClass.Metadata, article);
                }

                break;
            }
        }

        for (var k = bestStart; k <= bestEnd; k++)
        {
            if (IsUnclaimedText(k))
            {
                claims.AddBody(k, article);
            }
        }

        builders.Add(article);

        bool IsUnclaimedText(int index) =>
            claims.OwnerOf(index) is null && lines[index].Shape is LineShape.Body or LineShape.ShortSentence;
    }
}
