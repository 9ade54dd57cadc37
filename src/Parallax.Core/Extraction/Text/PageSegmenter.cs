using Parallax.Core.Language;

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
/// Static and without shared state: safe to call from many threads at once.
/// </summary>
internal static class PageSegmenter
{
    private readonly record struct Head(int ClusterStart, int Title, int BodyStart);

    public static TextSegmentation Segment(IReadOnlyList<TextLine> lines)
    {
        var n = lines.Count;
        var candidateSource = new bool[n];
        for (var i = 0; i < n; i++)
        {
            candidateSource[i] = lines[i].Shape == LineShape.Short && LineShapes.IsNameLike(lines[i].Features) &&
                                 (i > 0 && IsMetadataShape(lines[i - 1].Shape) || i + 1 < n && IsMetadataShape(lines[i + 1].Shape));
        }

        var heads = FindHeads(lines, candidateSource);
        if (MarkRepeatedSources(lines, candidateSource, heads))
        {
            heads = FindHeads(lines, candidateSource);
        }

        var classes = new TextLineClass[n];
        var owner = new ArticleBuilder?[n];
        Array.Fill(classes, TextLineClass.Boilerplate);

        var builders = new List<ArticleBuilder>();
        ArticleBuilder? current = null;
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
                    hasMetadata |= k != head.Title && (IsMetadataShape(lines[k].Shape) || candidateSource[k]);
                }

                // Blank lines around a headline in an article whose paragraphs have none between them mark a new
                // item; where paragraphs are spaced, a spaced heading is only a subheading.
                var wideGap = current is not null && line.GapBefore >= 2 && current.WidestGap == 0;
                if (current is null || !open || hasMetadata || wideGap)
                {
                    current = new ArticleBuilder(i);
                    builders.Add(current);
                    for (var k = head.ClusterStart; k < head.BodyStart; k++)
                    {
                        if (k == head.Title)
                        {
                            current.Title = lines[k].Text;
                            Assign(k, TextLineClass.Title, current);
                        }
                        else if (IsMetadataShape(lines[k].Shape) || candidateSource[k])
                        {
                            current.ReadMetadata(lines[k], candidateSource[k]);
                            Assign(k, TextLineClass.Metadata, current);
                        }
                        else
                        {
                            // A caption or credit between the byline and the text.
                            Assign(k, TextLineClass.Boilerplate, current);
                        }
                    }

                    open = true;
                    i = head.BodyStart - 1;
                    continue;
                }

                // A subheading inside the current article: part of its text.
                AddBody(i, current);
                continue;
            }

            switch (line.Shape)
            {
                case LineShape.Body:
                    if (current is null && untitledLead)
                    {
                        current = new ArticleBuilder(i);
                        builders.Add(current);
                        open = true;
                    }

                    if (open && current is not null)
                    {
                        AddBody(i, current);
                    }

                    break;
                case LineShape.ShortSentence:
                    if (open && current is not null && current.Paragraphs.Count > 0)
                    {
                        AddBody(i, current);
                    }

                    break;
                case LineShape.Time or LineShape.Byline or LineShape.DashSource or LineShape.LabelSource:
                    if (open && current is not null)
                    {
                        current.ReadMetadata(line, candidate: false);
                        Assign(i, TextLineClass.Metadata, current);
                    }

                    break;
                case LineShape.Marker:
                    // "DETAILS TO FOLLOW", "BREAKING": the article ends here.
                    open = false;
                    break;
                case LineShape.Chrome:
                    // A section header ("Related Articles", "Comments") ends the article; an inline
                    // "Read also: <headline>" between paragraphs does not.
                    if (IsSectionHeader(line))
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
                Release(builder);
            }
        }

        builders.RemoveAll(b => !b.HasRunningText);
        PromoteUnclaimedText(lines, classes, owner, builders);
        builders.Sort((a, b) => a.FirstLine.CompareTo(b.FirstLine));

        var articles = new List<TextArticle>(builders.Count);
        var indexOf = new Dictionary<ArticleBuilder, int>(builders.Count, ReferenceEqualityComparer.Instance);
        foreach (var builder in builders)
        {
            indexOf[builder] = articles.Count;
            articles.Add(builder.Build());
        }

        var boilerplate = new List<string>();
        var classified = new List<ClassifiedLine>(n);
        for (var i = 0; i < n; i++)
        {
            classified.Add(new ClassifiedLine(lines[i].Number, lines[i].Text, classes[i], owner[i] is { } o ? indexOf[o] : -1));
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

        void Assign(int index, TextLineClass value, ArticleBuilder? article)
        {
            classes[index] = value;
            owner[index] = article;
            article?.Lines.Add(index);
        }

        void AddBody(int index, ArticleBuilder article)
        {
            if (article.Paragraphs.Count > 0)
            {
                article.WidestGap = Math.Max(article.WidestGap, lines[index].GapBefore);
            }

            article.AddParagraph(lines[index]);
            Assign(index, TextLineClass.Body, article);
        }

        void Release(ArticleBuilder article)
        {
            foreach (var i in article.Lines)
            {
                Assign(i, TextLineClass.Boilerplate, null);
            }
        }
    }

    /// <summary>
    /// The page's main text must not be lost because no head sat right above it (a page saved with its byline,
    /// share buttons and captions between title and text). The longest run of running text that no article
    /// claimed becomes an article when it outweighs everything claimed; its title is the nearest headline that
    /// a byline or a date follows, as on an article's own page, or else its first sentence.
    /// </summary>
    private static void PromoteUnclaimedText(IReadOnlyList<TextLine> lines, TextLineClass[] classes, ArticleBuilder?[] owner, List<ArticleBuilder> builders)
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
                else if (k == end + 1 && owner[k] is null && lines[k].Shape is LineShape.Chrome or LineShape.Short &&
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

        var article = new ArticleBuilder(bestStart);
        for (var k = bestStart - 1; k >= 0 && k >= bestStart - 40; k--)
        {
            if (owner[k] is not null)
            {
                break;
            }

            if (lines[k].Shape == LineShape.Short && LineShapes.IsTitleShaped(lines[k].Features) &&
                k + 1 < lines.Count && IsMetadataShape(lines[k + 1].Shape))
            {
                article.Title = lines[k].Text;
                article.FirstLine = k;
                classes[k] = TextLineClass.Title;
                owner[k] = article;
                for (var m = k + 1; m < bestStart && IsMetadataShape(lines[m].Shape); m++)
                {
                    article.ReadMetadata(lines[m], candidate: false);
                    classes[m] = TextLineClass.Metadata;
                    owner[m] = article;
                }

                break;
            }
        }

        for (var k = bestStart; k <= bestEnd; k++)
        {
            if (IsUnclaimedText(k))
            {
                article.AddParagraph(lines[k]);
                classes[k] = TextLineClass.Body;
                owner[k] = article;
            }
        }

        builders.Add(article);

        bool IsUnclaimedText(int index) =>
            owner[index] is null && lines[index].Shape is LineShape.Body or LineShape.ShortSentence;
    }

    /// <summary>
    /// A listing that prints only the outlet's name above each title ("Valemont Daily / title / body", no time,
    /// no dash) shows it by repetition: the same name right above two or more headlines is a source line.
    /// </summary>
    /// <returns>Whether any line was newly marked as a source.</returns>
    private static bool MarkRepeatedSources(IReadOnlyList<TextLine> lines, bool[] candidateSource, List<Head> heads)
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

    private static bool IsInlineChrome(TextLine line) =>
        line.Shape == LineShape.Chrome && !IsSectionHeader(line);

    /// <summary>"Related Articles", "Comments", "More stories": a short chrome line that opens another part of the page.</summary>
    private static bool IsSectionHeader(TextLine line) =>
        line.Features.SectionBreak > 0 && line.Features.Words <= 4;

    private static bool IsMetadataShape(LineShape shape) =>
        shape is LineShape.Time or LineShape.Byline or LineShape.DashSource or LineShape.LabelSource;

    /// <summary>
    /// Every start of a run of running text, walked back over metadata lines to the title-shaped line that heads it.
    /// When that line is a name beside a time ("Valemont Daily / 2 hours ago") and a headline sits right above it,
    /// the headline is the title and the name is the source.
    /// </summary>
    private static List<Head> FindHeads(IReadOnlyList<TextLine> lines, bool[] candidateSource)
    {
        var heads = new List<Head>();
        for (var b = 0; b < lines.Count; b++)
        {
            // Only the start of a run of running text can have a head; a short sentence right under metadata
            // does not continue a run, it may be a headline with a full stop.
            var continues = b > 0 && (lines[b - 1].Shape == LineShape.Body || lines[b - 1].Shape == LineShape.ShortSentence &&
                                      !(b >= 2 && (IsMetadataShape(lines[b - 2].Shape) || candidateSource[b - 2])));
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
            while (t >= 0 && (IsMetadataShape(lines[t].Shape) || IsInlineChrome(lines[t]) && ++chrome <= 4))
            {
                t--;
            }

            // Some outlets end headlines with a full stop; under a source or time line such a line is still a title.
            var stoppedTitle = t > 0 && lines[t].Shape == LineShape.ShortSentence &&
                               (IsMetadataShape(lines[t - 1].Shape) || candidateSource[t - 1]);
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
            if (candidateSource[t] && (t == 0 || !IsMetadataShape(lines[t - 1].Shape) && !candidateSource[t - 1]))
            {
                continue;
            }

            var start = t;
            var floor = heads.Count > 0 ? heads[^1].BodyStart : 0;
            while (start - 1 >= floor && (IsMetadataShape(lines[start - 1].Shape) || candidateSource[start - 1]))
            {
                start--;
            }

            heads.Add(new Head(start, t, b));
        }

        return heads;
    }

    /// <summary>
    /// A listing item whose headline ends with a full stop and is long enough to read as running text:
    /// "Northgate Wire / 1 day ago / Rail strike called off after late pay offer. / text". It is a headline when
    /// a source line sits above it, it is one short sentence without a reporting verb, and running text follows.
    /// </summary>
    private static Head? StoppedHeadline(IReadOnlyList<TextLine> lines, bool[] candidateSource, int b)
    {
        var f = lines[b].Features;
        if (b == 0 || b + 1 >= lines.Count || lines[b + 1].Shape != LineShape.Body ||
            f.Words > 14 || f.Sentences > 0 || f.Reporting > 0 || !f.EndsLikeSentence)
        {
            return null;
        }

        var start = b;
        var hasSource = false;
        while (start > 0 && (IsMetadataShape(lines[start - 1].Shape) || candidateSource[start - 1]))
        {
            start--;
            hasSource |= lines[start].Shape is LineShape.DashSource or LineShape.LabelSource || candidateSource[start];
        }

        return hasSource ? new Head(start, b, b + 1) : null;
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

    private sealed class ArticleBuilder(int firstLine)
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
}
