using System.Collections.Frozen;

namespace Parallax.Core.Extraction.Text;

/// <summary>Word classes that describe what a line of a saved page is for. A word may belong to several.</summary>
[Flags]
internal enum WordKind
{
    None = 0,

    /// <summary>second, minute, hour, day, week, month, year and their short forms.</summary>
    TimeUnit = 1 << 0,

    /// <summary>Words that only appear around times: "updated", "published", "at", "am", "GMT".</summary>
    TimeWord = 1 << 1,

    /// <summary>"ago": the mark of a relative time.</summary>
    Ago = 1 << 2,

    /// <summary>today, yesterday, now: times that need no number.</summary>
    DayWord = 1 << 3,

    Month = 1 << 4,
    Weekday = 1 << 5,

    /// <summary>one, two, a, an, few: counts written as words ("an hour ago").</summary>
    NumberWord = 1 << 6,

    /// <summary>The nouns of site chrome: menus, sections, sharing, comments, legal pages.</summary>
    Nav = 1 << 7,

    /// <summary>Verbs that open a call to action: subscribe, share, try, explore, read, download...</summary>
    Cta = 1 << 8,

    /// <summary>you, your: a page speaking to its reader, which article text rarely does outside quotes.</summary>
    Person = 1 << 9,

    /// <summary>our, us, we: the site speaking of itself (weaker: quoted speakers say it too).</summary>
    Owner = 1 << 10,

    /// <summary>The nouns of appeals: newsletter, inbox, donation, membership, journalism, trial...</summary>
    Appeal = 1 << 11,

    /// <summary>Reporting verbs: a line with one is a sentence about what someone said, not chrome.</summary>
    Reporting = 1 << 12,

    /// <summary>Editorial markers written in capitals: "DETAILS TO FOLLOW", "BREAKING", "UPDATE".</summary>
    Marker = 1 << 13,

    /// <summary>Function words; they pad chrome lines and glue sentences.</summary>
    Stop = 1 << 14,

    /// <summary>Words of a header that ends one article and opens another part of the page ("Related Articles", "Comments").</summary>
    SectionBreak = 1 << 15,

    /// <summary>Words that may sit inside a proper name without a capital ("Bank of England", "Voice and Vision").</summary>
    Connector = 1 << 16,

    /// <summary>Words of empty states: "No comments yet", "Be the first to comment".</summary>
    EmptyState = 1 << 17,

    /// <summary>Labels that introduce a source name: "Source:", "via".</summary>
    SourceLabel = 1 << 18,

    /// <summary>Words of consent banners: cookies, consent, privacy, opt-out.</summary>
    Consent = 1 << 19,

    /// <summary>Labels of captions and credits: "Photo:", "Image:", "Video:", "Credit:".</summary>
    Media = 1 << 20,
}

/// <summary>
/// The word classes, as general English vocabulary of news pages (none of it is one site's strings).
/// Immutable and shared; lookups take spans so that classifying a line allocates nothing.
/// </summary>
internal static class LineVocabulary
{
    private static readonly FrozenDictionary<string, WordKind> Kinds = Build();

    private static readonly FrozenDictionary<string, WordKind>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Kinds.GetAlternateLookup<ReadOnlySpan<char>>();

    public static WordKind KindOf(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var kind) ? kind : WordKind.None;

    private static FrozenDictionary<string, WordKind> Build()
    {
        var kinds = new Dictionary<string, WordKind>(StringComparer.OrdinalIgnoreCase);

        void Add(WordKind kind, string words)
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                kinds[word] = kinds.GetValueOrDefault(word) | kind;
            }
        }

        Add(WordKind.TimeUnit, "second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks wk wks month months mo mos year years yr yrs");
        Add(WordKind.TimeWord, "updated update published posted last modified edited on at am pm a.m p.m gmt utc est edt cst cdt pst pdt cet cest bst msk ist aest jst eet eest time date about over less than more just");
        Add(WordKind.Ago, "ago");
        Add(WordKind.DayWord, "today yesterday now tonight");
        Add(WordKind.Month, string.Join(' ', Language.CalendarWords.EnglishMonthWords));
        Add(WordKind.Weekday, "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun");
        Add(WordKind.NumberWord, "a an one two three four five six seven eight nine ten eleven twelve few several");
        Add(WordKind.Nav,
            "home menu main content also most hashtags hashtag tags tag topics topic comments comment related articles article stories story posts " +
            "trending popular newsletter newsletters advertisement advertisements advert adverts ads ad sponsored promoted " +
            "cookies cookie privacy terms policy conditions copyright rights reserved contact login account search share shares " +
            "features feature sections section categories category latest top video videos photos photo gallery podcasts podcast " +
            "app apps premium subscription subscriptions edition editions sitemap feedback careers faq help next previous prev back " +
            "print email facebook twitter linkedin whatsapp telegram reddit instagram youtube tiktok rss feed recommended picks " +
            "viewed news headlines world sport sports business politics opinion culture tech technology science health " +
            "entertainment lifestyle weather live ai tools settings notifications bookmarks bookmark saved javascript browser " +
            "skip navigation toggle click here loading sign-in log-in signup newsletter sidebar footer header widget");
        Add(WordKind.Cta,
            "subscribe sign share follow donate support download try explore join register log login click tap watch listen read " +
            "get contribute install upgrade unlock discover comment like tweet email print save bookmark please continue view see " +
            "load show become leave enjoy stay sign-up signup");
        Add(WordKind.Person, "you your yours you're you'll yourself");
        Add(WordKind.Owner, "our us we ours we're we've");
        Add(WordKind.Appeal,
            "subscribe subscribing subscription subscriber subscribers newsletter newsletters inbox donate donating donation donations " +
            "support supporting supporter supporters membership member members premium register registration sign-up signup login " +
            "app download unlock free trial offer journalism independent contribute contribution ad-free notifications alerts " +
            "features exclusive access briefing digest updates");
        Add(WordKind.Reporting,
            "said says say saying told tells added adds according stated explained noted claimed claims reported reports wrote " +
            "insisted urged announced confirmed warned argued asked replied described");
        Add(WordKind.Marker, "details follow come developing breaking update updates updated updating refresh live exclusive watch video ends end more story");
        Add(WordKind.Stop,
            "a an the of to in on at for from with by and or but is are was be this that these those it its what how why who " +
            "all any no not can do does will may might up out as into about than so if");
        Add(WordKind.SectionBreak,
            "related comments comment recommended popular trending latest more also next stories articles other picks headlines");
        Add(WordKind.Connector, "of the and for de del der la le al el von van du da di y & on in at");
        Add(WordKind.EmptyState, "no yet first be loading nothing there empty");
        Add(WordKind.SourceLabel, "source sources via credit");
        Add(WordKind.Consent, "cookie cookies consent privacy opt-out gdpr");
        Add(WordKind.Media, "photo photos photograph picture pictures image images video videos illustration graphic credit caption footage file");

        return kinds.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
