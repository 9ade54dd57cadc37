namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>Finds the fixture pages beside these tests, from the repository root (the folder holding Parallax.slnx).</summary>
internal static class HtmlFixtures
{
    public static string RepoRoot() =>
        TestRepository.Root() ?? throw new InvalidOperationException("Parallax.slnx not found above the test binaries.");

    public static string Dir => Path.Combine(RepoRoot(), "tests", "Parallax.Core.Tests", "Extraction", "Html", "Fixtures");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Dir, name));

    public static string Expected(string name) => File.ReadAllText(Path.Combine(Dir, name)).ReplaceLineEndings("\n");

    /// <summary>The benchmark folder, or null when ../shared is not next to the repository.</summary>
    public static string? BenchmarkDir()
    {
        var truth = TestRepository.SharedFile("benchmarks/article-extraction/ground-truth.json");
        return truth is null ? null : Path.GetDirectoryName(truth);
    }
}
