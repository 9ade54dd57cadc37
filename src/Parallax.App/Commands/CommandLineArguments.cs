namespace Parallax.App.Commands;

/// <summary>
/// Separates the options of `analyze` and `pairs` from their paths before System.CommandLine sees them. Left to
/// itself the parser takes an unknown `--bogus` as a file name, and reads `-h.html` as a request for help. Here an
/// unknown option is a usage error, unless a file or folder of that name exists (then it is a path, as `-h.html`
/// is); `--` ends the options; and the paths are handed on after a `--` of our own, so none is read as an option.
/// </summary>
internal static class CommandLineArguments
{
    private static readonly Dictionary<string, string[]> Options = new(StringComparer.Ordinal)
    {
        ["analyze"] = ["--json", "--verbose", "--timings"],
        ["pairs"] = ["--verbose"],
    };

    private static readonly string[] HelpOptions = ["-h", "--help", "-?", "/h", "/?"];

    public static (string[] Arguments, string? Error) Normalize(IReadOnlyList<string> args, Func<string, bool> exists)
    {
        if (args.Count == 0 || !Options.TryGetValue(args[0], out var known))
        {
            return ([.. args], null);
        }

        var options = new List<string>();
        var paths = new List<string>();
        var ended = false;
        foreach (var token in args.Skip(1))
        {
            if (ended || token == "-" || !token.StartsWith('-'))
            {
                paths.Add(token);
            }
            else if (token == "--")
            {
                ended = true;
            }
            else if (known.Contains(token, StringComparer.Ordinal) || HelpOptions.Contains(token, StringComparer.Ordinal))
            {
                options.Add(token);
            }
            else if (exists(token))
            {
                paths.Add(token);
            }
            else
            {
                return ([], $"unknown option '{token}' for 'parallax {args[0]}' (the options are {string.Join(", ", known)} and --help; " +
                    "to name a file that starts with '-', put it after '--').");
            }
        }

        return ([args[0], .. options, .. paths.Count > 0 ? ["--", .. paths] : Array.Empty<string>()], null);
    }

    /// <summary>Whether --verbose is among the options (before any `--`).</summary>
    public static bool IsVerbose(IReadOnlyList<string> args) => args.TakeWhile(a => a != "--").Contains("--verbose", StringComparer.Ordinal);

    /// <summary>The help command for the command the user tried: "parallax analyze --help".</summary>
    public static string HelpCommand(IReadOnlyList<string> args) =>
        args.Count > 0 && (Options.ContainsKey(args[0]) || args[0] == "bench") ? $"parallax {args[0]} --help" : "parallax --help";
}
