using Parallax.Data.Sql;

namespace Parallax.Data.Tests;

/// <summary>The extract a search hit shows: where the searched words are, cut at words, folded as the indexes fold.</summary>
public sealed class SearchSnippetTests
{
    private static readonly string Filler = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"filler{i}"));

    [Fact]
    public void The_extract_is_the_words_around_the_match_with_ellipses_where_the_text_goes_on()
    {
        var text = $"{Filler}. The mayor said the bridge will reopen in May. {Filler}.";
        var snippet = SearchSnippet.Of(text, ["bridge"]);

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("The mayor said the bridge will reopen in May.", snippet, StringComparison.Ordinal);
        Assert.Equal(SearchSnippet.Words, snippet.Trim('…').Split(' ').Length);
    }

    [Fact]
    public void The_window_with_more_of_the_searched_words_wins_over_an_earlier_one()
    {
        var text = $"The bridge opened in 1950. {Filler}. Engineers found the bridge girders cracked. {Filler}.";
        var snippet = SearchSnippet.Of(text, ["bridge", "girders"]);

        Assert.Contains("the bridge girders cracked", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("1950", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Case_and_accents_are_folded_and_only_whole_words_match()
    {
        var text = $"{Filler} saidi {Filler} Le CAFÉ du port a fermé. {Filler}";

        Assert.Contains("CAFÉ du port", SearchSnippet.Of(text, ["cafe"]), StringComparison.Ordinal);
        Assert.Contains("CAFÉ du port", SearchSnippet.Of(text, ["café"]), StringComparison.Ordinal);
        Assert.DoesNotContain("saidi", SearchSnippet.Of(text, ["said", "port"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_match_in_the_text_the_extract_is_its_start_and_a_short_text_is_whole()
    {
        Assert.Equal(string.Join(' ', Filler.Split(' ').Take(SearchSnippet.Words)) + "…", SearchSnippet.Of(Filler, ["headline"]));
        Assert.Equal("Short text, all of it.", SearchSnippet.Of("Short text,\n all of it.", ["text"]));
        Assert.Equal(string.Empty, SearchSnippet.Of("", ["text"]));
        Assert.Equal(string.Empty, SearchSnippet.Of("… — …", ["text"]));
    }
}
