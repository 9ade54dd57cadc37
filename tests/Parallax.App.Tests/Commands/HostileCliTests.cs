using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Parallax.App.Output;
using Parallax.Core.Analysis;
using Parallax.Core.Spin;

namespace Parallax.App.Tests.Commands;

/// <summary>The CLI cases of issue 13, over the real executable: options, exit codes, signals, folders, messages.</summary>
public sealed class HostileCliTests : IDisposable
{
    internal const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <title>Bridge reopens after flood repairs in the town of Harbourton on the river Avel, the works department said on Friday</title>
        </head><body>
        <article>
        <h1>Bridge reopens after flood repairs in the town of Harbourton on the river Avel, the works department said on Friday</h1>
        <p>The Mill Street bridge in Harbourton reopened to traffic on Friday, five months after spring floods tore away part of its eastern pier, the town's works department said.</p>
        <p>Crews replaced the damaged pier and resurfaced the deck at a cost of 2.4 million crowns, about 300,000 less than the first estimate, according to figures released by the council.</p>
        <p>"People can finally cross the river without the long detour through Oakfield," said works director Mara Lindqvist, who thanked residents for their patience during the repairs.</p>
        </article>
        </body></html>
        """;

    private static readonly string[] Leaks = ["Exception", "   at ", "System.", "LineNumber", "BytePositionInLine", "reader options"];

    private readonly string folder = Directory.CreateTempSubdirectory("parallax-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var run = await ParallaxProcess.RunInAsync(folder, "analyze", "--bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown option '--bogus'", run.StandardError);
        Assert.DoesNotContain("no such file", run.StandardError);
        Assert.DoesNotContain("analysed", run.StandardError);
        Assert.Equal(2, (await ParallaxProcess.RunInAsync(folder, "pairs", "x.jsonl", "--bogus")).ExitCode);
        Assert.Equal(2, (await ParallaxProcess.RunInAsync(folder, "nonsense")).ExitCode);
    }

    [Fact]
    public async Task A_file_named_like_an_option_is_analysed_and_double_dash_ends_the_options()
    {
        Write("-h.html", Page);
        Write("--verbose.html", Page);

        var named = await ParallaxProcess.RunInAsync(folder, "analyze", "--json", "-h.html");
        Assert.Equal(0, named.ExitCode);
        Assert.DoesNotContain("Usage:", named.StandardOutput);
        Assert.Single(JsonDocument.Parse(named.StandardOutput).RootElement.GetProperty("articles").EnumerateArray());

        var afterDashes = await ParallaxProcess.RunInAsync(folder, "analyze", "--json", "--", "--verbose.html");
        Assert.Equal(0, afterDashes.ExitCode);
        Assert.EndsWith("--verbose.html", JsonDocument.Parse(afterDashes.StandardOutput).RootElement.GetProperty("articles")[0].GetProperty("path").GetString());

        var missing = await ParallaxProcess.RunInAsync(folder, "analyze", "--", "-x.html");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("-x.html: no such file or folder", missing.StandardError);
    }

    [Fact]
    public async Task A_run_that_fails_itself_exits_3_not_1()
    {
        var page = Write("page.html", Page);

        // Standard output on a full disk: the input is fine, the run is not.
        var start = new ProcessStartInfo("sh") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"dotnet '{ParallaxProcess.Executable}' analyze --json '{page}' > /dev/full");
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(3, process.ExitCode);
        Assert.Contains("the run failed", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_folder_of_symlink_loops_ends()
    {
        var a = Directory.CreateDirectory(Path.Combine(folder, "L", "a")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(a, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(a, "self"), ".");
        Write("L/a/page.html", Page);
        var clock = Stopwatch.StartNew();

        var run = await ParallaxProcess.RunAsync("analyze", "--json", Path.Combine(folder, "L"));

        Assert.Equal(0, run.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
        Assert.Single(JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("articles").EnumerateArray());
        Assert.Contains("skipped 2 links to folders already walked", run.StandardError);
    }

    [Fact]
    public async Task A_link_to_a_device_is_named_not_read()
    {
        var link = Path.Combine(folder, "zero.html");
        File.CreateSymbolicLink(link, "/dev/zero");

        var run = await ParallaxProcess.RunAsync("analyze", link);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("zero.html: not a regular file", run.StandardError);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task An_unreadable_subfolder_as_a_non_root_user_is_one_failure()
    {
        Write("page.html", Page);
        var locked = Directory.CreateDirectory(Path.Combine(folder, "locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.None);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        var asNobody = Environment.UserName == "root" && File.Exists("/usr/bin/setpriv");
        var start = asNobody ? new ProcessStartInfo("setpriv") : new ProcessStartInfo("dotnet");
        if (asNobody)
        {
            // Root reads any folder, so the check runs as nobody, as the user did.
            foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "env", "HOME=/tmp", "DOTNET_CLI_HOME=/tmp", "dotnet" })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in new[] { ParallaxProcess.Executable, "analyze", "--json", folder })
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Single(JsonDocument.Parse(await output).RootElement.GetProperty("articles").EnumerateArray());
        if (asNobody || Environment.UserName != "root")
        {
            Assert.Equal(1, process.ExitCode);
            Assert.Contains("locked: cannot open the folder: permission denied", error);
        }
    }

    [Fact]
    public async Task Sigterm_stops_a_long_run_within_seconds()
    {
        // Enough pages that no machine analyses them all in the 2.5 s before the signal (a fast one did 3,000: they are
        // near copies of one page, which the copy index settles quickly).
        for (var i = 0; i < 20_000; i++)
        {
            Write($"many/p{i:D5}.html", Page.Replace("Mill Street", $"Mill Street {i}", StringComparison.Ordinal));
        }

        using var process = Process.Start(ParallaxProcess.StartInfo(folder, "analyze", "--json", "many"))!;
        var output = process.StandardOutput.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.False(process.HasExited, "the run ended before it could be stopped; give it more pages");
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Kill(process.Id, "TERM"));
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        await output;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopped after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(143, process.ExitCode);
    }

    [Fact]
    public async Task Sigterm_stops_a_run_blocked_on_its_input_within_seconds()
    {
        // `pairs -` waits on standard input, which the test keeps open: the signal must end the wait, whatever the
        // machine's speed. (One long page cannot hold a run any more: the extraction budgets refuse it in well under a second.)
        var start = ParallaxProcess.StartInfo(folder, "pairs", "-");
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync("""{"id":"p1","a":"The council voted.","b":"The council voted."}""");
        await process.StandardInput.FlushAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.False(process.HasExited, "the run ended although its input was still open");
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Kill(process.Id, "TERM"));
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        await output;
        await error;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopped after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(143, process.ExitCode);
    }

    [Fact]
    public async Task An_empty_folder_or_one_without_pages_says_so_and_fails()
    {
        Directory.CreateDirectory(Path.Combine(folder, "empty"));
        var empty = await ParallaxProcess.RunAsync("analyze", Path.Combine(folder, "empty"));
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("nothing was analysed: no page files were found", empty.StandardError);
        Assert.Contains(".xhtml", empty.StandardError);
        Assert.Contains(".txt.gz", empty.StandardError);

        Write("other/notes.pdf", "x");
        Write("other/photo.jpg", "x");
        var other = await ParallaxProcess.RunAsync("analyze", Path.Combine(folder, "other"));
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("skipped 2 files that are not pages (1 .jpg, 1 .pdf)", other.StandardError);
    }

    [Fact]
    public async Task Messages_name_the_file_without_dotnet_internals_and_repeat_at_most_20_times()
    {
        for (var i = 0; i < 25; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"bin{i:D2}.html"), [0x89, 0x50, 0x00, 0x01]);
        }

        File.WriteAllBytes(Path.Combine(folder, "cut.html.gz"), [0x1F, 0x8B, 0x08, 0x00, 0x01]);
        File.WriteAllText(Path.Combine(folder, "notgz.txt.gz"), "plain");
        Write("page.html", Page);

        var run = await ParallaxProcess.RunAsync("analyze", folder);

        Assert.Equal(1, run.ExitCode);
        var lines = run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(20, lines.Count(l => l.Contains("binary content", StringComparison.Ordinal) && l.Contains("bin", StringComparison.Ordinal) && !l.Contains("more", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("5 more inputs failed with \"binary content", StringComparison.Ordinal));
        Assert.Contains("cut.html.gz: ", run.StandardError);
        Assert.Contains("notgz.txt.gz: not gzip data", run.StandardError);
        Assert.DoesNotContain(Leaks, run.StandardError.Contains);
        Assert.Contains("27 of 28 inputs failed", run.StandardError);
    }

    [Fact]
    public async Task A_truncated_gzip_page_is_named_and_its_article_marked_partial()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Page));
        }

        File.WriteAllBytes(Path.Combine(folder, "cut.html.gz"), compressed.ToArray()[..^6]);

        var run = await ParallaxProcess.RunAsync("analyze", "--json", folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cut.html.gz: truncated gzip file", run.StandardError);
        var article = JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("articles")[0];
        Assert.True(article.GetProperty("partial").GetBoolean());
    }

    [Fact]
    public async Task A_utf7_page_with_a_non_utf8_byte_is_analysed()
    {
        var bytes = Encoding.UTF8.GetBytes(Page.Replace("utf-8", "utf-7", StringComparison.Ordinal).Replace("Lindqvist", "Lindqvist_", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'_')] = 0xE9;
        File.WriteAllBytes(Path.Combine(folder, "utf7.html"), bytes);

        var run = await ParallaxProcess.RunAsync("analyze", "--json", folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Lindqvisté", JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("articles")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_piped_report_is_not_wrapped()
    {
        Write("page.html", Page);

        var run = await ParallaxProcess.RunAsync("analyze", folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("a1 Bridge reopens after flood repairs in the town of Harbourton on the river Avel, the works department said on Friday\n", run.StandardOutput.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("\u001b[", run.StandardOutput);
    }

    [Fact]
    public void A_spun_copy_is_shown_as_such()
    {
        static AnalyzedArticle Article(string id, bool spun, string? copyOf) =>
            new(id, $"/p/{id}.html", "Title", null, null, null, null, null, "text", [], new SpinResult(spun ? 0.8 : 0.1, spun, null), copyOf, null);
        var none = new HashSet<string>();

        Assert.Contains("spun copy of a6", AnalysisReport.ArticleHeadline(Article("a5", true, "a6"), none));
        Assert.DoesNotContain("spun", AnalysisReport.ArticleHeadline(Article("a8", false, "a6"), none));
        Assert.Contains("copy of a6", AnalysisReport.ArticleHeadline(Article("a8", false, "a6"), none));
        Assert.Contains("partial", AnalysisReport.ArticleHeadline(Article("a8", false, null), new HashSet<string> { "/p/a8.html" }));
    }

    [Fact]
    public async Task Help_points_to_the_contracts_in_the_repository()
    {
        var run = await ParallaxProcess.RunAsync("analyze", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("docs/contracts.md", run.StandardOutput);
        Assert.DoesNotContain("GUIDE.md", run.StandardOutput);
        Assert.Contains(".txt.gz", run.StandardOutput);
        var root = ParallaxProcess.RepositoryRoot();
        Assert.True(root is null || File.Exists(Path.Combine(root, "docs", "contracts.md")));
    }

    private static int Kill(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        return kill.ExitCode;
    }
}
