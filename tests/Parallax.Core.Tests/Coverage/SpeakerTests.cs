using Parallax.Core.Coverage;
using Parallax.Core.Language;

namespace Parallax.Core.Tests.Coverage;

/// <summary>Who said a quote: resolved to the story's name for that person, or unknown, never someone else.</summary>
public sealed class SpeakerTests
{
    private static readonly LanguageAnalyzer Language = new();

    private static List<Parallax.Core.Analysis.QuotedStatement> Quotes(params string[] texts)
    {
        var reports = texts.Select((t, i) => new CoverageReport($"a{i + 1}", Language.Analyze(null, t))).ToList();
        return [.. new CoverageBuilder().Build(reports).Quotes];
    }

    [Fact]
    public void A_title_resolves_to_the_one_person_the_story_gives_it()
    {
        var quotes = Quotes(
            "Transport Minister Ana Lind visited the valley on Tuesday.\n\n\u201CWe will rebuild every bridge,\u201D Lind said.",
            "\u2018We will rebuild all the bridges,\u2019 the minister told reporters.");
        var statement = Assert.Single(quotes);
        Assert.Equal("Ana Lind", statement.Speaker);
        Assert.Equal(2, statement.Variants.Count);
    }

    [Fact]
    public void A_speaker_named_only_by_title_is_shown_as_the_outlet_wrote_them()
    {
        var quotes = Quotes(
            "Transport Minister Ana Lind visited the valley on Tuesday.\n\n\u201CWe will rebuild every bridge,\u201D Lind said.",
            "\u2018We will rebuild all the bridges,\u2019 the minister told reporters in the capital.",
            "The valley was cut off for days.\n\n\"We will rebuild every single bridge,\" said the transport minister, who visited on Tuesday.");
        var statement = Assert.Single(quotes);
        Assert.Equal("Ana Lind", statement.Speaker);
        Assert.Equal(["Lind", "the minister", "the transport minister"], statement.Variants.Select(v => v.Value));
    }

    [Fact]
    public void A_pronoun_an_unnamed_source_or_a_title_two_people_hold_leaves_the_speaker_unknown()
    {
        var quotes = Quotes(
            "Health Minister Clara Weiss and Finance Minister Tom Berg met on Monday.\n\n\"The new budget is fair to every family,\" the minister said.\n\n\"Taxes will stay the same next year,\" he said.\n\n\"The ministry never told the unions about the cuts,\" a spokesman said.",
            "The budget debate will go on until Friday.");
        Assert.Equal(3, quotes.Count);
        Assert.All(quotes, q => Assert.Null(q.Speaker));
    }

    [Fact]
    public void A_split_quote_is_one_rendering_and_different_speakers_never_join()
    {
        var quotes = Quotes(
            "\"We will win,\" Rosa Alvarez said, \"and we will win soon.\"",
            "\"We will win, and soon,\" said Tomas Brandt.");
        Assert.Equal(2, quotes.Count);
        Assert.Contains(quotes, q => q.Speaker == "Rosa Alvarez" && q.Variants.Single().Text == "We will win and we will win soon.");
        Assert.Contains(quotes, q => q.Speaker == "Tomas Brandt");
    }
}
