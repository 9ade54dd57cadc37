using Parallax.Core.Language;

namespace Parallax.Core.Tests.Language;

/// <summary>Names found in a sentence (normalised keys, " | " between), and the language a text is in.</summary>
public sealed class NameLanguageFixtureTests
{
    private static readonly LanguageAnalyzer Analyzer = new();

    [Theory]
    [InlineData("Talks with the United States resumed in Geneva.", "united states | geneva")]
    [InlineData("Pope Francis visited the Bank of England.", "pope francis | bank of england")]
    [InlineData("Yesterday Daniel Okafor spoke to Mr. Lin.", "daniel okafor | mr lin")]
    [InlineData("Officials said the road was closed.", "")]
    [InlineData("Okafor spoke first. Later, Okafor left the town of Valemont.", "okafor | okafor | valemont")]
    [InlineData("John F. Kennedy Airport reopened.", "john f kennedy airport")]
    [InlineData("On Tuesday the mayor spoke.", "")]
    [InlineData("The mayor met Okafor's deputy.", "okafor")]
    [InlineData("DETAILS TO FOLLOW", "")]
    [InlineData("Pope Francis visited Iraq. The pope spoke.", "pope francis | iraq")]
    [InlineData("The UN Security Council met.", "un security council")]
    public void Names_are_capitalised_runs_not_sentence_openers(string text, string expected)
    {
        var analysis = Analyzer.Analyze(null, text);
        Assert.Equal(expected, string.Join(" | ", analysis.Names.Select(n => n.Key)));
    }

    [Theory]
    [InlineData("The council voted on Tuesday to close the old bridge over the river until the spring.", "en", Script.Latin)]
    [InlineData("Le conseil a voté mardi pour fermer le vieux pont sur la rivière jusqu'au printemps.", "fr", Script.Latin)]
    [InlineData("Der Rat hat am Dienstag beschlossen, die alte Brücke über den Fluss bis zum Frühjahr zu schließen.", "de", Script.Latin)]
    [InlineData("El consejo votó el martes para cerrar el viejo puente sobre el río hasta la primavera.", "es", Script.Latin)]
    [InlineData("Совет во вторник проголосовал за то, чтобы закрыть старый мост через реку до весны.", "ru", Script.Cyrillic)]
    [InlineData("Рада у вівторок проголосувала за те, щоб закрити старий міст через річку до весни.", "uk", Script.Cyrillic)]
    [InlineData("議会は火曜日、春まで古い橋を閉鎖することを決めた。", "ja", Script.Hiragana)]
    [InlineData("议会周二投票决定关闭这座旧桥直到春天。", "zh", Script.Han)]
    [InlineData("Bridge closed", "und", Script.Latin)]
    [InlineData("12 34 56", "und", Script.Other)]
    public void Language_is_named_only_when_clear(string text, string language, Script script)
    {
        var analysis = Analyzer.Analyze(null, text);
        Assert.Equal(language, analysis.Language);
        Assert.Equal(script, analysis.Script);
    }

    [Fact]
    public void Tokens_carry_their_flags()
    {
        const string text = "The UN sent 40 trucks to the town and the villages.";
        var tokens = Analyzer.Analyze(null, text).Tokens;
        Assert.Equal(TokenFlags.Capitalised | TokenFlags.SentenceInitial | TokenFlags.StopWord, tokens[0].Flags);
        Assert.Equal(TokenFlags.Capitalised | TokenFlags.AllCaps, tokens[1].Flags);
        Assert.True(tokens[3].Has(TokenFlags.Number));
        Assert.Equal("trucks", tokens[4].In(text).ToString());
    }

    [Fact]
    public void The_title_is_tokenised_apart_with_its_own_offsets()
    {
        const string title = "Valemont Closes Its Old Bridge";
        var analysis = Analyzer.Analyze(title, "The council voted to close the bridge over the river until spring.");
        Assert.Equal(["Valemont", "Closes", "Its", "Old", "Bridge"], analysis.TitleTokens.Select(t => t.In(title).ToString()));
        Assert.True(analysis.TitleTokens[0].Has(TokenFlags.SentenceInitial));
        Assert.True(analysis.TitleTokens[2].Has(TokenFlags.StopWord));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("\"")]
    public void Empty_text_gives_an_empty_analysis(string text)
    {
        var analysis = Analyzer.Analyze(null, text);
        Assert.Empty(analysis.Sentences);
        Assert.Empty(analysis.Tokens);
        Assert.Equal(TextAnalysis.Undetermined, analysis.Language);
    }
}
