using System.CommandLine;

namespace Parallax.App.Bench.Stories;

/// <summary>`parallax bench stories`. PLACEHOLDER: being written.</summary>
internal static class BenchStoriesCommand
{
    public static Command Create() => new("stories", "Story clustering, copy and spin benchmark (not written yet).");
}
