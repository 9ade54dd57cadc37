using System.Globalization;
using System.Text;
using System.Xml;
using Parallax.Data;

namespace Parallax.App.Web.Feeds;

/// <summary>
/// Atom feeds of stories, so any feed reader can follow Parallax: the latest stories, the stories of one source, the
/// stories of a search. Each entry is a story, updated when it last grew, with its sources and its first report's opening.
/// </summary>
public static class AtomEndpoints
{
    public const int Entries = 30;
    private const string AtomType = "application/atom+xml; charset=utf-8";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var feeds = endpoints.MapGroup("/feeds").WithTags("Atom");
        feeds.MapGet("/stories.atom", async (HttpContext context, IParallaxStore store, ServeSettings settings, CancellationToken cancellationToken) =>
        {
            var stories = await store.ListStoriesAsync(new StoryQuery(StoryRanking.Recent, Limit: Entries), cancellationToken);
            return await FeedAsync(context, store, $"{settings.SiteTitle}: latest stories", "/feeds/stories.atom", "/", stories.Items, cancellationToken);
        }).WithName("StoriesFeed").WithSummary("The latest stories as Atom.");

        feeds.MapGet("/sources/{id:long}.atom", async (long id, HttpContext context, IParallaxStore store, ServeSettings settings, CancellationToken cancellationToken) =>
        {
            if (await store.GetSourceAsync(id, cancellationToken) is not { } source)
            {
                return Results.NotFound();
            }

            var stories = await store.ListStoriesAsync(new StoryQuery(StoryRanking.Recent, SourceId: id, Limit: Entries), cancellationToken);
            return await FeedAsync(context, store, $"{settings.SiteTitle}: stories with {source.Name}", $"/feeds/sources/{id}.atom", $"/sources/{id}", stories.Items, cancellationToken);
        }).WithName("SourceFeed").WithSummary("The latest stories one source is in, as Atom.");

        feeds.MapGet("/search.atom", async (string? q, HttpContext context, IParallaxStore store, ServeSettings settings, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(q) || q.Length > 500)
            {
                return Results.BadRequest("q: give the words to search for (at most 500 characters).");
            }

            var hits = await store.SearchAsync(q, 0, 100, cancellationToken);
            var stories = new List<StorySummary>();
            foreach (var storyId in hits.Items.Select(h => h.Article.StoryId).Distinct().Take(Entries))
            {
                if (await store.GetStoryAsync(storyId, cancellationToken) is { Story.MergedInto: null } detail)
                {
                    stories.Add(detail.Story);
                }
            }

            var escaped = Uri.EscapeDataString(q);
            return await FeedAsync(context, store, $"{settings.SiteTitle}: stories matching {q}", $"/feeds/search.atom?q={escaped}", $"/search?q={escaped}", stories, cancellationToken);
        }).WithName("SearchFeed").WithSummary("The stories of a search, as Atom.");
    }

    private static async Task<IResult> FeedAsync(
        HttpContext context, IParallaxStore store, string title, string self, string alternate, IReadOnlyList<StorySummary> stories, CancellationToken cancellationToken)
    {
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        var output = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), Async = true };
        await using (var xml = XmlWriter.Create(new StringWriter(output, CultureInfo.InvariantCulture), settings))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("feed", ns);
            xml.WriteElementString("title", ns, title);
            xml.WriteElementString("id", ns, origin + self);
            WriteLink(xml, "self", origin + self, "application/atom+xml");
            WriteLink(xml, "alternate", origin + alternate, "text/html");
            var updated = stories.Count > 0 ? stories.Max(s => s.LastUpdated) : DateTimeOffset.UnixEpoch;
            xml.WriteElementString("updated", ns, Time(updated));
            xml.WriteStartElement("generator", ns);
            xml.WriteString("Parallax");
            xml.WriteEndElement();
            foreach (var story in stories)
            {
                var detail = await store.GetStoryAsync(story.Id, cancellationToken);
                var sources = detail?.Articles.Select(a => a.SourceName).Distinct(StringComparer.Ordinal).ToList() ?? [];
                var lead = detail?.Articles.Where(a => a.CopyOf is null).OrderBy(a => a.Published ?? a.Fetched).FirstOrDefault();
                var leadText = lead is null ? null : (await store.GetArticleAsync(lead.Id, cancellationToken))?.Text;
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("title", ns, string.IsNullOrWhiteSpace(story.Title) ? "(untitled story)" : story.Title);
                xml.WriteElementString("id", ns, $"{origin}/stories/{story.Id}");
                WriteLink(xml, "alternate", $"{origin}/stories/{story.Id}", "text/html");
                xml.WriteElementString("published", ns, Time(story.FirstSeen));
                xml.WriteElementString("updated", ns, Time(story.LastUpdated));
                foreach (var source in sources)
                {
                    xml.WriteStartElement("author", ns);
                    xml.WriteElementString("name", ns, source);
                    xml.WriteEndElement();
                }

                xml.WriteStartElement("summary", ns);
                xml.WriteAttributeString("type", "text");
                xml.WriteString($"{Display.Count(sources.Count, "source")} ({string.Join(", ", sources)}), {Display.Count((int)story.ArticleCount, "article")}. {Display.Excerpt(leadText, 400)}");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }

        return Results.Text(output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), AtomType);
    }

    private static void WriteLink(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", "http://www.w3.org/2005/Atom");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
