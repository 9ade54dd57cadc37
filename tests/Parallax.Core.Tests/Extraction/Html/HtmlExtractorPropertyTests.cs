using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Parallax.Core.Extraction;
using Parallax.Core.Extraction.Html;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>
/// Random and mutated HTML: the extractor never throws, and every word of every body it writes is a word of its
/// input (it selects text, it never invents it).
/// </summary>
public sealed partial class HtmlExtractorPropertyTests
{
    private static readonly HtmlExtractor Extractor = new();

    private static readonly string[] Pieces =
    [
        "<p>", "</p>", "<div>", "</div>", "<div class=\"share-bar\">", "<div class=\"article-body\">", "<article>", "</article>",
        "<nav>", "</nav>", "<ul><li>", "</li></ul>", "<h1>", "</h1>", "<h2>", "</h2>", "<a href=\"/x\">", "</a>", "<br>",
        "<script>var x = '<p>not text</p>';</script>", "<style>p { color: red }</style>", "<!-- comment -->", "<table><tr><td>",
        "</td></tr></table>", "<span>", "</span>", "<time datetime=\"2030-01-02\">", "</time>", "<html>", "<body>", "</body>",
        "<meta charset=\"utf-8\">", "<title>", "</title>", "<aside class=\"related\">", "</aside>", "<footer>", "</footer>",
        "The council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive. ",
        "Residents said the work was long overdue, and several had written to the mayor about it. ",
        "Share on Facebook ", "Related stories ", "Comments ", "By Ada Lark ", "12 March 2030 ", "Ça coûte cher. ",
        "Новый мост открыт. ", "港の工事が始まった。", "&amp; ", "<", ">", "\"", "'", "=", "&", "\u0000",

        // Shapes that cost an HTML5 tree builder dearly or that a tag count misreads: unclosed formatting elements
        // re-opened in each paragraph, stray end tags, comments closed by "--!>", raw text holding tags, select in
        // select, a in a, a quoted '>' in an attribute.
        "<b class=\"c1\">", "<b class=\"c2\">", "<i>", "</b>", "</x>", "<div></x>", "<!-- c --!>", "<!-->", "<xmp>", "</xmp>",
        "<plaintext>", "<textarea>", "</textarea>", "<select>", "</select>", "<option>", "<a href=\"/y\">", "<div title=\"a > b\">",
        "<svg><path/>", "</svg>", "<td>", "<li>", "<nobr>",
    ];

    /// <summary>One of those shapes repeated thousands of times after a real article: the worst cases at scale.</summary>
    private static readonly string[] Repeated =
    [
        "<b class=\"c{0}\">", "<p>x</p>", "<div></x>", "</x>", "<select>", "<a href=\"/x\">", "<xmp><div>", "<b>", "<div>",
        "<span>", "<table><tr><td>", "<li>", "<!-- c --!>", "<i><p>", "<nobr>", "<p><b>", "</p>", "<br>",
    ];

    /// <summary>The prose pieces again, drawn a quarter of the time, so that enough random pages hold an article.</summary>
    private static readonly string[] Prose =
    [
        "The council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive. ",
        "Residents said the work was long overdue, and several had written to the mayor about it. ",
        "<p>The council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive. </p>",
    ];

    private static Gen<string> PageHtml() =>
        Gen.Frequency((3, Gen.Elements(Pieces)), (1, Gen.Elements(Prose))).ListOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = 300)]
    public bool Random_strings_never_throw_and_write_only_input_words(NonNull<string> text) => Holds(text.Get);

    [Property(MaxTest = 300)]
    public Property Page_shaped_html_never_throws_and_writes_only_input_words() => Prop.ForAll(PageHtml().ToArbitrary(), Holds);

    [Property(MaxTest = 100)]
    public Property Mutated_fixture_pages_never_throw_and_write_only_input_words() =>
        Prop.ForAll(
            Gen.Elements("news-page.html", "jsonld-page.html", "multi-article.html", "teaser-page.html").ToArbitrary(),
            ArbMap.Default.ArbFor<NonNull<string>>(),
            ArbMap.Default.ArbFor<int>(),
            (name, noise, at) =>
            {
                var html = Encoding.UTF8.GetString(HtmlFixtures.Bytes(name));
                var position = Math.Abs(at % (html.Length + 1));
                var mutated = html.Insert(position, noise.Get);

                // Half the time the page is also truncated somewhere after the mutation.
                var end = at % 2 == 0 ? mutated.Length : position + ((mutated.Length - position) / 2);
                return Holds(mutated[..end]);
            });

    [Property(MaxTest = 25)]
    public Property Repeated_costly_shapes_end_quickly_without_throwing() =>
        Prop.ForAll(
            Gen.Elements(Repeated).ToArbitrary(),
            Gen.Elements(Repeated).ToArbitrary(),
            Gen.Choose(1, 60_000).ToArbitrary(),
            (first, second, count) =>
            {
                var builder = new StringBuilder("<html><body><article><h1>Harbour</h1><p>");
                builder.Insert(builder.Length, "The council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive. ", 6);
                builder.Append("</p></article>");
                for (var n = 0; n < count; n++)
                {
                    builder.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, n % 2 == 0 ? first : second, n));
                }

                var watch = System.Diagnostics.Stopwatch.StartNew();
                var holds = Holds(builder.ToString());
                return holds && watch.Elapsed < TimeSpan.FromSeconds(15);
            });

    [Fact]
    public void Generated_pages_do_produce_articles()
    {
        // Guards the properties against passing vacuously: at least a tenth of random pages must hold an article.
        var withArticles = PageHtml().Sample(300, 300).Count(page => Extract(page).Articles.Count > 0);

        Assert.True(withArticles > 30, $"only {withArticles} of 300 generated pages gave an article");
    }

    private static PageExtraction Extract(string html) =>
        Extractor.Extract(new PageInput("random.html", PageFormat.Html, Encoding.UTF8.GetBytes(html)));

    private static bool Holds(string html)
    {
        var result = Extract(html);
        var inputWords = new HashSet<string>(StringComparer.Ordinal);
        var decoded = System.Net.WebUtility.HtmlDecode(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(html)));
        foreach (Match word in Word().Matches(decoded))
        {
            inputWords.Add(word.Value);
        }

        foreach (var article in result.Articles)
        {
            foreach (var paragraph in article.Paragraphs)
            {
                if (string.IsNullOrWhiteSpace(paragraph))
                {
                    return false;
                }

                foreach (Match word in Word().Matches(paragraph))
                {
                    // Words can join across removed tags ("on<br>Friday" is one run of letters here, two words there),
                    // and the text of <plaintext> and raw-text elements keeps its entities undecoded ("&amp;").
                    if (!inputWords.Contains(word.Value) && !decoded.Contains(word.Value, StringComparison.Ordinal)
                        && !html.Contains(word.Value, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
            }
        }

        return result.Error is null || result.Articles.Count == 0;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
