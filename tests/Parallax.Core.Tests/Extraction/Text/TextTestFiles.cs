using System.Runtime.CompilerServices;

namespace Parallax.Core.Tests.Extraction.Text;

/// <summary>Finds files relative to the repository root (the folder that holds Parallax.slnx).</summary>
internal static class TextTestFiles
{
    public static string? RepoRoot()
    {
        // The build may put the test binaries outside the tree (--artifacts-path), so the source file's own path is tried too.
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Path.GetDirectoryName(SourceFile()) ?? "." })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;

    /// <summary>The fixtures folder of these tests, read from the source tree so that no project file needs to copy them.</summary>
    public static string FixturesFolder() =>
        Path.Combine(RepoRoot() ?? throw new InvalidOperationException("repository root (Parallax.slnx) not found"),
            "tests", "Parallax.Core.Tests", "Extraction", "Text", "Fixtures");

    /// <summary>The reference page, or null when the shared folder is not there.</summary>
    public static string? ReferencePage()
    {
        var root = RepoRoot();
        if (root is null)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, "..", "shared", "reference", "daily8-rt-prisoner-swap.txt"));
        return File.Exists(path) ? path : null;
    }
}
