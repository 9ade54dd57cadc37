using System.Globalization;
using Spectre.Console;

namespace Parallax.Bench.Scale;

/// <summary>The table of scale runs, as `bench stories` prints it (with or without the ECB+ figures before it).</summary>
internal static class ScaleTable
{
    public static void Print(IReadOnlyList<ScaleFigures> runs, IAnsiConsole console)
    {
        if (runs.Count == 0)
        {
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        var scale = new Table().Title("Scale: synthetic stream through the pipeline and one session, spin on (one run each)")
            .AddColumns("articles", "articles/s (wall)", "articles/CPU-s", "seconds", "generation s", "peak working set", "managed after", "copies found", "false copies (checked: half shared)", "stories", "spun", "B3 F1 vs events", "passages embedded", "reports embedded / changed", "session s", "session ms/article, first / last tenth", "open stories / vocabulary");
        foreach (var s in runs)
        {
            scale.AddRow(s.Articles.ToString("N0", inv), s.ArticlesPerSecond.ToString("N0", inv), s.ArticlesPerCpuSecond.ToString("N0", inv), s.Seconds.ToString("0.0", inv),
                s.GenerationSeconds.ToString("0.0", inv), Bytes(s.PeakWorkingSetBytes), Bytes(s.ManagedBytesAfter),
                $"{s.CopiesFound:N0}/{s.CopiesTrue:N0}", $"{s.FalseCopies.ToString("N0", inv)} ({s.FalseCopiesChecked.ToString("N0", inv)}: {s.FalseCopiesShared.ToString("N0", inv)})", s.StoriesStarted.ToString("N0", inv),
                s.SpunShare.ToString("P1", inv), s.BCubed.F1.ToString("0.000", inv), s.EmbeddedPassages.ToString("N0", inv),
                $"{s.EmbeddedReports.ToString("N0", inv)} / {s.ChangedByEmbedding.ToString("N0", inv)}",
                s.SessionSeconds.ToString("0.0", inv), $"{s.SessionMsFirst.ToString("0.00", inv)} / {s.SessionMsLast.ToString("0.00", inv)}",
                $"{s.OpenStories.ToString("N0", inv)} / {s.Vocabulary.ToString("N0", inv)}");
        }

        if (runs.Count >= 2)
        {
            var (a, b) = (runs[0], runs[^1]);
            scale.Caption(Markup.Escape(string.Create(inv,
                $"{a.Articles:N0} -> {b.Articles:N0}: throughput x{b.ArticlesPerSecond / Math.Max(1, a.ArticlesPerSecond):0.00}, peak working set x{(double)b.PeakWorkingSetBytes / Math.Max(1, a.PeakWorkingSetBytes):0.00}, managed x{(double)b.ManagedBytesAfter / Math.Max(1, a.ManagedBytesAfter):0.00}. ")
                + "Stream: ECB+ sentences with names and numbers replaced per synthetic event, 1-8 reports per event, 10% exact and 5% near copies; " +
                "each article is prepared (spin) on every core and added to one session (copy index, re-rooting, clustering); " +
                "false copies: reports linked as copies that the stream did not plant as such (reports of one event draw on one pool of sentences, so they can repeat each other word for word); in brackets, those whose original was recent enough to compare, and of them the ones where the shorter text has half or more of its five-word runs in the other; articles/s (wall) includes generation; articles/CPU-s divides by the process's processor time. Targets: >= 500/s and < 4 GiB at 1,000,000."));
        }

        console.Write(scale);
    }

    private static string Bytes(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.00} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0} MiB");
}
