using System.Runtime.CompilerServices;

namespace Parallax.Tests;

/// <summary>
/// Finds the repository (the folder holding Parallax.slnx) and the shared data beside it. Test binaries may be built
/// outside the tree (--artifacts-path), so this source file's own folder is tried after the current and binary folders.
/// </summary>
internal static class TestRepository
{
    public static string? Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory, SourceFolder() })
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

    /// <summary>A file under ../shared (e.g. "reference/daily8-rt-prisoner-swap.txt"), or null when it is not there.</summary>
    public static string? SharedFile(string relative)
    {
        if (Root() is not { } root)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, "..", "shared", relative));
        return File.Exists(path) ? path : null;
    }

    /// <summary>The reference aggregator page, relative to ../shared.</summary>
    public const string ReferencePage = "reference/daily8-rt-prisoner-swap.txt";

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
