using System.Runtime.CompilerServices;

namespace Parallax.Tests;

/// <summary>
/// A fact that needs a file or folder of ../shared beside the checkout, skipped without it. The default `dotnet test`
/// output names a skipped test but never prints its skip reason, so the reason is put in the test's name as well.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relative, [CallerMemberName] string test = "")
    {
        var root = TestRepository.Root();
        var path = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", relative));
        if (path is null || !(File.Exists(path) || Directory.Exists(path)))
        {
            Skip = $"../shared/{relative} is absent beside this checkout";
            DisplayName = $"{test} (skipped: {Skip})";
        }
    }
}
