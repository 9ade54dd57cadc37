namespace Parallax.Core.Extraction.Text;

/// <summary>Where an article's head lies: its metadata cluster's first line, its title line, and its first line of text.</summary>
internal readonly record struct ArticleHead(int ClusterStart, int Title, int BodyStart);

/// <summary>The heads of a page and the short name lines read as sources (the outlet's name above or below a title).</summary>
internal sealed record PageHeads(List<ArticleHead> Heads, bool[] SourceLines);

/// <summary>
/// Finds the heads of a page's articles: a title-shaped line whose next content, after metadata lines, is running text.
/// Which short lines are an outlet's name (a source line) and which are titles is settled here too, since each
/// decides the other: a name beside a time is a source, and so is a name repeated above several headlines.
/// Whether a head opens an article or is a subheading is <see cref="PageSegmenter"/>'s to decide.
/// </summary>
internal static class HeadFinder
{
    public static PageHeads Find(IReadOnlyList<TextLine> lines)
    {
        var n = lines.Count;
        var candidateSource = new bool[n];
        for (var i = 0; i < n; i++)
        {
            candidateSource[i] = lines[i].Shape == LineShape.Short && LineShapes.IsNameLike(lines[i].Features) &&
                                 (i > 0 && LineShapes.IsMetadata(lines[i - 1].Shape) || i + 1 < n && LineShapes.IsMetadata(lines[i + 1].Shape));
        }

        var heads = FindAll(lines, candidateSource);
        if (MarkRepeatedSources(lines, candidateSource, heads))
        {
            heads = FindAll(lines, candidateSource);
        }

        return new PageHeads(heads, candidateSource);
    }

    /// <summary>
    /// A listing that prints only the outlet's name above each title ("Valemont Daily / title / body", no time,
    /// no dash) shows it by repetition: the same name right above two or more headlines is a source line.
    /// </summary>
    /// <returns>Whether any line was newly marked as a source.</returns>
    private static bool MarkRepeatedSources(IReadOnlyList<TextLine> lines, bool[] candidateSource, List<ArticleHead> heads)
    {
        Dictionary<string, int>? counts = null;
        foreach (var head in heads)
        {
            var above = head.ClusterStart - 1;
            if (above >= 0 && IsUnmarkedName(above))
            {
                counts ??= new Dictionary<string, int>(StringComparer.Ordinal);
                counts[lines[above].Text] = counts.GetValueOrDefault(lines[above].Text) + 1;
            }
        }

        var marked = false;
        foreach (var head in heads)
        {
            var above = head.ClusterStart - 1;
            if (above >= 0 && IsUnmarkedName(above) && counts![lines[above].Text] >= 2)
            {
                candidateSource[above] = true;
                marked = true;
            }
        }

        return marked;

        bool IsUnmarkedName(int index) =>
            !candidateSource[index] && lines[index].Shape == LineShape.Short && LineShapes.IsNameLike(lines[index].Features);
    }

    /// <summary>
    /// Every start of a run of running text, walked back over metadata lines to the title-shaped line that heads it.
    /// When that line is a name beside a time ("Valemont Daily / 2 hours ago") and a headline sits right above it,
    /// the headline is the title and the name is the source.
    /// </summary>
    private static List<ArticleHead> FindAll(IReadOnlyList<TextLine> lines, bool[] candidateSource)
    {
        var heads = new List<ArticleHead>();
        for (var b = 0; b < lines.Count; b++)
        {
            // Only the start of a run of running text can have a head; a short sentence right under metadata
            // does not continue a run, it may be a headline with a full stop.
            var continues = b > 0 && (lines[b - 1].Shape == LineShape.Body || lines[b - 1].Shape == LineShape.ShortSentence &&
                                      !(b >= 2 && (LineShapes.IsMetadata(lines[b - 2].Shape) || candidateSource[b - 2])));
            if (lines[b].Shape != LineShape.Body || continues)
            {
                continue;
            }

            if (StoppedHeadline(lines, candidateSource, b) is { } listed)
            {
                heads.Add(listed);
                continue;
            }

            // Walk back over metadata, and over a few lines of chrome that often sit between a headline and
            // its text (a share bar, a photo credit, an advertisement label), but never over a section header.
            var t = b - 1;
            var chrome = 0;
            while (t >= 0 && (LineShapes.IsMetadata(lines[t].Shape) || LineShapes.IsInlineChrome(lines[t]) && ++chrome <= 4))
            {
                t--;
            }

            // Some outlets end headlines with a full stop; under a source or time line such a line is still a title.
            var stoppedTitle = t > 0 && lines[t].Shape == LineShape.ShortSentence &&
                               (LineShapes.IsMetadata(lines[t - 1].Shape) || candidateSource[t - 1]);
            if (t < 0 || lines[t].Shape != LineShape.Short && !stoppedTitle ||
                !LineShapes.IsTitleShaped(lines[t].Features) && !candidateSource[t])
            {
                continue;
            }

            if (candidateSource[t] && t > 0 && lines[t - 1].Shape == LineShape.Short && !candidateSource[t - 1] &&
                LineShapes.IsTitleShaped(lines[t - 1].Features) && !LineShapes.IsNameLike(lines[t - 1].Features))
            {
                t--;
            }

            // A caption between an article's byline or date and its text: the headline sits above the byline.
            t = SkipCaption(lines, candidateSource, t);

            if (!LineShapes.IsTitleShaped(lines[t].Features) || heads.Count > 0 && t <= heads[^1].Title)
            {
                continue;
            }

            // A bare name beside a time with nothing above it is who wrote a comment, not a headline.
            if (candidateSource[t] && (t == 0 || !LineShapes.IsMetadata(lines[t - 1].Shape) && !candidateSource[t - 1]))
            {
                continue;
            }

            var start = t;
            var floor = heads.Count > 0 ? heads[^1].BodyStart : 0;
            while (start - 1 >= floor && (LineShapes.IsMetadata(lines[start - 1].Shape) || candidateSource[start - 1]))
            {
                start--;
            }

            heads.Add(new ArticleHead(start, t, b));
        }

        return heads;
    }

    /// <summary>
    /// A listing item whose headline ends with a full stop and is long enough to read as running text:
    /// "Northgate Wire / 1 day ago / Rail strike called off after late pay offer. / text". It is a headline when
    /// a source line sits above it, it is one short sentence without a reporting verb, and running text follows.
    /// </summary>
    private static ArticleHead? StoppedHeadline(IReadOnlyList<TextLine> lines, bool[] candidateSource, int b)
    {
        var f = lines[b].Features;
        if (b == 0 || b + 1 >= lines.Count || lines[b + 1].Shape != LineShape.Body ||
            f.Words > 14 || f.Sentences > 0 || f.Reporting > 0 || !f.EndsLikeSentence)
        {
            return null;
        }

        var start = b;
        var hasSource = false;
        while (start > 0 && (LineShapes.IsMetadata(lines[start - 1].Shape) || candidateSource[start - 1]))
        {
            start--;
            hasSource |= lines[start].Shape is LineShape.DashSource or LineShape.LabelSource || candidateSource[start];
        }

        return hasSource ? new ArticleHead(start, b, b + 1) : null;
    }

    /// <summary>
    /// "Title / By Jane Doe / 4 July 2025 / caption / text": when the line above a would-be title is a byline or a
    /// time (no source among them) and a headline-shaped line sits above those, that line is the title.
    /// </summary>
    private static int SkipCaption(IReadOnlyList<TextLine> lines, bool[] candidateSource, int t)
    {
        var k = t - 1;
        while (k >= 0 && lines[k].Shape is LineShape.Byline or LineShape.Time)
        {
            k--;
        }

        if (k == t - 1 || k < 0 || lines[k].Shape != LineShape.Short || candidateSource[k] || candidateSource[t] ||
            !LineShapes.IsTitleShaped(lines[k].Features) || LineShapes.IsNameLike(lines[k].Features))
        {
            return t;
        }

        return k;
    }
}
