using Parallax.Bench.Extract.Peers;
using Xunit.Abstractions;

namespace Parallax.Bench.Tests.Extract.Peers;

public sealed class ReadabilityJsPeerTests(ITestOutputHelper output) : IDisposable
{
    private static string? RepoRoot() => TestRepository.Root();

    private readonly string scratch = Directory.CreateTempSubdirectory("parallax-peer-test-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Extracts_the_article_body_when_node_modules_is_installed()
    {
        var root = RepoRoot();
        if (root is null || !Directory.Exists(Path.Combine(root, "bench", "peers", "node_modules")))
        {
            output.WriteLine($"SKIPPED: bench/peers/node_modules not found under {root ?? "(no repository root)"}; run `npm ci --prefix bench/peers` to test the Readability.js peer.");
            return;
        }

        var run = await new ReadabilityJsPeer(root).RunAsync([PeerTestPages.Lighthouse], passes: 2, CancellationToken.None);

        PeerTestPages.AssertLighthouseRun(run, "Readability.js", passes: 2);
    }

    [Fact]
    public async Task Reports_missing_node_modules_instead_of_throwing()
    {
        var peers = Directory.CreateDirectory(Path.Combine(scratch, "bench", "peers")).FullName;
        await File.WriteAllTextAsync(Path.Combine(peers, ReadabilityJsPeer.RunnerFile), "// never run");

        var run = await new ReadabilityJsPeer(scratch).RunAsync([PeerTestPages.Lighthouse], passes: 1, CancellationToken.None);

        Assert.NotNull(run.Error);
        Assert.StartsWith("node_modules missing: run `npm ci --prefix bench/peers`", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Texts);
        Assert.Empty(run.PassSeconds);
    }

    [Fact]
    public async Task Reports_a_missing_runner_instead_of_throwing()
    {
        var run = await new ReadabilityJsPeer(scratch).RunAsync([PeerTestPages.Lighthouse], passes: 1, CancellationToken.None);

        Assert.NotNull(run.Error);
        Assert.StartsWith("runner not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_missing_node_instead_of_throwing()
    {
        FakeSetup("// never run");

        var run = await new ReadabilityJsPeer(scratch, node: Path.Combine(scratch, "no-such-node")).RunAsync([PeerTestPages.Lighthouse], passes: 1, CancellationToken.None);

        Assert.NotNull(run.Error);
        Assert.StartsWith("node not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_failing_runner_with_its_message()
    {
        FakeSetup("console.error('boom from the runner'); process.exit(3);");

        var run = await new ReadabilityJsPeer(scratch).RunAsync([PeerTestPages.Lighthouse], passes: 1, CancellationToken.None);

        if (NodeMissing(run))
        {
            return;
        }

        Assert.NotNull(run.Error);
        Assert.Contains("exited with code 3", run.Error, StringComparison.Ordinal);
        Assert.Contains("boom from the runner", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_result_with_the_wrong_number_of_texts()
    {
        FakeSetup("""
            import { writeFileSync } from "node:fs";
            writeFileSync(process.argv[4], JSON.stringify({ texts: [], passSeconds: [0.1], peakRssBytes: 1 }));
            """);

        var run = await new ReadabilityJsPeer(scratch).RunAsync([PeerTestPages.Lighthouse], passes: 1, CancellationToken.None);

        if (NodeMissing(run))
        {
            return;
        }

        Assert.Equal("readability-runner returned 0 texts for 1 pages", run.Error);
    }

    /// <summary>A bench/peers folder under the scratch root whose runner is <paramref name="script"/>, with the packages' folders present.</summary>
    private void FakeSetup(string script)
    {
        var peers = Directory.CreateDirectory(Path.Combine(scratch, "bench", "peers")).FullName;
        File.WriteAllText(Path.Combine(peers, ReadabilityJsPeer.RunnerFile), script);
        Directory.CreateDirectory(Path.Combine(peers, "node_modules", "@mozilla", "readability"));
        Directory.CreateDirectory(Path.Combine(peers, "node_modules", "jsdom"));
    }

    private bool NodeMissing(PeerRun run)
    {
        if (run.Error is { } error && error.StartsWith("node not found", StringComparison.Ordinal))
        {
            output.WriteLine("SKIPPED: node is not on PATH, so the runner's failures cannot be checked.");
            return true;
        }

        return false;
    }
}
