using Parallax.Core.Spin;

namespace Parallax.Core.Tests.Spin;

/// <summary>The shipped word statistics the restorer chooses with: Google Books pairs, GloVe vectors, inflections.</summary>
public sealed class WordStatisticsTests
{
    private static readonly Thesaurus Thesaurus = Thesaurus.Default;

    [Theory]
    [InlineData("death", "toll")]
    [InlineData("told", "reporters")]
    [InlineData("press", "conference")]
    public void A_collocation_is_more_likely_than_chance(string first, string second)
    {
        var books = Thesaurus.Books;
        Assert.True(books.Association(books.IdOf(first), books.IdOf(second)) > 1);
    }

    [Fact]
    public void A_frequent_pair_missing_from_the_list_counts_against_itself_and_an_unknown_word_says_nothing()
    {
        var books = Thesaurus.Books;
        Assert.True(books.Association(books.IdOf("the"), books.IdOf("of")) < 0);
        Assert.Equal(0, books.Association(books.IdOf("the"), books.IdOf("qzxvwy")));
    }

    [Fact]
    public void Word_vectors_put_related_words_closer_than_unrelated_ones()
    {
        var vectors = Thesaurus.Vectors;
        var police = new float[vectors.Dimensions];
        vectors.AddTo(police, vectors.IdOf("police"));
        var length = Math.Sqrt(police.Sum(x => (double)x * x));
        Assert.True(vectors.Cosine(vectors.IdOf("officers"), police, length)
            > vectors.Cosine(vectors.IdOf("banana"), police, length) + 0.2);
        Assert.Equal(-1, vectors.IdOf("qzxvwy"));
    }

    [Fact]
    public void An_irregular_verb_offers_both_past_forms_the_more_frequent_first()
    {
        var forms = Thesaurus.Inflections("give", WordPos.Verb, WordForm.Past);
        Assert.Contains("gave", forms);
        Assert.Contains("given", forms);
        Assert.Equal(forms[0], Thesaurus.Inflect("give", WordPos.Verb, WordForm.Past));
        Assert.Equal(["carried out"], Thesaurus.Inflections("carry out", WordPos.Verb, WordForm.Past));
    }
}
