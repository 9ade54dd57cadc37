using FsCheck;
using FsCheck.Xunit;
using Parallax.Core.Language;

namespace Parallax.Core.Tests.Language;

/// <summary>Whatever the text, the analysis never throws and its spans lie in the text, in order.</summary>
public sealed class LanguagePropertyTests
{
    private static readonly LanguageAnalyzer Analyzer = new();

    // Characters the layer treats specially, so that random text hits its edge cases often.
    private const string Alphabet = "`` '' aA zZ.,;:!?'\"\u201C\u201D\u2018\u2019\u00AB\u00BB()-\n\n 0123456789$%€ Mr U.S. Jan said Doe May 3rd 2024 \u2026 Пр 中文";

    [Property(MaxTest = 300)]
    public void Random_text_gives_ordered_spans_in_range(NonNull<string> raw, int[] picks)
    {
        var text = raw.Get + Mix(picks ?? []);
        var analysis = Analyzer.Analyze("A title", text, new DateTimeOffset(2024, 3, 6, 0, 0, 0, TimeSpan.Zero));
        InOrder(text, analysis.Sentences.Select(s => (s.Start, s.End)));
        InOrder(text, analysis.Tokens.Select(t => (t.Start, t.End)));
        InOrder(text, analysis.Names.Select(n => (n.Start, n.End)));
        InOrder(text, analysis.Numbers.Select(n => (n.Start, n.End)));
        InOrder(text, analysis.Dates.Select(d => (d.Start, d.End)));
        InOrder(text, analysis.Quotes.Select(q => (q.Start, q.End)));
        foreach (var quote in analysis.Quotes)
        {
            InOrder(text, quote.Parts.Select(p => (p.Start, p.End)));
            Assert.True(quote.SpeakerSpan is null || quote.SpeakerSpan.Value.End <= text.Length);
        }
    }

    private static string Mix(int[] picks)
    {
        var chars = new char[picks.Length];
        for (var i = 0; i < picks.Length; i++)
        {
            chars[i] = Alphabet[(int)((uint)picks[i] % Alphabet.Length)];
        }

        return new string(chars);
    }

    private static void InOrder(string text, IEnumerable<(int Start, int End)> spans)
    {
        var previous = 0;
        foreach (var (start, end) in spans)
        {
            Assert.InRange(start, previous, text.Length);
            Assert.InRange(end, start, text.Length);
            previous = start;
        }
    }
}
