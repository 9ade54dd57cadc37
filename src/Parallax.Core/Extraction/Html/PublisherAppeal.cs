using System.Text.RegularExpressions;

namespace Parallax.Core.Extraction.Html;

/// <summary>
/// Finds a publisher's appeal at the end of an article: a donation, membership or subscription pitch ("Dear readers,
/// ...", "A message from ...", "Support independent journalism"), with its reminders and buttons. Its lines read like
/// sentences, so line rules keep most of them; this judges the tail as one block. The block starts at a line that
/// opens an appeal and runs to the end of the article through lines that keep to the appeal's subject (support,
/// donations, members, readers, the newsroom, prices) or are short enough to be buttons. It is an appeal when it asks
/// for something and speaks as the publisher, and it never takes more than a minor share of the article.
/// </summary>
internal static partial class PublisherAppeal
{
    /// <summary>How far back from the end an appeal may start, in paragraphs.</summary>
    private const int MaxParagraphs = 16;

    /// <summary>Lines this short are buttons and reminders ("Donate now", "Remind me in May", "Maybe later").</summary>
    private const int ButtonChars = 60;

    /// <summary>
    /// The index of the first paragraph of the appeal that ends <paramref name="paragraphs"/>, or -1 when there is none.
    /// </summary>
    public static int Start(IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        if (paragraphs.Count < 2)
        {
            return -1;
        }

        // The tail that could be part of an appeal: lines on its subject, or buttons.
        var first = paragraphs.Count;
        while (first > 0 && paragraphs.Count - first < MaxParagraphs && Fits(paragraphs[first - 1]))
        {
            first--;
        }

        var start = -1;
        for (var i = first; i < paragraphs.Count; i++)
        {
            if (Opens(paragraphs[i]))
            {
                start = i;
                break;
            }
        }

        if (start <= 0)
        {
            // None, or the whole text: an article about an appeal is not itself boilerplate.
            return -1;
        }

        var asks = false;
        var speaksAsPublisher = false;
        var blockChars = 0;
        for (var i = start; i < paragraphs.Count; i++)
        {
            asks |= Ask().IsMatch(paragraphs[i]);
            speaksAsPublisher |= Publisher().IsMatch(paragraphs[i]);
            blockChars += paragraphs[i].Length;
        }

        var totalChars = 0;
        foreach (var paragraph in paragraphs)
        {
            totalChars += paragraph.Length;
        }

        return asks && speaksAsPublisher && blockChars * 2 <= totalChars ? start : -1;
    }

    private static bool Fits(string paragraph) => paragraph.Length <= ButtonChars || Subject().IsMatch(paragraph);

    private static bool Opens(string paragraph) => Opener().IsMatch(paragraph.Length > 160 ? paragraph[..160] : paragraph);

    /// <summary>How appeals begin: addressing the reader, announcing a message, or asking outright.</summary>
    [GeneratedRegex(
        @"^\W*(dear (readers?|friends?|supporters?|subscribers?|listeners?|viewers?)\b|an? (message|note|letter|word) from\b|before you go\b|thank you for reading\b|thanks for reading\b|(please )?(consider )?(support|supporting|donate|donating|contribute|contributing|give|giving)\b.{0,60}\b(journalism|reporting|newsroom|work|us|mission)\b|become an? (member|supporter|subscriber|patron|donor)\b|join (us|our|the)\b.{0,40}\b(members?|supporters?|community|donors?)\b|(we|our newsroom|our journalism) (need|needs|rely|relies|depend|depends|can't|cannot|couldn't)\b.{0,60}\b(you|your|readers?|support|help)\b|if you (value|valued|like|liked|enjoy|enjoyed|appreciate|appreciated|found|believe|rely)\b.{0,80}\b(support|donat|contribut|member|subscrib|chip in|give)|(make|give) an? (one-time |monthly |annual |recurring |tax-deductible |small )*(gift|donation|contribution)\b)|\bsupport (independent|our|quality|local|nonprofit|non-profit|public[- ]interest|fearless|trusted|free|reader-funded|community) (\w+ )?(journalism|news|reporting|media|press)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opener();

    /// <summary>What an appeal's lines talk about.</summary>
    [GeneratedRegex(
        @"\b(support\w*|donat\w*|contribut\w*|members?(hip)?|subscri\w*|journalism|journalists?|reporting|newsroom|readers?|fund\w*|gifts?|independent|paywalls?|free (for|to) (all|everyone|read)|per (month|year)|a (month|year)|monthly|annually|remind me|maybe later|not now|no thanks|credit card|debit card|paypal|apple pay|google pay|tax[- ]deductible|non-?profit|sponsors?|advertis\w*|billionaires?|shareholders?|help us|chip in|mission)\b|[$€£]\s?\d",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Subject();

    /// <summary>The appeal asks for something.</summary>
    [GeneratedRegex(
        @"\b(support|donate|donating|donation|contribute|contribution|become a|join|subscribe|give|gift|chip in|help us|sign up)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ask();

    /// <summary>The appeal speaks as the publisher, about its own work.</summary>
    [GeneratedRegex(
        @"\b(we|we're|we've|our|ours)\b|(?-i:\bus\b)|\b(this|independent|our) (newsroom|journalism|publication|site|newsletter|magazine|podcast)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Publisher();
}
