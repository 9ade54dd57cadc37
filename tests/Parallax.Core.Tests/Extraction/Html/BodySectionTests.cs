using System.Text;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>
/// How the body is gathered from the blocks a page cuts it into, and what is cut out of it, on fictional pages:
/// copies of the text for other screen sizes, listicle items, sections named for jump links, headers misused as wrappers.
/// </summary>
public sealed class BodySectionTests
{
    private static readonly HtmlExtractor Extractor = new();

    private static readonly string[] Body =
    [
        "The Orrin Bay harbour board approved a plan on Monday to dredge the northern channel, which has silted up so badly that fishing boats wait for high tide to leave.",
        "Dredging will start in September and take about six weeks, the board's engineer said, and the spoil will be used to rebuild the dunes south of the lighthouse.",
        "Skippers welcomed the decision but asked for the work to avoid the herring season, when the channel carries most of the fleet out before dawn.",
        "The board will publish the dredging timetable next week, and the harbour master said the channel would stay open at night while the work goes on.",
    ];

    private static ExtractedArticle? Extract(string html) =>
        Extractor.Extract(new PageInput("page.html", PageFormat.Html, Encoding.UTF8.GetBytes(html))).Articles.FirstOrDefault();

    private static string Paragraphs(IEnumerable<string> texts) => string.Concat(texts.Select(p => $"<p>{p}</p>"));

    [Fact]
    public void An_article_laid_out_twice_for_two_screen_sizes_is_read_once()
    {
        // The style sheet (not read) shows one copy per screen size; both are in the markup.
        var copy = "<h2>Channel to be dredged</h2>" + Paragraphs(Body);
        var html = "<html><body><div class='layout'><div class='desktop-only'>" + copy + "</div><div class='tablet-only'>" + copy +
            "</div><div class='phone-only'>" + copy + "</div></div></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        Assert.Equal(["Channel to be dredged", .. Body], article.Paragraphs);
    }

    [Fact]
    public void Lines_a_plan_repeats_by_design_are_kept()
    {
        string[] day = ["Meal 1", "Eat every 2 to 3 hours", "One cup of oats with berries and a spoon of honey", "Meal 2", "Eat every 2 to 3 hours"];
        string[] paragraphs = ["Day 1", .. day, "Grilled fish with rice", "Day 2", .. day, "Bean chili with bread", "Day 3", .. day, "Chicken soup"];

        var copy = RepeatedRuns.Find(paragraphs);

        Assert.DoesNotContain(true, copy);
    }

    [Fact]
    public void A_long_run_repeated_in_order_is_a_copy()
    {
        string[] paragraphs = ["Channel to be dredged", .. Body, "Read the timetable", "Channel to be dredged", .. Body];

        var copy = RepeatedRuns.Find(paragraphs);

        Assert.Equal(Enumerable.Repeat(false, 6).Concat(Enumerable.Repeat(true, 5)), copy);
    }

    [Fact]
    public void Listicle_items_in_article_elements_stay_and_teaser_cards_go()
    {
        // Each item holds paragraphs of its own (over 400 characters of prose), as a product review does.
        string[] first = ["The Harbour Lantern is the best pick for most boats. " + Body[0], Body[1], Body[3]];
        string[] second = ["The Dune Lamp is the pick for small budgets. " + Body[2], Body[3], Body[1]];
        var html = "<html><body><article class='guide'><h1>Best boat lanterns</h1><p>" + Body[0] + "</p>" +
            "<article class='item'><h2>Harbour Lantern</h2>" + Paragraphs(first) + "</article>" +
            "<article class='item'><h2>Dune Lamp</h2>" + Paragraphs(second) + "</article>" +
            "<div class='cards'><article><h3><a href='/a'>Ten tide tables compared for this summer</a></h3><p>A short look at the tables.</p></article>" +
            "<article><h3><a href='/b'>How the lighthouse keepers lived a century ago</a></h3><p>From our archive.</p></article></div>" +
            "</article></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        Assert.Equal([Body[0], "Harbour Lantern", .. first, "Dune Lamp", .. second], article.Paragraphs);
    }

    [Fact]
    public void A_header_element_wrapping_the_article_is_not_the_masthead()
    {
        // A page builder's section named after where it sits, holding the article; the FAQ below is longer than the
        // retry threshold, so only the header rule keeps the article.
        string[] faq = ["Who pays for the dredging of the channel?", "The harbour board pays from its reserve, topped up by the port levy that every boat pays when it lands a catch.", "Will the beach be closed during the work?", "Only the stretch by the lighthouse, for two weeks, while the spoil is spread on the dunes and fenced off.", "Where can I read the plan?", "At the harbour office on weekdays, or on the board's pages, where the engineer's report is posted in full."];
        var html = "<html><body><header class='site'><a href='/'>Orrin Bay Post</a> <a href='/news'>News</a></header><main>" +
            "<header class='section_post-content'><h1>Channel to be dredged</h1><div class='rich-text'>" + Paragraphs(Body) + "</div></header>" +
            "<section class='faq'><h2>Questions</h2>" + Paragraphs(faq) + "</section></main></body></html>";

        var article = Extract(html);

        // The questions beside it may come along as more of the body; the article must not be lost.
        Assert.NotNull(article);
        Assert.Equal(Body, article.Paragraphs.Take(Body.Length));
    }

    [Fact]
    public void Sections_marked_as_jump_targets_stay_with_their_plain_siblings()
    {
        // "jump" names jump-link blocks; here it marks the sections a table of contents links to.
        var html = "<html><body><nav class='menu'><a href='/'>Home</a> <a href='/learn'>Learn</a></nav><main><div class='sections'>" +
            "<section class='block wide jump-section'><h2>Why dredge</h2><div><p>" + Body[0] + "</p></div></section>" +
            "<section class='block wide'><h2>When</h2><div><p>" + Body[1] + "</p></div></section>" +
            "<section class='block wide jump-section'><h2>Who objects</h2><div><p>" + Body[2] + "</p></div></section>" +
            "<section class='block wide jump-section'><h2>What next</h2><div><p>" + Body[3] + "</p></div></section>" +
            "</div></main><div class='jump-links'><a href='#a'>Why dredge</a> <a href='#b'>When</a></div></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        Assert.Equal(["Why dredge", Body[0], "When", Body[1], "Who objects", Body[2], "What next", Body[3]], article.Paragraphs);
    }

    [Fact]
    public void Prose_in_a_block_named_for_its_layout_stays_and_a_bio_named_for_what_it_is_goes()
    {
        // "sidebar-enabled" says the layout has a sidebar, not that this block is one; it holds under half the prose,
        // so only its own prose speaks for it. The bio holds prose too, but "author-bio" says what it is for.
        string[] more =
        [
            "The engineer said the dredger would work from the seaward end first, so that the boats already inside the harbour could still reach the fuel quay.",
            "Night work is allowed under the permit, but the board promised to stop the pumps at ten in the evening during the summer holidays.",
            "A second survey of the channel floor will follow in the spring, to check whether the silt returns as fast as it did after the last dredging.",
        ];
        var html = "<html><body><main><div class='post'><h1>Channel to be dredged</h1><div class='entry'>" + Paragraphs(Body) + "</div>" +
            "<div class='content sidebar-enabled--false'>" + Paragraphs(more) + "</div>" +
            "<div class='author-bio'><p>Mira Castellane has covered the harbour, its boats and the people who work them for the Orrin Bay Post since 2009, and before that wrote about the coast for the county paper.</p>" +
            "<p>She lives on the north shore with two dogs and a dinghy that she says is older than the lighthouse, and she answers every letter about the tides herself.</p>" +
            "<p>Her book about the last herring smokehouse on the coast came out in the spring, and she is writing another about the ferry.</p></div>" +
            "</div></main></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        Assert.Equal([.. Body, .. more], article.Paragraphs);
    }

    [Fact]
    public void Rows_of_pictured_items_written_in_divs_stay_in_the_body()
    {
        // Two pictures and no p element in each row: an image strip by the count of p elements, yet each item's text is
        // a paragraph written as a div (under the 500 characters of prose that would keep the row anyway).
        static string Item(string name, string text) =>
            $"<div class='item'><div class='icon'><img src='{name}.png'></div><div class='name'>{name}</div><div class='text'>{text}</div></div>";
        var html = "<html><body><article><h1>Harbour upkeep</h1><p>" + Body[0] + "</p>" +
            "<div class='row'>" + Item("Channel", Body[1]) + Item("Dunes", Body[2]) + "</div>" +
            "<p>" + Body[3] + "</p></article></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        Assert.Equal(Body, article.Paragraphs);
    }

    [Fact]
    public void A_review_cut_into_product_sections_is_read_whole()
    {
        // Each product is scored on its own, and its table of short cells keeps the climb to their container from
        // counting it as prose; the page's prose lies mostly outside the one product that scores best.
        static string Product(string name, string[] text) =>
            $"<li class='product'><h2>{name}</h2><div class='inner'><div class='descr'>{Paragraphs(text)}</div><table><tbody>" +
            string.Concat(Enumerable.Range(1, 24).Select(r => $"<tr><td>Plan {r}</td><td>${r * 40}</td><td>{r * 5} days</td><td>Yes</td></tr>")) +
            "</tbody></table></div></li>";
        string[] second =
        [
            "The Dune Lamp is the pick for small budgets: it runs for a whole night on four batteries and its glass is thick enough to survive a fall onto the deck.",
            "Its beam is narrower than the lantern's, and the board's test found it hard to read a chart by, but it costs less than half as much to buy and to run.",
        ];
        string[] third =
        [
            "The Quay Light is the one to hang in a wheelhouse: it dims to a glow that does not spoil night vision, and it charges from the boat's own supply.",
            "It is heavier than the others and its hook is small, so the test crew tied it on with a lanyard after it slipped twice in a swell off the point.",
        ];
        string[] fourth =
        [
            "The Reef Torch is the smallest of the four, a light for a dinghy or a pocket, and it floats with the beam pointing up when it goes over the side.",
            "On a full charge it lasted three hours at its brightest setting, which is enough to row home by but not enough for a night of fishing on the bank.",
        ];
        var html = "<html><body><nav class='menu'><a href='/'>Home</a> <a href='/gear'>Gear</a></nav><main><div class='wrap'>" +
            "<h1>Best boat lanterns</h1><ul class='products'>" + Product("Harbour Lantern", Body) + Product("Dune Lamp", second) +
            Product("Quay Light", third) + Product("Reef Torch", fourth) + "</ul></div></main></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        Assert.Contains(Body[0], article.Paragraphs);
        Assert.Contains(second[1], article.Paragraphs);
        Assert.Contains(fourth[1], article.Paragraphs);
    }

    [Fact]
    public void A_data_table_whose_cells_are_styled_with_boilerplate_words_stays()
    {
        // "utility" names a utility bar, but here it is the cells' font. The body is long enough (over 500 characters)
        // that no retry without class words comes to the table's rescue.
        var rows = string.Concat(new[] { ("1", "Rest", "Walk 20 min"), ("2", "Run easy 10 min", "Rest"), ("3", "Walk 30 min", "Run easy 15 min") }
            .Select(r => $"<tr><td class='cell font-utility-2'>Week {r.Item1}</td><td class='cell font-utility-2'>{r.Item2}</td><td class='cell font-utility-2'>{r.Item3}</td></tr>"));
        var html = "<html><body><article><h1>Couch to harbour run</h1><p>" + Body[0] + "</p><div class='table-wrap'><table><tbody>" + rows +
            "</tbody></table></div>" + Paragraphs(Body.Skip(1)) + "</article></body></html>";

        var article = Extract(html);

        Assert.NotNull(article);
        Assert.Contains(article.Paragraphs, p => p.Contains("Run easy 10 min", StringComparison.Ordinal));
        Assert.Contains(article.Paragraphs, p => p.Contains("Week 3", StringComparison.Ordinal));
        Assert.Equal(Body[3], article.Paragraphs[^1]);
    }
}
