using System.Collections.Frozen;

namespace Parallax.Core.Extraction.Html;

/// <summary>What the words of an element's class, id and role say about it.</summary>
/// <param name="Junk">The words name a block that is not the article.</param>
/// <param name="Weight">Readability-style class weight: +25 for article words, -25 for boilerplate words.</param>
/// <param name="Soft">Only soft words spoke (share, social, embed, video...): blocks so named are chrome unless they hold prose, as an embedded post does.</param>
/// <param name="Comments">The words name readers' comments, which are never the article, even where other class words are not trusted.</param>
/// <param name="Firm">The words name what the block is for (a footer, a pop-up, an author's bio, related stories, an
/// advertisement): boilerplate even when it holds prose, unlike words for where a block sits or how it looks.</param>
internal readonly record struct WordVerdict(bool Junk, int Weight, bool Soft = false, bool Comments = false, bool Firm = false);

/// <summary>
/// Reads an element's class, id, role and aria words. Publishers name their blocks in plain words
/// ("share-bar", "newsletterSignup", "related-stories", "article__body"), and those words are the strongest
/// generic signal of what a block is. Words are split at every non-letter and at camelCase humps, then
/// matched by prefix, so "comments", "commentList" and "comment-form" all read as "comment".
/// </summary>
internal static class BoilerplateWords
{
    /// <summary>Words that mark a block as not the article, whatever else its class says.</summary>
    private static readonly string[] StrongNegative =
    [
        "share", "sharing", "social", "newsletter", "subscribe", "subscription", "signup", "cookie", "consent",
        "gdpr", "related", "recommend", "popular", "mostread", "trending", "promo", "advert", "sponsor",
        "outbrain", "taboola", "breadcrumb", "navbar", "navigation", "menu", "toolbar", "comment", "disqus",
        "donate", "donation", "modal", "popup", "overlay", "banner", "masthead", "skip", "print",
        "sronly", "screenreader", "visuallyhidden", "hidden", "hide", "footer", "sidebar", "rail", "widget",
        "pagination", "pager", "tags", "tagged", "taglist", "keywords", "byline", "dateline", "timestamp",
        "caption", "credit", "copyright", "author", "bio", "toc", "more", "next", "prev", "follow",
        "rating", "reactions", "feedback", "login", "register", "offer", "teaser", "recirc", "nextread", "ad",
        "ads", "adslot", "adunit", "dfp", "gpt", "inline-ad", "partner", "affiliate", "newsletters", "alert",
        "tools", "utility", "actions", "meta", "headline", "header", "nav", "inread", "embed", "video",
        "gallery", "slideshow", "carousel", "lightbox", "audio", "podcast", "jump", "readmore", "contact", "disclaimer",
        "disclosure",
    ];

    /// <summary>
    /// Boilerplate words that also name containers of quoted content (an embedded post, a video's transcript), or, for
    /// "widget", the blocks page builders (Elementor, SiteOrigin, widget areas) cut every article into.
    /// </summary>
    private static readonly FrozenSet<string> SoftNegative = new[]
    {
        "social", "embed", "video", "widget",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Boilerplate words that say what a block is for, not where it sits or how it looks ("sidebar-enabled", "header",
    /// "hidden", "jump", "carousel" describe layouts that also hold articles): a block named so stays boilerplate
    /// however much prose it holds.
    /// </summary>
    private static readonly FrozenSet<string> FirmNegative = new[]
    {
        "comment", "disqus", "footer", "modal", "popup", "overlay", "bio", "author", "cookie", "consent", "gdpr",
        "newsletter", "newsletters", "subscribe", "subscription", "signup", "donate", "donation", "login", "register",
        "disclaimer", "disclosure", "copyright", "related", "recommend", "promo", "sponsor", "advert", "ad", "ads",
        "partner", "affiliate", "teaser", "recirc", "nextread", "offer", "outbrain", "taboola", "popular", "mostread",
        "trending", "masthead", "banner",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that name the article's own container.</summary>
    private static readonly FrozenSet<string> Positive = new[]
    {
        "article", "articlebody", "body", "content", "entry", "hentry", "main", "post", "story", "text", "prose",
        "blog", "page", "column", "rich", "copy", "paragraph", "storytext", "postbody", "entrycontent",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that weigh against a block in scoring without removing it outright.</summary>
    private static readonly FrozenSet<string> WeakNegative = new[]
    {
        "media", "scroll", "shopping", "extra", "aside", "legend", "remark", "community", "agegate",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Exact words that would be too short to match by prefix.</summary>
    private static readonly FrozenSet<string> ExactOnly = new[]
    {
        "ad", "ads", "bio", "toc", "more", "next", "prev", "gpt", "dfp", "nav", "meta", "rail", "hide", "tags",
        "copy", "rich", "page", "text", "body", "main", "post", "tools", "alert", "jump", "skip", "print",
        "actions", "offer", "video", "audio", "embed", "contact", "header", "headline", "credit",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Negative words matched only whole.</summary>
    private static readonly FrozenSet<string> ExactNegative = StrongNegative.Where(ExactOnly.Contains).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Negative words that also match as the start of a longer word.</summary>
    private static readonly FrozenSet<string> PrefixNegative = StrongNegative.Where(w => !ExactOnly.Contains(w)).ToFrozenSet(StringComparer.Ordinal);

    private static readonly int MaxPrefixLength = StrongNegative.Max(w => w.Length);

    private static readonly FrozenSet<string> JunkRoles = new[]
    {
        "navigation", "menu", "menubar", "complementary", "banner", "contentinfo", "dialog", "alert", "alertdialog",
        "search", "toolbar", "tablist", "form",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsJunkRole(string? role) => role is not null && JunkRoles.Contains(role.Trim());

    /// <summary>Words a heading's class uses for being a heading ("header-anchor", "section-headline"), not for being chrome.</summary>
    private static readonly FrozenSet<string> HeadingWords = new[] { "header", "headline" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Judges the words of class and id together; <paramref name="heading"/> for h1-h6, whose class may say "header".</summary>
    public static WordVerdict Judge(string? className, string? id, bool heading = false)
    {
        if (string.IsNullOrEmpty(className) && string.IsNullOrEmpty(id))
        {
            return default;
        }

        var words = new Words { Heading = heading };
        if (className is { Length: > 0 and <= 400 } && className.Contains(' '))
        {
            // Several classes: each judged alone, leaving out those that only style the block (see Styling).
            var responsive = className.Contains(':');
            foreach (var range in className.AsSpan().SplitAny(" \t\n\r\f"))
            {
                var token = className[range];
                if (token.Length > 0 && !Styling(token, responsive))
                {
                    Scan(token, ref words);
                }
            }
        }
        else if (className is not null && !Styling(className, className.Contains(':')))
        {
            Scan(className, ref words);
        }

        if (id is not null && !id.StartsWith('_'))
        {
            Scan(id, ref words);
        }
        // Soft words alone do not weigh against a block: it is either dropped outright (no prose) or quoted content.
        var weight = (words.Positive ? 25 : 0) - ((words.Negative && words.Hard) || words.Weak ? 25 : 0);
        return new WordVerdict(words.Negative, weight, words.Negative && !words.Hard, words.Comments, words.Firm);
    }

    /// <summary>
    /// Classes that say how a block looks, not what it is: utility classes with a screen-size variant ("md:hidden",
    /// "lg:block"; with one, a plain "hidden" only hides the block on small screens), "overflow-hidden" and prefixed
    /// forms of it such as "x-overflow_hidden" (clips, does not hide), and framework roots named with a leading underscore ("__next", "_app").
    /// </summary>
    private static bool Styling(string token, bool responsive) =>
        token.Contains(':')
        || token.StartsWith('_')
        || token.Contains("overflow", StringComparison.OrdinalIgnoreCase)
        || (responsive && token is "hidden" or "hide");

    /// <summary>What the words of one element said, collected word by word.</summary>
    private struct Words
    {
        public bool Heading;
        public bool Comments;
        public bool Firm;
        public bool Negative;
        public bool Hard;
        public bool Positive;
        public bool Weak;
    }

    private static void Scan(string? value, ref Words words)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 400)
        {
            return;
        }

        Span<char> word = stackalloc char[48];
        var length = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            var c = i < value.Length ? value[i] : ' ';
            var hump = i > 0 && char.IsUpper(c) && char.IsLower(value[i - 1]);
            if (!char.IsLetter(c) || hump)
            {
                if (length > 0 && !InGeneratedName(value, i - length, i))
                {
                    Classify(word[..length], ref words);
                }

                length = 0;
                if (!char.IsLetter(c))
                {
                    continue;
                }
            }

            if (length < word.Length)
            {
                word[length++] = char.ToLowerInvariant(c);
            }
        }

        // Joined-up names ("sharebar", "relatedarticles") are caught by prefix; also try the whole value squeezed.
        var squeezed = Squeeze(value);
        if (squeezed.Length is > 0 and <= 48)
        {
            Classify(squeezed, ref words);
        }
    }

    /// <summary>
    /// Whether the letters at [start, end) are a piece of a generated name: a run of letters and digits that mixes
    /// them at least twice and holds two digits or more ("1ad269af0d" in "component_1ad269af0d", "e13lia4i19" from a
    /// CSS-in-JS hash). Its letters are chance, not words: "ad" or "toc" cut out of a hash says nothing about the block.
    /// </summary>
    private static bool InGeneratedName(string value, int start, int end)
    {
        var touchesDigit = (start > 0 && char.IsAsciiDigit(value[start - 1])) || (end < value.Length && char.IsAsciiDigit(value[end]));
        if (!touchesDigit)
        {
            return false;
        }

        var first = start;
        while (first > 0 && char.IsAsciiLetterOrDigit(value[first - 1]))
        {
            first--;
        }

        var last = end;
        while (last < value.Length && char.IsAsciiLetterOrDigit(value[last]))
        {
            last++;
        }

        var digits = 0;
        var changes = 0;
        for (var k = first; k < last; k++)
        {
            var digit = char.IsAsciiDigit(value[k]);
            digits += digit ? 1 : 0;
            changes += k > first && digit != char.IsAsciiDigit(value[k - 1]) ? 1 : 0;
        }

        return digits >= 2 && changes >= 2;
    }

    private static string Squeeze(string value)
    {
        // Only classes without spaces: "article-body" -> "articlebody"; several classes are judged one by one.
        if (value.Contains(' '))
        {
            return string.Empty;
        }

        return string.Create(value.Length, value, static (span, v) =>
        {
            var n = 0;
            foreach (var c in v)
            {
                if (char.IsLetter(c))
                {
                    span[n++] = char.ToLowerInvariant(c);
                }
            }

            span[n..].Fill(' ');
        }).TrimEnd();
    }

    private static void Classify(ReadOnlySpan<char> word, ref Words words)
    {
        if (words.Heading && HeadingWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return;
        }

        if (Positive.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            words.Positive = true;
            return;
        }

        if (WeakNegative.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            words.Weak = true;
            return;
        }

        // Every prefix of the word is looked up, so the cost is the word's length rather than the list's.
        var matched = ExactNegative.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) ? word : default;
        if (matched.IsEmpty)
        {
            var prefixes = PrefixNegative.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var length = Math.Min(word.Length, MaxPrefixLength); length >= 3 && matched.IsEmpty; length--)
            {
                if (prefixes.Contains(word[..length]))
                {
                    matched = word[..length];
                }
            }
        }

        if (matched.IsEmpty)
        {
            return;
        }

        words.Negative = true;
        if (!SoftNegative.GetAlternateLookup<ReadOnlySpan<char>>().Contains(matched))
        {
            words.Hard = true;
            words.Comments |= matched.SequenceEqual("comment") || matched.SequenceEqual("disqus");
            words.Firm |= FirmNegative.GetAlternateLookup<ReadOnlySpan<char>>().Contains(matched);
        }
    }
}
