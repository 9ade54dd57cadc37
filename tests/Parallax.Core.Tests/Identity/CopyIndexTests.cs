using Parallax.Core.Identity;
using static Parallax.Core.Tests.Identity.CopyFixtures;

namespace Parallax.Core.Tests.Identity;

public sealed class CopyIndexTests
{
    /// <summary>
    /// Pairs of texts, added A then B: is one a copy of the other, which is the original, and what kind of copy.
    /// Read as a table: name | A | B | copy? | original | kind.
    /// </summary>
    public static TheoryData<string, string, string, bool, string?, CopyKind?> Pairs => new()
    {
        { "same text, other spacing", Flood, Flood.Replace(" ", "  ", StringComparison.Ordinal), true, "A", CopyKind.Duplicate },
        { "same text, other case and quotes", Flood, Flood.ToUpperInvariant().Replace("\"", "\u201C", StringComparison.Ordinal), true, "A", CopyKind.Duplicate },
        { "one sentence edited", Flood, Flood.Replace("the fastest rise since records began in 1921", "a record", StringComparison.Ordinal), true, "A", CopyKind.NearDuplicate },
        { "last paragraph dropped", Flood, Flood[..Flood.LastIndexOf("\n\n", StringComparison.Ordinal)], true, "A", CopyKind.NearDuplicate },
        { "another report of the same event", Flood, FloodOtherReport, false, null, null },
        { "different events", Flood, Budget, false, null, null },
        { "republished inside a larger page", Flood, Budget + "\n\n" + Flood + "\n\n" + Budget.Replace("Ostvale", "Kerrin", StringComparison.Ordinal), true, "A", CopyKind.Republication },
        { "page first, then the article itself", Budget + "\n\n" + Flood + "\n\n" + FloodOtherReport, Flood, true, "A", CopyKind.Republication },
        { "fuller version arrives later", Flood, ListingOpening + " " + Flood, true, "B", CopyKind.NearDuplicate },
        { "shorter version arrives later", ListingOpening + " " + Flood, Flood, true, "A", CopyKind.NearDuplicate },
        { "hand-spun copy", Flood, FloodSpun, true, "A", CopyKind.SpunCopy },
        { "one shared background sentence", Flood, Budget + " Heavy rain flooded the lower streets of Marrowby on Tuesday, forcing the evacuation of 240 homes near the Tessel river.", false, null, null },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Pair_table(string name, string a, string b, bool copy, string? original, CopyKind? kind)
    {
        var index = new CopyIndex();
        index.Add(new CopyCandidate("A", "", a, "Gazette A", null));
        index.Add(new CopyCandidate("B", "", b, "Gazette B", null));
        var link = index.LinkOf("A") ?? index.LinkOf("B");
        Assert.True(copy == (link is not null), $"{name}: expected copy={copy}, got {link}");
        if (link is not null)
        {
            Assert.Equal(original, link.OriginalId);
            Assert.Equal(original == "A" ? "B" : "A", link.CopyId);
            Assert.Equal(kind, link.Kind);
            Assert.Null(index.LinkOf(original!));
        }
    }

    [Fact]
    public void In_page_rule_the_fuller_listing_item_is_the_original_and_gives_the_publisher()
    {
        var index = new CopyIndex();
        Assert.Empty(index.Add(new CopyCandidate("top", "Flood in Marrowby", Flood, "Aggregator Daily", null)));
        var changed = index.Add(new CopyCandidate("item", "Flood in Marrowby", ListingOpening + " " + Flood, "Valley Herald", null));

        var link = Assert.Single(changed);
        Assert.Equal(new CopyLink("top", "item", CopyKind.NearDuplicate, link.Similarity, "Valley Herald"), link);
        Assert.Equal(link, index.LinkOf("top"));
        Assert.Null(index.LinkOf("item"));
    }

    [Fact]
    public void A_fuller_version_takes_over_the_whole_group_and_reports_every_changed_link()
    {
        var index = new CopyIndex();
        index.Add(new CopyCandidate("a", "", Flood, null, null));
        index.Add(new CopyCandidate("a-dup", "", Flood, null, null));
        index.Add(new CopyCandidate("a-spun", "", FloodSpun, null, null));
        var changed = index.Add(new CopyCandidate("full", "", ListingOpening + "\n\n" + Flood, "Valley Herald", null));

        Assert.Equal(["a", "a-dup", "a-spun"], changed.Select(l => l.CopyId).Order().ToArray());
        Assert.All(changed, l => Assert.Equal("full", l.OriginalId));
        Assert.Equal(CopyKind.SpunCopy, index.LinkOf("a-spun")!.Kind);
        Assert.Equal("full", index.LinkOf("a-dup")!.OriginalId);
    }

    [Fact]
    public void A_copy_that_credits_a_publisher_carries_it_and_never_becomes_the_original()
    {
        var index = new CopyIndex();
        index.Add(new CopyCandidate("orig", "", Flood, null, null));
        var credited = ListingOpening + "\n\n" + Flood + "\n\nThis article was first published by the Tessel Valley Courier.";
        var link = Assert.Single(index.Add(new CopyCandidate("copy", "", credited, "Big Aggregator", null)));

        Assert.Equal("copy", link.CopyId);
        Assert.Equal("orig", link.OriginalId);
        Assert.Equal("Tessel Valley Courier", link.OriginalPublisher);
    }

    [Fact]
    public void A_spun_copys_credit_line_yields_to_the_originals_source_because_spinners_rewrite_names()
    {
        var index = new CopyIndex();
        index.Add(new CopyCandidate("orig", "", Flood, "Valley Herald", null));
        index.Add(new CopyCandidate("spun", "", FloodSpun + "\n\nThis article was first published by Dale Messenger.", "Spinner Site", null));
        var link = index.LinkOf("spun");
        Assert.Equal(CopyKind.SpunCopy, link?.Kind);
        Assert.Equal("Valley Herald", link?.OriginalPublisher);
    }

    [Fact]
    public void The_original_publisher_is_the_originals_source_when_the_copy_names_none()
    {
        var index = new CopyIndex();
        index.Add(new CopyCandidate("orig", "", Flood, "Valley Herald", null));
        index.Add(new CopyCandidate("copy", "", Flood, "Copycat News", null));
        Assert.Equal("Valley Herald", index.LinkOf("copy")!.OriginalPublisher);
        Assert.Equal("Valley Herald", index.PublisherOf("copy"));
        Assert.Equal("Valley Herald", index.PublisherOf("orig"));
    }

    [Fact]
    public void An_earlier_publication_date_makes_the_newcomer_the_original_of_a_near_duplicate()
    {
        var index = new CopyIndex();
        var day = new DateTimeOffset(2031, 3, 4, 12, 0, 0, TimeSpan.Zero);
        index.Add(new CopyCandidate("late", "", Flood, null, day));
        index.Add(new CopyCandidate("early", "", Flood.Replace("Heavy rain", "Torrential rain", StringComparison.Ordinal), null, day.AddHours(-5)));
        Assert.Equal("early", index.LinkOf("late")!.OriginalId);
    }

    [Fact]
    public void A_spun_copy_is_found_through_restored_text_too_and_the_unspun_text_is_the_original()
    {
        var index = new CopyIndex(new CopyIndexOptions { SpinRobust = false });

        // The spun copy arrives first, flagged spun with its restored text (two swaps the restorer missed); the original
        // arrives later and takes over.
        var restored = Flood.Replace("sports hall", "athletics hall", StringComparison.Ordinal).Replace("shelter", "refuge", StringComparison.Ordinal);
        index.Add(new CopyCandidate("spun", "", FloodSpun, null, null, restored));
        index.Add(new CopyCandidate("orig", "", Flood, null, null));

        var link = index.LinkOf("spun");
        Assert.NotNull(link);
        Assert.Equal("orig", link.OriginalId);
        Assert.Equal(CopyKind.SpunCopy, link.Kind);
    }

    [Fact]
    public void Without_the_skeleton_or_restored_text_a_spun_copy_is_missed()
    {
        // Shows that the spin-robust signal is what finds it: plain word shingles do not.
        var index = new CopyIndex(new CopyIndexOptions { SpinRobust = false });
        index.Add(new CopyCandidate("orig", "", Flood, null, null));
        index.Add(new CopyCandidate("spun", "", FloodSpun, null, null));
        Assert.Null(index.LinkOf("spun"));
    }

    [Fact]
    public void Adding_the_same_id_twice_is_refused()
    {
        var index = new CopyIndex();
        index.Add(new CopyCandidate("a", "", Flood, null, null));
        Assert.Throws<ArgumentException>(() => index.Add(new CopyCandidate("a", "", Budget, null, null)));
        Assert.Null(index.LinkOf("unknown"));
    }
}
