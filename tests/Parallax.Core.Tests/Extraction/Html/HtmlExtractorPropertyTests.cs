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
    ];

    private static Gen<string> PageHtml() => Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts));

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

    [Fact]
    public void Generated_pages_do_produce_articles()
    {
        // Guards the properties against passing vacuously.
        var withArticles = PageHtml().Sample(300, 100).Count(page => Extract(page).Articles.Count > 0);

        Assert.True(withArticles > 10, $"only {withArticles} of 100 generated pages gave an article");
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
                    // Words can join across removed tags ("on<br>Friday" is one run of letters here, two words there).
                    if (!inputWords.Contains(word.Value) && !decoded.Contains(word.Value, StringComparison.Ordinal))
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
