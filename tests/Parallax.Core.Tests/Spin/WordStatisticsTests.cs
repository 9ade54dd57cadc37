using Parallax.Core.Spin;

namespace Parallax.Core.Tests.Spin;

/// <summary>The shipped word statistics the restorer chooses with: the trigram model, GloVe vectors, inflections.</summary>
public sealed class WordStatisticsTests
{
    private static readonly Thesaurus Thesaurus = Thesaurus.Default;

    [Theory]
    [InlineData("told", "reporters", "informed")]
    [InlineData("death", "toll", "loss")]
    [InlineData("press", "conference", "imperativeness")]
    public void The_trigram_model_knows_which_word_follows_which(string first, string second, string spun)
    {
        var ngrams = Thesaurus.Ngrams;
        Assert.True(ngrams.Log10(NgramModel.Unknown, ngrams.IdOf(first), ngrams.IdOf(second))
            > ngrams.Log10(NgramModel.Unknown, ngrams.IdOf(spun), ngrams.IdOf(second)) + 1);
    }

    [Fact]
    public void The_trigram_model_reads_whole_phrases_and_backs_off_past_unknown_words()
    {
        var ngrams = Thesaurus.Ngrams;
        int Id(string word) => ngrams.IdOf(word);
        Assert.True(ngrams.Log10(Id("wall"), Id("street"), Id("journal"))
            > ngrams.Log10(Id("wall"), Id("road"), Id("journal")));

        // An unknown word in the history leaves the shorter one; an unknown word itself is rarer than the rarest known.
        Assert.Equal(ngrams.Log10(NgramModel.Unknown, Id("the"), Id("police")),
            ngrams.Log10(Id("qzxvwy"), Id("the"), Id("police")));
        Assert.Equal(NgramModel.Unknown, Id("qzxvwy"));
        Assert.True(ngrams.Log10(Id("the"), Id("police"), NgramModel.Unknown)
            < ngrams.Log10(NgramModel.Unknown, NgramModel.Unknown, Id("zwerdling's")));
        Assert.True(ngrams.Log10(NgramModel.Unknown, ngrams.SentenceStart, Id("the"))
            > ngrams.Log10(NgramModel.Unknown, ngrams.SentenceStart, Id("of")));
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

        // WordNet lists only the irregular past; the regular one in common use stands beside it.
        Assert.Contains("burned", Thesaurus.Inflections("burn", WordPos.Verb, WordForm.Past));
        Assert.Contains("burnt", Thesaurus.Inflections("burn", WordPos.Verb, WordForm.Past));
        Assert.DoesNotContain("seed", Thesaurus.Inflections("see", WordPos.Verb, WordForm.Past));
    }
}
