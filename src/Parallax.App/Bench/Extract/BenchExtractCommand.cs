using System.CommandLine;

namespace Parallax.App.Bench.Extract;

/// <summary>`parallax bench extract`. PLACEHOLDER: being written.</summary>
internal static class BenchExtractCommand
{
    public static Command Create() => new("extract", "Article extraction benchmark (not written yet).");
}
