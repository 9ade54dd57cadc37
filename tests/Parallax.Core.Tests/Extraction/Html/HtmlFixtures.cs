using System.Runtime.CompilerServices;

namespace Parallax.Core.Tests.Extraction.Html;

/// <summary>Finds the fixture pages beside these tests, from the repository root (the folder holding Parallax.slnx).</summary>
internal static class HtmlFixtures
{
    public static string RepoRoot()
    {
        // The test binaries may be built outside the tree (--artifacts-path), so this source file's own path is tried too.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), SourceDir() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Parallax.slnx not found above the test binaries.");
    }

    private static string SourceDir([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";

    public static string Dir => Path.Combine(RepoRoot(), "tests", "Parallax.Core.Tests", "Extraction", "Html", "Fixtures");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Dir, name));

    public static string Expected(string name) => File.ReadAllText(Path.Combine(Dir, name)).ReplaceLineEndings("\n");

    /// <summary>The benchmark folder, or null when ../shared is not next to the repository.</summary>
    public static string? BenchmarkDir()
    {
        var dir = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "benchmarks", "article-extraction"));
        return File.Exists(Path.Combine(dir, "ground-truth.json")) ? dir : null;
    }
}
