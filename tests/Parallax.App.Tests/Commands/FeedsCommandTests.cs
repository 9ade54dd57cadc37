using System.Text;
using System.Text.Json;
using Parallax.App.Commands;
using Parallax.App.Output;

namespace Parallax.App.Tests.Commands;

/// <summary>`parallax feeds parse`: in-process on real files, and once through the real executable.</summary>
public sealed class FeedsCommandTests : IDisposable
{
    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title><![CDATA[Harbourton <b>Record</b>]]></title>
            <link>https://harbourtonrecord.example/</link>
            <item>
              <title>Avel floods &amp;amp; 300 leave</title>
              <link>/2025/03/12/avel</link>
              <pubDate>Wed, 12 Mar 2025 09:15:00 GMT</pubDate>
              <description>&lt;p&gt;About 300 people left.&lt;/p&gt;</description>
              <content:encoded><![CDATA[<p>About 300 people left their homes.</p><p>Two shelters opened.</p>]]></content:encoded>
            </item>
          </channel>
        </rss>
        """;

    private const string Bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
        <rss version="2.0"><channel><title>&c;</title></channel></rss>
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("parallax-feeds-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task Json_gives_one_line_per_file_with_plain_text_and_absolute_links()
    {
        var good = Write("record.xml", Rss);
        var bomb = Write("bomb.xml", Bomb);
        var missing = Path.Combine(folder, "absent.xml");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await FeedsCommand.RunAsync([good, bomb, missing], json: true, output, new ErrorReport(error, false), CancellationToken.None);

        Assert.Equal(1, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);

        var feed = lines[0];
        Assert.Equal(good, feed.GetProperty("path").GetString());
        Assert.Equal("rss", feed.GetProperty("format").GetString());
        Assert.Equal("Harbourton Record", feed.GetProperty("title").GetString());
        Assert.Equal("https://harbourtonrecord.example/", feed.GetProperty("link").GetString());
        Assert.Equal(JsonValueKind.Null, feed.GetProperty("id").ValueKind);
        var entry = Assert.Single(feed.GetProperty("entries").EnumerateArray().ToList());
        Assert.Equal("Avel floods & 300 leave", entry.GetProperty("title").GetString());
        Assert.Equal("https://harbourtonrecord.example/2025/03/12/avel", entry.GetProperty("link").GetString());
        Assert.Equal(entry.GetProperty("link").GetString(), entry.GetProperty("id").GetString());
        Assert.Equal("2025-03-12T09:15:00+00:00", entry.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("updated").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("author").ValueKind);
        Assert.Equal("About 300 people left.", entry.GetProperty("summary").GetString());
        Assert.Equal("About 300 people left their homes.\n\nTwo shelters opened.", entry.GetProperty("content").GetString());

        Assert.Equal(bomb, lines[1].GetProperty("path").GetString());
        Assert.Contains("DTD", lines[1].GetProperty("error").GetString());
        Assert.False(lines[1].TryGetProperty("entries", out _));
        Assert.Equal("no such file or folder", lines[2].GetProperty("error").GetString());

        Assert.Contains($"parallax: {bomb}: ", error.ToString());
        Assert.Contains($"parallax: {missing}: no such file or folder", error.ToString());
    }

    [Fact]
    public async Task The_readable_form_lists_entries_and_a_clean_run_exits_zero()
    {
        var good = Write("record.xml", Rss);
        var output = new StringWriter();
        var exit = await FeedsCommand.RunAsync([good], json: false, output, new ErrorReport(new StringWriter(), false), CancellationToken.None);
        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Contains("rss feed \"Harbourton Record\" <https://harbourtonrecord.example/>, 1 entry", text);
        Assert.Contains("2025-03-12 09:15  Avel floods & 300 leave", text);
    }

    [Fact]
    public async Task The_executable_keeps_paths_as_given_and_exits_one_on_a_bad_file()
    {
        Write("record.xml", Rss);
        Write("page.html", "<!doctype html><html><body>hi</body></html>");
        var result = await ParallaxProcess.RunInAsync(folder, "feeds", "parse", "record.xml", "page.html", "--json");
        Assert.Equal(1, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("record.xml", JsonDocument.Parse(lines[0]).RootElement.GetProperty("path").GetString());
        Assert.Contains("an HTML page, not a feed", JsonDocument.Parse(lines[1]).RootElement.GetProperty("error").GetString());
        Assert.Contains("parallax: page.html: an HTML page, not a feed", result.StandardError);

        var usage = await ParallaxProcess.RunInAsync(folder, "feeds", "parse", "--bogus", "record.xml");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("unknown option '--bogus'", usage.StandardError);
        Assert.Empty(usage.StandardOutput);

        Write("-dash.xml", Rss);
        var dashed = await ParallaxProcess.RunInAsync(folder, "feeds", "parse", "--json", "--", "-dash.xml");
        Assert.Equal(0, dashed.ExitCode);
        Assert.Contains("\"path\":\"-dash.xml\"", dashed.StandardOutput);
    }
}
