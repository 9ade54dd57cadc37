using Parallax.Core.Stories;

namespace Parallax.Core.Tests.Stories;

/// <summary>The general-English prior of term weights (shipped SUBTLEX-US + Brown word frequencies).</summary>
public sealed class BackgroundFrequenciesTests
{
    [Fact]
    public void Common_words_have_a_larger_document_share_than_rare_ones_and_unknown_names_none()
    {
        var background = BackgroundFrequencies.Default;
        Assert.True(background.Count > 10_000, $"only {background.Count} words loaded");
        Assert.True(background.DocumentShare("the") > 0.99f);
        Assert.True(background.DocumentShare("president") > background.DocumentShare("ferry"));
        Assert.True(background.DocumentShare("ferry") > 0f);
        Assert.Equal(0f, background.DocumentShare("zarvelle")); // a made-up name
    }

    [Fact]
    public void The_shares_built_from_the_thesaurus_word_list_are_the_shares_of_the_file_parsed_on_its_own()
    {
        // The table is built from the word frequencies the thesaurus parsed, not from a second parse of the file:
        // every word of the file must still get the share its own line gives.
        var assembly = typeof(BackgroundFrequencies).Assembly;
        var name = Array.Find(assembly.GetManifestResourceNames(), n => n.EndsWith(".Spin.words.txt.gz", StringComparison.Ordinal))!;
        using var reader = new StreamReader(new System.IO.Compression.GZipStream(
            assembly.GetManifestResourceStream(name)!, System.IO.Compression.CompressionMode.Decompress));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        var parsed = BackgroundFrequencies.Parse(lines);
        var shared = BackgroundFrequencies.Default;
        Assert.Equal(parsed.Count, shared.Count);
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t');
            if (tab > 0 && line[0] != '#')
            {
                Assert.Equal(parsed.DocumentShare(line.AsSpan(0, tab)), shared.DocumentShare(line.AsSpan(0, tab)));
            }
        }
    }

    [Fact]
    public void Parse_turns_a_frequency_per_billion_into_a_document_share()
    {
        var table = BackgroundFrequencies.Parse(["# comment", "alpha\t1000000", "beta\t10", "broken line"]);
        Assert.Equal(2, table.Count);
        var expected = 1 - Math.Exp(-BackgroundFrequencies.DocumentLength * 1e6 / 1e9);
        Assert.Equal(expected, table.DocumentShare("alpha"), 4);
        Assert.True(table.DocumentShare("beta") < 1e-4f);
    }

    [Fact]
    public void Features_carry_the_share_of_their_words_and_names_the_share_of_their_rarest_word()
    {
        var tally = StoryFeatures.Count(null, "Yesterday the president met Storm Zarvelle officials.", titleBoost: 1f);
        var president = tally[StoryFeatures.Hash("president", FeatureKind.Term)];
        var zarvelle = tally[StoryFeatures.Hash("zarvelle", FeatureKind.Term)];
        var name = tally[StoryFeatures.Hash("storm zarvelle", FeatureKind.Entity)];
        Assert.True(president.Background > 0.01f, $"president {president.Background}");
        Assert.Equal(0f, zarvelle.Background);
        Assert.Equal(0f, name.Background);
    }

    [Fact]
    public void After_a_few_documents_a_common_word_weighs_less_than_a_rare_one_with_the_same_count()
    {
        var frequencies = new DocumentFrequencies(1, 1000, backgroundDocuments: 1000);
        for (var i = 0; i < 30; i++)
        {
            frequencies.AddDocument(new Dictionary<ulong, FeatureTally> { [1000UL + (ulong)i] = new(1, FeatureKind.Term) }.Keys);
        }

        var president = frequencies.Idf(1, BackgroundFrequencies.Default.DocumentShare("president"));
        var rare = frequencies.Idf(2, BackgroundFrequencies.Default.DocumentShare("zarvelle"));
        Assert.True(president < rare * 0.7f, $"president {president:F2}, rare {rare:F2}");
    }

    [Fact]
    public void Turning_the_prior_off_gives_the_stream_only_weights()
    {
        var off = new DocumentFrequencies(1, 1000, backgroundDocuments: 0);
        var on = new DocumentFrequencies(1, 1000, backgroundDocuments: 100);
        Assert.Equal((float)Math.Log(2.0), off.Idf(42, background: 0.9f), 4);
        Assert.Equal(off.Idf(42, background: 0.9f), on.StreamIdf(42), 4);
        Assert.True(on.Idf(42, background: 0.9f) < on.Idf(43, background: 0f));
    }
}
