using System.Runtime.CompilerServices;
using Parallax.Bench;

namespace Parallax.Bench.Tests;

/// <summary>
/// The repository and the shared benchmarks beside it, found as the app finds them (<see cref="BenchPaths"/>), with
/// this source file's folder as the first hint: test binaries may be built outside the tree (--artifacts-path).
/// </summary>
internal static class TestRepository
{
    public static string? Root() => BenchPaths.RepoRoot(SourceFolder());

    public static string? BenchmarksRoot() => BenchPaths.BenchmarksRoot(SourceFolder());

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
