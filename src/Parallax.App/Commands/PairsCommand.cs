using System.CommandLine;

namespace Parallax.App.Commands;

/// <summary>`parallax pairs FILE.jsonl`. PLACEHOLDER: being written.</summary>
internal static class PairsCommand
{
    public static Command Create() => new("pairs", "Score pairs of texts for 'same story' (not written yet).");
}
