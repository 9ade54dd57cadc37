namespace Parallax.Ingest.Tests.Feeds;

/// <summary>The feed fixtures beside the tests (copied to the output folder).</summary>
internal static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Feeds", "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));
}
