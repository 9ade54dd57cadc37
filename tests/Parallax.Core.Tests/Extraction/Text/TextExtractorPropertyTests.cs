using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Text;

namespace Parallax.Core.Tests.Extraction.Text;

/// <summary>Random and page-shaped random text: the extractor never throws, and never writes a body line it did not read.</summary>
public sealed class TextExtractorPropertyTests
{
    private static readonly TextExtractor Extractor = new();

    // Pieces of pages: running text, headlines, metadata, chrome, markers, blanks and junk.
    private static readonly string[] Pieces =
    [
        "The council voted seven to two on Tuesday night to fund a new barrier along the east bank of the river.",
        "\"You have to see the water to believe it,\" said Elin Marsh, whose bakery flooded for the third time in four years.",
        "Rain is expected to ease by Thursday. Engineers will then inspect the Old Mill Bridge. DETAILS TO FOLLOW",
        "He declined to comment.",
        "Ferry services suspended as storm hits the coast",
        "Valemont Daily", "- Valemont Daily", "Source: Northgate Wire", "By Marta Kovalenko",
        "4 hours ago", "12 February 2025", "Updated 09:15 BST",
        "Related Articles", "Comments", "No comments yet...", "Share this article", "Try Our AI Features",
        "DETAILS TO FOLLOW", "BREAKING", "Home | World | Sport", "© 2025 Valemont Media Group",
        "", "", "   ", "\t", "…", "- ", "|", "By", ":", "2025", "\u00a0", "ВАЖНО: новости", "速報",
    ];

    private static Gen<string> PageText() =>
        Gen.Elements(Pieces).ListOf().Select(lines => string.Join("\n", lines));

    [Property(MaxTest = 300)]
    public bool Random_text_never_throws_and_bodies_are_input_lines(NonNull<string> text) => Holds(text.Get);

    [Property(MaxTest = 300)]
    public Property Page_shaped_text_never_throws_and_bodies_are_input_lines() =>
        Prop.ForAll(PageText().ToArbitrary(), Holds);

    [Property(MaxTest = 200)]
    public Property Page_shaped_text_with_random_mutations_never_throws() =>
        Prop.ForAll(PageText().ToArbitrary(), ArbMap.Default.ArbFor<NonNull<string>>(), ArbMap.Default.ArbFor<int>(),
            (page, noise, at) => Holds(page.Insert(Math.Abs(at % (page.Length + 1)), noise.Get)));

    [Fact]
    public void Generated_pages_do_produce_articles()
    {
        // Guards the properties against passing vacuously: page-shaped text must often give articles.
        var withArticles = PageText().Sample(200, 50).Count(page => Extract(page).Articles.Count > 0);

        Assert.True(withArticles > 10, $"only {withArticles} of 50 generated pages gave an article");
    }

    private static PageExtraction Extract(string text) =>
        Extractor.Extract(new PageInput("random.txt", PageFormat.Text, Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Every body paragraph is an input line, trimmed, or the leading part of one when an editorial marker glued
    /// to its end was cut off ("... he added. DETAILS TO FOLLOW").
    /// </summary>
    private static bool Holds(string text)
    {
        var result = Extract(text);

        // What the extractor saw: the bytes decode back to the same text, minus any bytes UTF-8 could not carry.
        var decoded = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
        var lines = new List<string>();
        foreach (var line in decoded.AsSpan().EnumerateLines())
        {
            lines.Add(line.Trim().ToString());
        }

        foreach (var article in result.Articles)
        {
            foreach (var paragraph in article.Paragraphs)
            {
                if (paragraph.Length == 0 || !lines.Exists(l => l.StartsWith(paragraph, StringComparison.Ordinal)))
                {
                    return false;
                }
            }
        }

        return result.Error is not null || result.Articles.Count > 0;
    }
}
