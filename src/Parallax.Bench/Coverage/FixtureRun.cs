using System.Net;
using System.Text;
using Parallax.Core.Analysis;
using Parallax.Core.Extraction;
using Parallax.Core.Pipeline;

namespace Parallax.Bench.Coverage;

/// <summary>What the user path made of one fixture event.</summary>
/// <param name="Coverage">The coverage of the story holding most of the event's reports, its articles named by the
/// fixture's ids (a1, a2, ...); an article of another event in that story keeps its run id and matches no annotation.</param>
/// <param name="OneStory">All of the event's reports, and nothing else, in one story.</param>
/// <param name="Stories">The stories the event's reports landed in.</param>
internal sealed record EventRun(string Event, StoryCoverage Coverage, bool OneStory, int Stories);

/// <summary>
/// Runs the fixture set as a user's files: each report becomes the page a user would have saved (its outlet, title and
/// paragraphs as HTML), and every event's pages go, in file order, through the run `analyze` makes
/// (<see cref="ParallaxPipeline.Analyze"/>: extraction, spin, copies, stories, then coverage of each story). Each
/// event's coverage is read from the story the session formed for it, so a report that extraction mangles or that
/// clustering puts elsewhere costs the figures what it costs a user.
/// </summary>
internal static class FixtureRun
{
    public static IReadOnlyList<EventRun> Run(IReadOnlyList<FixtureEvent> events, ParallaxPipeline pipeline)
    {
        var owner = new Dictionary<string, (string Event, string Report)>(StringComparer.Ordinal);
        var pages = new List<PageExtraction>();
        foreach (var e in events)
        {
            foreach (var r in e.Reports)
            {
                var path = $"{e.Id}/{r.Id}.html";
                owner[path] = (e.Id, r.Id);
                pages.Add(pipeline.Extract(new PageInput(path, PageFormat.Html, Page(r))));
            }
        }

        var result = pipeline.Analyze(pages);

        // Run id -> (event, fixture id); a page that extraction split into several articles keeps its first as the report.
        var fixtureOf = new Dictionary<string, (string Event, string Report)>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in result.Articles)
        {
            if (reported.Add(a.Path))
            {
                fixtureOf[a.Id] = owner[a.Path];
            }
        }

        var runs = new List<EventRun>(events.Count);
        foreach (var e in events)
        {
            var stories = result.Stories
                .Select(s => (Story: s, Mine: s.Articles.Count(id => fixtureOf.TryGetValue(id, out var f) && f.Event == e.Id)))
                .Where(x => x.Mine > 0).ToList();
            if (stories.Count == 0)
            {
                runs.Add(new EventRun(e.Id, StoryCoverage.Empty, false, 0));
                continue;
            }

            var best = stories.MaxBy(x => x.Mine).Story;
            var one = stories.Count == 1 && stories[0].Mine == e.Reports.Count
                && best.Articles.All(id => fixtureOf.TryGetValue(id, out var f) && f.Event == e.Id);
            runs.Add(new EventRun(e.Id, Renamed(best.Coverage, id => fixtureOf.TryGetValue(id, out var f) && f.Event == e.Id ? f.Report : id), one, stories.Count));
        }

        return runs;
    }

    /// <summary>A report as a saved web page: its outlet, its title and each paragraph.</summary>
    private static byte[] Page(FixtureReport report)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">");
        html.Append("<title>").Append(WebUtility.HtmlEncode(report.Title)).Append("</title>");
        html.Append("<meta property=\"og:site_name\" content=\"").Append(WebUtility.HtmlEncode(report.Outlet)).Append("\">");
        html.Append("</head>\n<body><article><h1>").Append(WebUtility.HtmlEncode(report.Title)).Append("</h1>\n");
        foreach (var paragraph in report.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }

        html.Append("</article></body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>The coverage with every article id passed through <paramref name="name"/>.</summary>
    private static StoryCoverage Renamed(StoryCoverage c, Func<string, string> name)
    {
        List<CoverageVariant> Variants(IEnumerable<CoverageVariant> variants) => [.. variants.Select(v => v with { Article = name(v.Article) })];
        return new StoryCoverage(
            [.. c.Reports.Select(name)],
            [.. c.Shared.Select(s => new SharedClaim(s.Claim, [.. s.Articles.Select(name)], s.Spans.ToDictionary(p => name(p.Key), p => p.Value, StringComparer.Ordinal), Variants(s.Variants)))],
            [.. c.Exclusive.Select(x => x with { Article = name(x.Article) })],
            [.. c.Conflicts.Select(x => x with { Variants = Variants(x.Variants) })],
            [.. c.Quotes.Select(q => q with { Variants = Variants(q.Variants) })],
            [.. c.Terms.Select(t => t with { Variants = Variants(t.Variants) })],
            [.. c.LeftOut.Select(l => l with { Article = name(l.Article) })]);
    }
}
