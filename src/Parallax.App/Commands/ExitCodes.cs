namespace Parallax.App.Commands;

/// <summary>The exit codes of every command, so a script can tell a bad input from a bad run (docs/contracts.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Some inputs failed, each named on standard error with its reason; the rest were done.</summary>
    public const int SomeInputsFailed = 1;

    public const int Usage = 2;

    /// <summary>The run itself failed (a bug, memory); 3 and above, never 1.</summary>
    public const int Crash = 3;

    /// <summary>Stopped by Ctrl-C before the end (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM before the end (128 + SIGTERM).</summary>
    public const int Terminated = 143;
}
