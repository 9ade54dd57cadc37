using Parallax.Bench.Scale;
using Parallax.Core.Stories;

namespace Parallax.Bench.Tests.Stories;

public sealed class SyntheticStreamTests
{
    private static readonly (string Event, string Text)[] Sources =
    [
        ("1_1", "Greta Vasquez said the Oakfield mill burned on Tuesday night.\nFirefighters from three stations fought the blaze for six hours in Oakfield.\nThe mill, built in 1884, was empty when the fire started."),
        ("1_1", "The Oakfield flour mill was destroyed by fire, owner Greta Vasquez said.\nFire chief Tomas Rilke said the cause was electrical wiring in the mill."),
        ("1_2", "Two workers were hurt in a warehouse fire in Brenton on Sunday morning.\nManager Idris Calloway said the sprinklers in the warehouse failed."),
        ("2_1", "Ingrid Marlow was elected mayor of Kestrel with 54 percent of the vote.\nIncumbent Paul Dressler conceded on Sunday night in Kestrel."),
    ];

    [Fact]
    public void The_stream_is_reproducible_and_has_copies_at_about_the_stated_rate()
    {
        var a = new SyntheticStream(Sources, seed: 3).Generate(4000).ToList();
        var b = new SyntheticStream(Sources, seed: 3).Generate(4000).ToList();
        Assert.Equal(a.Select(x => x.Text), b.Select(x => x.Text));
        Assert.Equal(Enumerable.Range(0, 4000), a.Select(x => x.Index));
        var copies = a.Count(x => x.CopyOf >= 0) / 4000.0;
        Assert.InRange(copies, SyntheticStream.ExactCopyRate + SyntheticStream.NearCopyRate - 0.03, SyntheticStream.ExactCopyRate + SyntheticStream.NearCopyRate + 0.03);
        Assert.All(a.Where(x => x.CopyOf >= 0), x => Assert.Equal(a[x.CopyOf].Event, x.Event));
        Assert.All(a, x => Assert.False(string.IsNullOrWhiteSpace(x.Text)));
        Assert.True(a.Select(x => x.Event).Distinct().Count() > 500, "many more synthetic events than source events");
    }

    [Fact]
    public void Names_are_rewritten()
    {
        var articles = new SyntheticStream(Sources, seed: 5).Generate(600).ToList();
        Assert.DoesNotContain(articles, x => x.Text.Contains("Vasquez", StringComparison.Ordinal) || x.Text.Contains("Calloway", StringComparison.Ordinal));
    }

    [Fact]
    public void Scale_run_reports_its_figures()
    {
        var figures = ScaleBenchmark.Run(Sources, 3000, StoryOptions.Default, seed: 1);
        Assert.Equal(3000, figures.Articles);
        Assert.True(figures.ArticlesPerSecond > 0);
        Assert.True(figures.PeakWorkingSetBytes > 0);
        Assert.True(figures.CopiesTrue > 0);
        // With four tiny sources, distinct reports often repeat sentences, so links may go to another root: only sanity here.
        Assert.InRange(figures.CopiesFound, 1, figures.CopiesTrue);
        Assert.InRange(figures.BCubed.F1, 0, 1);

        // The session's own time (the one writer) is part of the wall time, and both tenths of the stream are timed.
        Assert.InRange(figures.SessionSeconds, 1e-6, figures.Seconds);
        Assert.True(figures.SessionMsFirst > 0 && figures.SessionMsLast > 0);
        Assert.InRange(figures.OpenStories, 1, StoryOptions.Default.MaxOpenStories);
        Assert.InRange(figures.Vocabulary, 1, StoryOptions.Default.MaxVocabulary);
    }
}
