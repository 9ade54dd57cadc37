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
}
