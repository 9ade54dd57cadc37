using Parallax.Core.Stories;

namespace Parallax.Core.Tests.Stories;

public sealed class StoryFeaturesTests
{
    [Fact]
    public void Capitalised_names_numbers_and_words_become_features_of_their_kind()
    {
        var tally = StoryFeatures.Count(null, "Officials said Greta Vasquez paid 1,200 crowns on May 03.", 2f);
        Assert.True(tally.ContainsKey(StoryFeatures.Hash("greta vasquez", FeatureKind.Entity)));
        Assert.True(tally.ContainsKey(StoryFeatures.Hash("vasquez", FeatureKind.Entity)));
        Assert.True(tally.ContainsKey(StoryFeatures.Hash("1200", FeatureKind.Number)));
        Assert.True(tally.ContainsKey(StoryFeatures.Hash("3", FeatureKind.Number)));
        Assert.True(tally.ContainsKey(StoryFeatures.Hash("crown", FeatureKind.Term)));
        Assert.False(tally.ContainsKey(StoryFeatures.Hash("said", FeatureKind.Term))); // a stop word
        Assert.False(tally.ContainsKey(StoryFeatures.Hash("officials", FeatureKind.Entity))); // sentence-initial capital only
    }

    [Fact]
    public void Title_words_count_more()
    {
        var tally = StoryFeatures.Count("Harbour closed", "The harbour stays closed.", 2f);
        Assert.Equal(3f, tally[StoryFeatures.Hash("harbour", FeatureKind.Term)].Count);
    }

    [Theory]
    [InlineData("checks", "check")]
    [InlineData("checked", "check")]
    [InlineData("checking", "check")]
    [InlineData("cities", "city")]
    [InlineData("bus", "bus")]
    public void Stemming_lets_word_forms_meet(string word, string stem)
    {
        var chars = word.ToCharArray();
        Assert.Equal(stem, new string(chars, 0, StoryFeatures.Stem(chars)));
    }

    [Fact]
    public void Scripts_without_spaces_give_character_pairs()
    {
        var tally = StoryFeatures.Count(null, "北京市政府宣布新政策", 1f);
        Assert.True(tally.Count >= 5);
        Assert.True(tally.ContainsKey(StoryFeatures.Hash("北京", FeatureKind.Term)));
    }
}
