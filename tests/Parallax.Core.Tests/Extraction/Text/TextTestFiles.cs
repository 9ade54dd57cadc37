namespace Parallax.Core.Tests.Extraction.Text;

/// <summary>Finds files relative to the repository root (the folder that holds Parallax.slnx).</summary>
internal static class TextTestFiles
{
    public static string? RepoRoot() => TestRepository.Root();

    /// <summary>The fixtures folder of these tests, read from the source tree so that no project file needs to copy them.</summary>
    public static string FixturesFolder() =>
        Path.Combine(RepoRoot() ?? throw new InvalidOperationException("repository root (Parallax.slnx) not found"),
            "tests", "Parallax.Core.Tests", "Extraction", "Text", "Fixtures");

    /// <summary>The reference page, or null when the shared folder is not there.</summary>
    public static string? ReferencePage() => TestRepository.SharedFile(TestRepository.ReferencePage);
}
