namespace Parallax.Bench;

/// <summary>Where the repository and the shared benchmark data beside it are (`../shared/benchmarks` from the root).</summary>
internal static class BenchPaths
{
    /// <summary>
    /// The folder holding Parallax.slnx at or above <paramref name="hint"/> (tests pass their source folder, since
    /// their binaries may live outside the tree), the current folder or the binaries' folder; null outside a checkout.
    /// </summary>
    public static string? RepoRoot(string? hint = null)
    {
        foreach (var start in new[] { hint, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (string.IsNullOrEmpty(start))
            {
                continue;
            }

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

    /// <summary>The shared benchmarks folder beside the checkout, or null when it is absent.</summary>
    public static string? BenchmarksRoot(string? hint = null)
    {
        if (RepoRoot(hint) is not { } root)
        {
            return null;
        }

        var benchmarks = Path.GetFullPath(Path.Combine(root, "..", "shared", "benchmarks"));
        return Directory.Exists(benchmarks) ? benchmarks : null;
    }

    /// <summary>
    /// The `parallax` executable the benchmarks run as a child: beside this one (the tests build both into one
    /// folder), else the newest build of src/Parallax.App in the checkout; null when there is none.
    /// </summary>
    public static string? ParallaxDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "parallax.dll");
        if (File.Exists(beside))
        {
            return beside;
        }

        return RepoRoot() is not { } root
            ? null
            : new[] { "Release", "Debug" }
                .Select(c => Path.Combine(root, "src", "Parallax.App", "bin", c, "net10.0", "parallax.dll"))
                .Where(File.Exists)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault();
    }
}
