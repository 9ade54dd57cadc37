using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parallax.App.Output;
using Parallax.App.Service;
using Parallax.App.Web;
using Parallax.Data;
using Parallax.Ingest.Fetch;
using FeedReader = Parallax.Ingest.Feeds.FeedReader;

namespace Parallax.App.Commands;

/// <summary>
/// `parallax sources add URL | import FILE.opml | export | list [--json]`, each over `--db FILE | --postgres CONN`:
/// the sources the poller checks. `add` takes a feed's address or a site's: a page that is not a feed is searched for
/// the feeds it announces (and the usual feed addresses), with the fetcher's limits and SSRF guard (FeedFinder).
/// `import` and `export` use the OPML code of the web admin, so a file moves between the two unchanged.
/// </summary>
internal static class SourcesCommand
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var url = new Argument<string>("url") { Description = "A feed's address, or a site's page that announces its feed." };
        var name = new Option<string>("--name") { Description = "The source's name; default the feed's title, else its host." };
        var noDiscover = new Option<bool>("--no-discover") { Description = "Take URL as the feed's address as it is, without fetching it." };
        var add = new Command("add", "Add a source by its feed or its site (the feed is found on the page). Exit 1 when no feed is found.") { url, name, noDiscover };
        add.SetAction((result, ct) => WithStoreAsync(result, (store, errors) =>
            AddAsync(store, result.GetValue(url)!, result.GetValue(name), !result.GetValue(noDiscover), errors, ct), ct));

        var file = new Argument<string>("file") { Description = "An OPML file of feeds, as feed readers export." };
        var import = new Command("import", "Add every feed of an OPML file; outlines that cannot be used are named (exit 1).") { file };
        import.SetAction((result, ct) => WithStoreAsync(result, (store, errors) => ImportAsync(store, result.GetValue(file)!, errors, ct), ct));

        var export = new Command("export", "Print the sources with a feed as OPML.");
        export.SetAction((result, ct) => WithStoreAsync(result, async (store, _) =>
        {
            await Console.Out.WriteLineAsync(SourcesOpml.Write(await store.ListSourcesAsync(ct), "Parallax sources"));
            return ExitCodes.Success;
        }, ct));

        var json = new Option<bool>("--json") { Description = "One JSON object per line and source: {\"id\", \"name\", \"feedUrl\", \"siteUrl\", \"nextCheck\", \"lastChecked\", \"lastError\", \"errorCount\"}." };
        var list = new Command("list", "List the sources with their feed's health.") { json };
        list.SetAction((result, ct) => WithStoreAsync(result, (store, _) => ListAsync(store, result.GetValue(json), ct), ct));

        var command = new Command("sources", "Manage the sources: 'parallax sources add URL | import FILE.opml | export | list [--json]'.") { add, import, export, list };
        foreach (var sub in new[] { add, import, export, list })
        {
            sub.Add(new Option<string>("--db") { Description = "The SQLite store file; default parallax.db in the current folder." });
            sub.Add(new Option<string>("--postgres") { Description = "A PostgreSQL store (an Npgsql connection string)." });
        }

        return command;
    }

    private static async Task<int> WithStoreAsync(ParseResult result, Func<IParallaxStore, ErrorReport, Task<int>> run, CancellationToken cancellationToken)
    {
        var errors = new ErrorReport(Console.Error, verbose: false);
        var db = result.GetValue<string>("--db");
        var postgres = result.GetValue<string>("--postgres");
        var (store, exitCode) = await StoreOpening.OpenForCommandAsync(db, postgres, errors, cancellationToken);
        if (store is null)
        {
            return exitCode;
        }

        await using (store)
        {
            return await run(store, errors);
        }
    }

    private static async Task<int> AddAsync(IParallaxStore store, string url, string? name, bool discover, ErrorReport errors, CancellationToken cancellationToken)
    {
        if (SourceInput.CheckUrl(url) is { } problem)
        {
            await errors.NoteAsync($"{problem}.");
            return ExitCodes.Usage;
        }

        var address = new Uri(url.Trim());
        var (feedUrl, siteUrl, title) = (address.AbsoluteUri, (string?)null, (string?)null);
        if (discover)
        {
            var problems = new List<string>();
            var fetch = ServeCommand.BackgroundOptionsFromEnvironment(problems).Fetch;
            if (problems.Count > 0)
            {
                await errors.NoteAsync(string.Join(" ", problems));
                return ExitCodes.Usage;
            }

            using var fetcher = new HttpFetcher(fetch);
            var finder = new FeedFinder(fetcher, new FeedReader());
            var found = await finder.DiscoverAsync(address, cancellationToken);
            if (found.Feeds.Count == 0)
            {
                await errors.FailAsync(url, $"no feed found: {found.Error ?? "the page announces none"}");
                return ExitCodes.SomeInputsFailed;
            }

            var feed = found.Feeds[0];
            if (feed.Title is null && feed.Url != address.AbsoluteUri && name is null)
            {
                // A page's <link> seldom carries a title: the feed itself has one (and reading it shows it is a feed).
                var itself = await finder.DiscoverAsync(new Uri(feed.Url), cancellationToken);
                feed = itself.Feeds.FirstOrDefault(f => f.Url == feed.Url) ?? feed;
            }

            (feedUrl, title) = (feed.Url, feed.Title);
            siteUrl = feed.Url == address.AbsoluteUri ? null : address.AbsoluteUri;
            if (found.Feeds.Count > 1)
            {
                await errors.NoteAsync($"{url} announces {found.Feeds.Count} feeds; added the first ({feed.Url}). The others: " +
                    string.Join(", ", found.Feeds.Skip(1).Select(f => f.Url)) + ".");
            }
        }

        var (source, invalid) = SourceInput.Check(name ?? title, feedUrl, siteUrl);
        if (source is null)
        {
            await errors.NoteAsync(string.Join(" ", invalid));
            return ExitCodes.Usage;
        }

        var known = (await store.ListSourcesAsync(cancellationToken)).FirstOrDefault(s => s.FeedUrl == source.FeedUrl);
        var id = await store.AddSourceAsync(source, cancellationToken);
        await Console.Out.WriteLineAsync(known is null
            ? $"added source {id}: {source.Name} <{source.FeedUrl}>; it is polled from now on."
            : $"source {id} ({known.Name}) already has the feed <{source.FeedUrl}>; nothing added.");
        return ExitCodes.Success;
    }

    private static async Task<int> ImportAsync(IParallaxStore store, string path, ErrorReport errors, CancellationToken cancellationToken)
    {
        OpmlRead read;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                await errors.FailAsync(path, "no such file");
                return ExitCodes.SomeInputsFailed;
            }

            if (info.Length > SourcesOpml.MaxBytes)
            {
                await errors.FailAsync(path, $"the file is over {SourcesOpml.MaxBytes / 1024 / 1024} MB; an OPML file of feeds is far smaller");
                return ExitCodes.SomeInputsFailed;
            }

            await using var stream = File.OpenRead(path);
            read = SourcesOpml.Read(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await errors.FailAsync(path, $"cannot read the file ({e.Message.TrimEnd('.')})");
            return ExitCodes.SomeInputsFailed;
        }

        var known = (await store.ListSourcesAsync(cancellationToken)).Select(s => s.FeedUrl).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var feed in read.Feeds)
        {
            await store.AddSourceAsync(new NewSource(feed.Name, feed.SiteUrl, feed.FeedUrl), cancellationToken);
            added += known.Add(feed.FeedUrl) ? 1 : 0;
        }

        foreach (var problem in read.Problems)
        {
            await errors.FailAsync(path, problem);
        }

        await Console.Out.WriteLineAsync(
            $"imported {Display.Count(added, "new feed")} from {path} ({read.Feeds.Count - added:N0} already there, {Display.Count(read.Problems.Count, "outline")} skipped).");
        return read.Problems.Count > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }

    private static async Task<int> ListAsync(IParallaxStore store, bool json, CancellationToken cancellationToken)
    {
        var sources = await store.ListSourcesAsync(cancellationToken);
        var output = new StringBuilder();
        foreach (var source in sources)
        {
            output.AppendLine(json ? Json(source) : Readable(source));
        }

        if (!json)
        {
            output.AppendLine(CultureInfo.InvariantCulture, $"{Display.Count(sources.Count, "source")}, {sources.Count(s => s.LastError is not null):N0} failing.");
        }

        await Console.Out.WriteAsync(output.ToString());
        return ExitCodes.Success;
    }

    private static string Readable(SourceRecord source)
    {
        var health = source.FeedUrl is null ? "no feed"
            : source.LastError is { } error ? $"failing ({source.ErrorCount:N0} in a row): {error}"
            : source.LastChecked is null ? "not checked yet" : "ok";
        return $"{source.Id,5}  {source.Name}  <{source.FeedUrl ?? source.SiteUrl ?? "-"}>  {health}";
    }

    internal static string Json(SourceRecord source)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", source.Id);
            writer.WriteString("name", source.Name);
            writer.WriteString("feedUrl", source.FeedUrl);
            writer.WriteString("siteUrl", source.SiteUrl);
            WriteTime(writer, "nextCheck", source.NextCheck);
            WriteTime(writer, "lastChecked", source.LastChecked);
            writer.WriteString("lastError", source.LastError);
            writer.WriteNumber("errorCount", source.ErrorCount);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
