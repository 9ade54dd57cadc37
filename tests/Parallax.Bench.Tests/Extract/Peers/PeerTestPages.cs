using System.Text.RegularExpressions;
using Parallax.Bench.Extract.Peers;

namespace Parallax.Bench.Tests.Extract.Peers;

/// <summary>A small fictional news page: site chrome around one article, to check that a peer keeps the body and drops the chrome.</summary>
internal static partial class PeerTestPages
{
    public const string FirstSentence = "The lighthouse on Gull Point will shine again next spring after a three-year restoration paid for almost entirely by residents of Marrow Bay.";

    public const string LastSentence = "The first lighting is planned for the equinox, when the keepers' society will open the tower to visitors for a single evening.";

    public const string Chrome = "Subscribe to the Harbour Ledger newsletter";

    public static readonly BenchPage Lighthouse = new("lighthouse", $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Gull Point lighthouse to shine again | The Harbour Ledger</title>
          <style>body { font-family: serif; } .nav a { color: #333; }</style>
        </head>
        <body>
          <header class="site-header">
            <nav class="nav"><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
          </header>
          <main>
            <article class="story">
              <h1>Gull Point lighthouse to shine again</h1>
              <p class="byline">By Ada Fenwick, coastal affairs reporter</p>
              <div class="story-body">
                <p>{{FirstSentence}} The tower has been dark since a winter storm cracked its lantern glass and flooded the keeper's cottage below.</p>
                <p>Volunteers from the Marrow Bay keepers' society raised the money through bake sales, a sponsored swim across the harbour and a long-running raffle whose top prize was a week in the restored cottage.</p>
                <p>Engineers replaced the cracked glass with panes made in a workshop further up the coast, rebuilt the rusted gallery rail and rewired the lamp so that it can run from a small bank of batteries charged by the sun.</p>
                <p>"We were told more than once that the old light was not worth saving," said Morwen Tallis, who chairs the society. "Every fisherman in the bay disagreed, and in the end the bay paid for it."</p>
                <p>The harbour authority has agreed to list the light on its charts again once it has passed an inspection, which is expected in the new year.</p>
                <p>{{LastSentence}}</p>
              </div>
            </article>
          </main>
          <aside class="sidebar">
            <h2>Most read</h2>
            <ul><li><a href="/a">Ferry timetable changes</a></li><li><a href="/b">Council votes on parking</a></li></ul>
          </aside>
          <footer class="site-footer">
            <p>{{Chrome}} and get the week's stories every Friday.</p>
            <p>Copyright The Harbour Ledger. All rights reserved.</p>
          </footer>
        </body>
        </html>
        """, "https://harbour-ledger.example/local/gull-point-lighthouse");

    /// <summary>Whitespace collapsed, so that sentences can be found whatever line breaks a peer puts between paragraphs.</summary>
    public static string Flatten(string text) => Whitespace().Replace(text, " ");

    /// <summary>What every peer must make of <see cref="Lighthouse"/>: the whole body, none of the chrome, timed passes.</summary>
    public static void AssertLighthouseRun(PeerRun run, string name, int passes)
    {
        Assert.Null(run.Error);
        Assert.Equal(name, run.Name);
        var text = Flatten(Assert.Single(run.Texts));
        Assert.Contains(FirstSentence, text, StringComparison.Ordinal);
        Assert.Contains(LastSentence, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Chrome, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ferry timetable changes", text, StringComparison.Ordinal);
        Assert.Equal(passes, run.PassSeconds.Count);
        Assert.All(run.PassSeconds, seconds => Assert.True(seconds > 0));
        Assert.True(run.PeakMemoryBytes > 0);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
