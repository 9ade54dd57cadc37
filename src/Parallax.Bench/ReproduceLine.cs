namespace Parallax.Bench;

/// <summary>The command line that reproduces a benchmark run, as a user types it (`parallax bench ...` forwards here).</summary>
internal static class ReproduceLine
{
    public static string Current() => "parallax bench " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Quote));

    private static string Quote(string arg) => arg.Length == 0 || arg.Any(char.IsWhiteSpace) ? $"\"{arg}\"" : arg;
}
